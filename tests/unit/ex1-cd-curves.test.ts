// Exercise 1 (c)/(d): the decoder curves the page draws, the verdicts on the predictions
// of (c) for the published seeds and for a reader's run, and the sentences built from them.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {DEFAULT_SNAPSHOT_CONFIG, buildAutoencoderSnapshot} from "../../src/core/autoencoder/snapshot.js";
import {decode, encode, sheetModel} from "../../src/core/autoencoder/models.js";
import {decoderVerdicts, measureLinear, measureRelu} from "../../src/core/autoencoder/decoder-verdicts.js";
import type {Verdict} from "../../src/core/autoencoder/decoder-verdicts.js";
import {initParams} from "../../src/core/engine/mlp.js";
import {createRng} from "../../src/core/engine/random.js";
import {
  TEN_PIECES_NOTE,
  allSeedCurves,
  curvePanels,
  flatData,
  intervalText,
  linkedView,
  pointReadout,
  publishedVerdicts,
  readerEnd,
  readerVerdicts,
  trainedParams,
  verdictSummary
} from "../../src/core/exercises/cd/curves.js";

const snap = buildAutoencoderSnapshot({
  ...DEFAULT_SNAPSHOT_CONFIG,
  seeds: [0, 1],
  epochs: 40,
  history: {...DEFAULT_SNAPSHOT_CONFIG.history, seeds: []}
});
const TITLES = {pca: "PCA-like (linear)", small: "small", big: "big"} as const;
const DATA = {interval: "data", a: 3, scheme: "torch"} as const;

describe("the decoder curves of (d)", () => {
  it("span the data's codes widened by 10 %, and count the pieces the build counted", () => {
    const shown = curvePanels(snap, 1, DATA);
    assert.deepEqual(
      shown.panels.map((p) => p.name),
      ["pca", "small", "big"]
    );
    assert.equal(shown.seed, 1);
    for (const p of shown.panels) {
      const spec = sheetModel(p.name);
      const codes = encode(spec, trainedParams(snap, p.name, 1), flatData(snap), 100);
      const [lo, hi] = [Math.min(...codes), Math.max(...codes)];
      const c = p.trained.curve;
      assert.ok(
        Math.abs(c.lo - (lo - 0.1 * (hi - lo))) < 1e-12 && Math.abs(c.hi - (hi + 0.1 * (hi - lo))) < 1e-12
      );
      assert.equal(c.z.length, 241);
      // The curve is the decoder's image of its codes.
      const x = decode(spec, p.trained.params, [c.z[100]], 1);
      assert.deepEqual(c.x[100], [x[0], x[1]]);
      // The build counted the trained pieces on the same interval (its curve's margin is 10 % too).
      const run = snap.models[p.name]!.runs.find((r) => r.seed === 1)!;
      assert.equal(p.trained.shape.pieces, run.analysis.finalShape.pieces, p.name);
      assert.equal(p.init.shape.pieces, run.analysis.initShape.pieces, p.name);
    }
  });
  it("untrained with zero biases on [−a, a]: two rays from the origin, at most two pieces", () => {
    const shown = curvePanels(snap, 0, {interval: "fixed", a: 3, scheme: "tfjs"});
    for (const p of shown.panels.slice(1)) {
      assert.equal(intervalText(p.init.curve), "[-3.00, 3.00]");
      assert.ok(p.init.shape.pieces <= 2, `${p.name}: ${p.init.shape.pieces} pieces`);
      const mid = p.init.curve.x[120]; // z = 0
      assert.ok(Math.hypot(mid[0], mid[1]) < 1e-12);
      // The same seed's draw as the worker's and the build's.
      assert.deepEqual(p.init.params, initParams(sheetModel(p.name), "tfjs", createRng(0)));
    }
  });
  it("draws every seed's trained curve over the codes of the data, the chosen seed in colour", () => {
    const all = allSeedCurves(snap, 1);
    for (const {name, curves} of all) {
      assert.deepEqual(
        curves.map((c) => c.muted),
        [true, false]
      );
      const codes = encode(sheetModel(name), trainedParams(snap, name, 0), flatData(snap), 100);
      assert.equal(curves[0].z.length, 161);
      assert.equal(curves[0].lo, Math.min(...codes));
      assert.equal(curves[0].hi, Math.max(...codes));
    }
  });
  it("links a data point to its code and reconstruction", () => {
    const view = linkedView(snap, "small", 0, DATA);
    assert.equal(view.codes.length, 100);
    const text = pointReadout(snap.data, view, 16);
    const [x1, x2] = snap.data[16];
    assert.ok(text.startsWith(`Point 17 at (${x1.toFixed(3)}, ${x2.toFixed(3)}) has the code z = `));
    const [r1, r2] = view.reconstructions[16];
    assert.ok(text.endsWith(`${Math.hypot(x1 - r1, x2 - r2).toFixed(3)} away.`));
  });
});

