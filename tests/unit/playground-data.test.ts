import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {parseField, parseParams, toParams} from "../../src/core/settings/fields.js";
import {
  DATASET_NAMES,
  GENERATORS,
  circle,
  gauss,
  gaussVariance,
  playgroundData,
  spiral,
  xor
} from "../../src/core/playground/datasets.js";
import type {Points} from "../../src/core/playground/datasets.js";
import {FEATURE_NAMES, canonicalFeatures, featurize} from "../../src/core/playground/features.js";
import {PLAYGROUND_FIELDS, settingsFromQuery, settingsQuery} from "../../src/core/playground/settings.js";
import {createRng} from "../../src/core/engine/random.js";

const count = (p: Points, label: number) => p.label.filter((l) => l === label).length;
const radius = (p: Points, i: number) => Math.hypot(p.xy[2 * i], p.xy[2 * i + 1]);

describe("the Playground's data sets", () => {
  for (const name of DATASET_NAMES) {
    it(`${name}: 500 points with labels ±1, the same for the same seed`, () => {
      const a = GENERATORS[name](500, 0.2, createRng(3));
      const b = GENERATORS[name](500, 0.2, createRng(3));
      const c = GENERATORS[name](500, 0.2, createRng(4));
      assert.equal(a.label.length, 500);
      assert.equal(a.xy.length, 1000);
      assert.ok(a.label.every((l) => l === 1 || l === -1));
      assert.ok(a.xy.every(Number.isFinite));
      assert.deepEqual(a, b);
      assert.notDeepEqual(a.xy, c.xy);
    });
  }

  it("spiral, circle and gaussian: 250 points of each label; exclusive or: labels by the sign of x·y", () => {
    for (const gen of [spiral, gauss]) {
      const p = gen(500, 0.5, createRng(1));
      assert.equal(count(p, 1), 250);
      assert.equal(count(p, -1), 250);
    }
    const c = circle(500, 0, createRng(1));
    assert.equal(count(c, 1), 250);
    const x = xor(500, 0, createRng(1));
    for (let i = 0; i < 500; ++i) assert.equal(x.label[i], x.xy[2 * i] * x.xy[2 * i + 1] >= 0 ? 1 : -1);
    assert.ok(count(x, 1) > 200 && count(x, 1) < 300, `${count(x, 1)} positive points`);
  });

  it("spiral without noise: point i of an arm has r = 5i/n and t = 1.75·2π·i/n (+π for the second arm)", () => {
    const p = spiral(500, 0, createRng(5));
    const n = 250;
    for (let arm = 0; arm < 2; ++arm) {
      for (let i = 0; i < n; ++i) {
        const k = arm * n + i;
        const r = (5 * i) / n;
        const t = (1.75 * 2 * Math.PI * i) / n + arm * Math.PI;
        assert.ok(Math.abs(p.xy[2 * k] - r * Math.sin(t)) < 1e-12);
        assert.ok(Math.abs(p.xy[2 * k + 1] - r * Math.cos(t)) < 1e-12);
        assert.equal(p.label[k], arm === 0 ? 1 : -1);
      }
    }
    // The last point of the first arm sits at radius 5 · 249/250.
    assert.ok(Math.abs(radius(p, 249) - (5 * 249) / 250) < 1e-12);
  });

  it("spiral noise moves each coordinate by U(−1, 1) · noise: at most the noise, and nearly all of it somewhere", () => {
    for (const noise of [0.1, 0.5]) {
      const clean = spiral(500, 0, createRng(7));
      const noisy = spiral(500, noise, createRng(7));
      let largest = 0;
      for (let k = 0; k < 1000; ++k) {
        const d = Math.abs(noisy.xy[k] - clean.xy[k]);
        assert.ok(d <= noise, `moved by ${d} > ${noise}`);
        largest = Math.max(largest, d);
      }
      assert.ok(largest > 0.95 * noise, `largest move ${largest} for noise ${noise}`);
    }
  });

  it("circle: noise flips labels near the gap but never moves a point", () => {
    const clean = circle(500, 0, createRng(2));
    const noisy = circle(500, 0.5, createRng(2));
    for (let i = 0; i < 250; ++i) assert.ok(radius(noisy, i) <= 2.5);
    for (let i = 250; i < 500; ++i) assert.ok(radius(noisy, i) >= 3.5 && radius(noisy, i) <= 5);
    for (let i = 0; i < 500; ++i) assert.equal(clean.label[i], i < 250 ? 1 : -1);
    const flipped = Array.from(noisy.label).filter((l, i) => l !== (i < 250 ? 1 : -1)).length;
    assert.ok(flipped > 20, `${flipped} labels flipped at noise 0.5`);
  });

  it("exclusive or: coordinates pushed 0.3 away from zero", () => {
    const p = xor(500, 0.3, createRng(4));
    assert.ok(p.xy.every((v) => Math.abs(v) >= 0.3 && Math.abs(v) <= 5.3));
  });

  it("gaussian: the variance grows from 0.5 at noise 0 to 4 at noise 0.5", () => {
    assert.equal(gaussVariance(0), 0.5);
    assert.equal(gaussVariance(0.5), 4);
    for (const noise of [0, 0.5]) {
      const p = gauss(20000, noise, createRng(8));
      const xs = Array.from({length: 10000}, (_, i) => p.xy[2 * i]); // the positive cloud, centred at 2
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
      assert.ok(Math.abs(mean - 2) < 0.06, `mean ${mean}`);
      assert.ok(Math.abs(variance / gaussVariance(noise) - 1) < 0.05, `variance ${variance}`);
    }
  });

  it("shuffles, then splits ⌊500 · ratio / 100⌋ points off for training", () => {
    for (const ratio of [10, 33, 50, 90]) {
      const d = playgroundData({dataset: "spiral", noise: 10, trainRatio: ratio}, createRng(6));
      assert.equal(d.train.label.length, Math.floor(5 * ratio));
      assert.equal(d.test.label.length, 500 - Math.floor(5 * ratio));
    }
    // The split holds exactly the generated points, in another order.
    const d = playgroundData({dataset: "gauss", noise: 0, trainRatio: 50}, createRng(9));
    const rng = createRng(9);
    const all = gauss(500, 0, rng);
    const key = (xy: Float64Array, l: Float64Array, i: number) => `${xy[2 * i]},${xy[2 * i + 1]},${l[i]}`;
    const generated = Array.from({length: 500}, (_, i) => key(all.xy, all.label, i)).sort();
    const split = [
      ...Array.from({length: 250}, (_, i) => key(d.train.xy, d.train.label, i)),
      ...Array.from({length: 250}, (_, i) => key(d.test.xy, d.test.label, i))
    ];
    assert.deepEqual([...split].sort(), generated);
    assert.notDeepEqual(
      split,
      Array.from({length: 500}, (_, i) => key(all.xy, all.label, i)),
      "shuffled"
    );
    assert.throws(() => playgroundData({dataset: "spiral", noise: 60, trainRatio: 50}, createRng(1)));
    assert.throws(() => playgroundData({dataset: "spiral", noise: 0, trainRatio: 5}, createRng(1)));
  });
});

describe("the seven input features", () => {
  it("maps (x₁, x₂) to X₁, X₂, X₁², X₂², X₁X₂, sin X₁, sin X₂ in that order", () => {
    const f = featurize([2, -3, 0.5, 1], FEATURE_NAMES);
    assert.deepEqual(Array.from(f.subarray(0, 7)), [2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)]);
    assert.deepEqual(Array.from(f.subarray(7)), [0.5, 1, 0.25, 1, 0.5, Math.sin(0.5), Math.sin(1)]);
  });

  it("keeps the canonical order whatever order the features are given in, and refuses unknown or no features", () => {
    assert.deepEqual(canonicalFeatures(["sinx2", "x1"]), ["x1", "sinx2"]);
    assert.deepEqual(Array.from(featurize([2, 3], ["x1x2", "x1"])), [2, 6]);
    assert.throws(() => featurize([1, 2], []));
    assert.throws(() => canonicalFeatures(["x3"]));
  });
});

describe("playground settings in the URL", () => {
  const field = (key: string) => PLAYGROUND_FIELDS.find((f) => f.key === key)!;

  it("parses the feature set and the hidden layers strictly, canonically", () => {
    assert.deepEqual(parseField(field("features"), "sinx1,x1"), {value: "x1,sinx1"});
    assert.ok("reason" in parseField(field("features"), ""));
    assert.ok("reason" in parseField(field("features"), "x1,x1"));
    assert.ok("reason" in parseField(field("features"), "x1,<b>"));
    assert.deepEqual(parseField(field("hidden"), "8, 8,3"), {value: "8,8,3"});
    assert.deepEqual(parseField(field("hidden"), ""), {value: ""});
    for (const bad of ["9", "0", "1,2,3,4,5,6,7", "2.5", "a", "-1", "1e1"])
      assert.ok("reason" in parseField(field("hidden"), bad), bad);
  });

  it("round-trips settings through the query string and reports refused values", () => {
    const {settings} = settingsFromQuery(
      "dataset=spiral&hidden=8,8,8,8&activation=relu&reg=l2&regRate=0.003&features=x2,x1&epochs=1500"
    );
    assert.deepEqual(settings.hidden, [8, 8, 8, 8]);
    assert.deepEqual(settings.features, ["x1", "x2"]);
    assert.equal(settings.regRate, 0.003);
    const query = settingsQuery(settings);
    assert.deepEqual(settingsFromQuery(query).settings, settings);
    const bad = parseParams(
      PLAYGROUND_FIELDS,
      new URLSearchParams("noise=80&lr=0.02&dataset=moons&hidden=12&batch=31&seed=x")
    );
    assert.deepEqual(bad.ignored.map((g) => g.key).sort(), [
      "batch",
      "dataset",
      "hidden",
      "lr",
      "noise",
      "seed"
    ]);
    assert.equal(toParams(PLAYGROUND_FIELDS, bad.values).toString(), "");
  });
});