describe("the verdicts on the predictions of (c)", () => {
  it("are those the page judged before, from every published seed", () => {
    const init = (m: "small" | "big", seed: number, scheme: "torch" | "tfjs") =>
      initParams(sheetModel(m), scheme, createRng(seed));
    const pc1 = snap.pca.components[0];
    const relu = (m: "small" | "big") =>
      snap.models[m]!.runs.map((r) =>
        measureRelu(sheetModel(m), r.analysis, init(m, r.seed, "torch"), init(m, r.seed, "tfjs"))
      );
    const old = decoderVerdicts(
      {
        pca: snap.models.pca!.runs.map((r) => measureLinear(r.weights, r.analysis, pc1, snap.pca.mean)),
        small: relu("small"),
        big: relu("big")
      },
      TITLES
    );
    const verdicts = publishedVerdicts(snap, TITLES);
    assert.deepEqual(verdicts, old);
    assert.equal(verdicts.length, 7);
    // The predictions that hold at any training length: the linear decoder is straight, zero biases give
    // rays.
    assert.equal(verdicts[0].held, true);
    assert.equal(verdicts[4].held, true);
    assert.equal(verdicts[5].held, true);
  });
  it("judge a reader's run only once every model has its final state, with the same functions", () => {
    const asReader = (m: "pca" | "small" | "big") => {
      const r = snap.models[m]!.runs.find((x) => x.seed === 0)!;
      return {
        model: m,
        hidden: snap.models[m]!.hidden,
        seed: 0,
        phase: "done",
        epochLoss: r.epochLoss,
        view: r.final,
        params: r.weights
      };
    };
    const models = (["pca", "small", "big"] as const).map(asReader);
    const reader = readerVerdicts(models, snap.pca, TITLES)!;
    assert.equal(reader.length, 7);
    // One run: the untrained small model's measured pieces are those of seed 0's draw, as published.
    const pieces = snap.models.small!.runs[0].analysis.initShape.pieces;
    assert.match(reader[2].measured, new RegExp(`^${pieces} pieces?; length `));
    assert.equal(readerVerdicts([], snap.pca, TITLES), null);
    assert.equal(
      readerVerdicts([models[0], {...models[1], params: undefined}, models[2]], snap.pca, TITLES),
      null
    );
    assert.equal(
      readerEnd([models[0], {...models[1], phase: "stopped"}, {...models[2], phase: "failed"}], TITLES),
      "; small stopped at epoch 40; big failed at epoch 40"
    );
  });
  it("are summed up in a sentence that names what did not hold", () => {
    const v = (held: boolean, what: string): Verdict => ({prediction: "p", measured: "m", held, what});
    const all = [v(true, "a"), v(true, "b")];
    assert.equal(verdictSummary(all, null), "In the published runs, 2 of 2 predictions held.");
    const oneFailed = [v(true, "a"), v(false, "the untrained small model has up to 12 pieces")];
    assert.equal(
      verdictSummary(oneFailed, [v(false, "x"), v(false, "y")]),
      `In the published runs, 1 of 2 predictions held; in your run, 0 of 2 (not: x; y). Where one did not: the untrained small model has up to 12 pieces. ${TEN_PIECES_NOTE}`
    );
    assert.equal(
      verdictSummary([v(false, "the trained linear decoder misses the principal axis")], all),
      "In the published runs, 0 of 1 predictions held; in your run, 2 of 2. Where one did not: the trained linear decoder misses the principal axis. "
    );
  });
});
