// The elementary functions every training run computes with: close to Math's,
// and built only from operations IEEE 754 defines exactly, so that a run in the
// page's worker repeats the build's run bit for bit (issue 12, item 1).
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import {TrainJob} from "../../src/core/live/sliced-job.js";
import {initParams} from "../../src/core/engine/mlp.js";
import * as P from "../../src/core/engine/portable-math.js";
import {PlaygroundRun} from "../../src/core/playground/run.js";
import type {PlaygroundSettings} from "../../src/core/playground/settings.js";
import {DATASET_NAMES} from "../../src/core/playground/datasets.js";
import {createRng} from "../../src/core/engine/random.js";
import {RETRAIN_FIELDS, retrainJobs} from "../../src/core/settings/retrain.js";
import {defaults} from "../../src/core/settings/fields.js";

/** The spacing of doubles at |x|. */
function ulp(x: number): number {
  const a = Math.abs(x);
  if (a < 2.2250738585072014e-308) return Number.MIN_VALUE;
  let u = P.pow2(Math.floor(Math.log2(a)) - 52);
  if (a < u * 2 ** 52) u /= 2; // log2 rounded up at a power of two
  return u;
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function worstUlps(
  f: (x: number) => number,
  g: (x: number) => number,
  draw: () => number,
  n = 20000
): {ulps: number; at: number} {
  let worst = {ulps: 0, at: NaN};
  for (let i = 0; i < n; ++i) {
    const x = draw();
    const e = Math.abs(f(x) - g(x)) / ulp(g(x));
    if (e > worst.ulps) worst = {ulps: e, at: x};
  }
  return worst;
}

describe("portable elementary functions", () => {
  const r = lcg(7);
  const cases: [string, (x: number) => number, (x: number) => number, () => number, number][] = [
    ["exp", P.exp, Math.exp, () => (r() - 0.5) * 1400, 1],
    ["expm1", P.expm1, Math.expm1, () => (r() - 0.5) * 4, 2],
    ["expm1 near 0", P.expm1, Math.expm1, () => (r() - 0.5) * 1e-6, 1],
    ["tanh", P.tanh, Math.tanh, () => (r() - 0.5) * 60, 3],
    ["tanh near 0", P.tanh, Math.tanh, () => (r() - 0.5) * 1e-3, 3],
    ["sigmoid", P.sigmoid, (x) => 1 / (1 + Math.exp(-x)), () => (r() - 0.5) * 80, 2],
    ["log", P.log, Math.log, () => r(), 1],
    ["log over every exponent", P.log, Math.log, () => Math.exp((r() - 0.5) * 1400), 1],
    ["sin", P.sin, Math.sin, () => (r() - 0.5) * 40, 1],
    ["cos", P.cos, Math.cos, () => (r() - 0.5) * 40, 1],
    ["sin at 10⁵", P.sin, Math.sin, () => (r() - 0.5) * 2e5, 2]
  ];
  for (const [name, f, g, draw, limit] of cases) {
    it(`${name} is within ${limit} ulp of Math's`, () => {
      const {ulps, at} = worstUlps(f, g, draw);
      assert.ok(ulps <= limit, `${ulps} ulp at ${at}`);
    });
  }

  it("keeps the special values", () => {
    assert.equal(P.exp(-Infinity), 0);
    assert.equal(P.exp(Infinity), Infinity);
    assert.equal(P.exp(800), Infinity);
    assert.equal(P.exp(-740), Math.exp(-740)); // a subnormal result
    assert.ok(
      Number.isNaN(P.exp(NaN)) &&
        Number.isNaN(P.tanh(NaN)) &&
        Number.isNaN(P.sin(Infinity)) &&
        Number.isNaN(P.log(-1))
    );
    assert.equal(P.log(0), -Infinity);
    assert.equal(P.log(Infinity), Infinity);
    assert.equal(P.log(1), 0);
    assert.equal(P.log(Number.MIN_VALUE), Math.log(Number.MIN_VALUE));
    assert.ok(Object.is(P.tanh(-0), -0) && Object.is(P.sin(-0), -0));
    assert.equal(P.tanh(30), 1);
    assert.equal(P.tanh(-30), -1);
    assert.equal(P.cos(0), 1);
    assert.equal(P.sigmoid(0), 0.5);
  });

  it("powInt multiplies exactly where the result is exact and stays within n·2⁻⁵³ relative otherwise", () => {
    assert.equal(P.powInt(3, 0), 1);
    assert.equal(P.powInt(3, 33), 3 ** 33);
    assert.equal(P.powInt(0.5, 1074), Number.MIN_VALUE);
    for (const n of [1, 2, 7, 100, 12000]) {
      const rel = Math.abs(P.powInt(0.999, n) / Math.pow(0.999, n) - 1);
      assert.ok(rel <= n * 2 ** -53 + 2 ** -52, `0.999^${n}: ${rel}`);
    }
    assert.throws(() => P.powInt(2, 1.5), /whole exponent/);
  });

  it("splits ln 2 and π/2 into parts whose products with whole numbers are exact", () => {
    // ln 2 and π/2 to 40 digits, scaled to integers.
    const scale = 10n ** 40n;
    const LN2 = 6931471805599453094172321214581765680755n;
    const PIO2 = 15707963267948966192313216916397514420986n;
    const exact = (x: number): bigint => {
      // x = m · 2^e exactly; returns round(x · 10^40) for 0 < x < 2 (enough for the sums below).
      let e = 0;
      let m = x;
      while (!Number.isInteger(m)) {
        m *= 2;
        ++e;
      }
      return (BigInt(m) * scale) / 2n ** BigInt(e);
    };
    const src = readFileSync("src/core/engine/portable-math.ts", "utf8");
    const constant = (name: string) => Number(new RegExp(`const ${name} = ([^;]+);`).exec(src)![1]);
    const bits = (x: number) => {
      let m = x;
      while (!Number.isInteger(m)) m *= 2;
      return BigInt(m).toString(2).replace(/0+$/, "").length;
    };
    // Each sum is as close as its last part can be: within one unit in that part's last place.
    const within = (sum: bigint, target: bigint, last: number) => {
      const d = sum > target ? sum - target : target - sum;
      return d <= BigInt(Math.ceil(ulp(last) * 1e40)) + 1n;
    };
    const ln2 = exact(constant("LN2_HI")) + exact(constant("LN2_LO"));
    assert.ok(within(ln2, LN2, constant("LN2_LO")), `ln 2 split off by ${ln2 - LN2} · 1e-40`);
    assert.ok(bits(constant("LN2_HI")) <= 32);
    const pio2 = exact(constant("PIO2_1")) + exact(constant("PIO2_2")) + exact(constant("PIO2_3"));
    assert.ok(within(pio2, PIO2, constant("PIO2_3")), `π/2 split off by ${pio2 - PIO2} · 1e-40`);
    assert.ok(bits(constant("PIO2_1")) <= 33 && bits(constant("PIO2_2")) <= 33);
  });
});

describe("a training run computes with exactly defined operations only", () => {
  // Functions the language lets every engine approximate in its own way.
  const ENGINE_DEPENDENT = [
    "sin",
    "cos",
    "tan",
    "tanh",
    "sinh",
    "cosh",
    "exp",
    "expm1",
    "log",
    "log1p",
    "log2",
    "log10",
    "pow",
    "hypot",
    "atan",
    "atan2",
    "asin",
    "acos",
    "cbrt"
  ] as const;

  function withoutEngineMath(body: () => void): void {
    const math = Math as unknown as Record<string, unknown>;
    const saved = ENGINE_DEPENDENT.map((k) => math[k]);
    for (const k of ENGINE_DEPENDENT) {
      math[k] = () => {
        throw new Error(`Math.${k} called in a training run`);
      };
    }
    try {
      body();
    } finally {
      ENGINE_DEPENDENT.forEach((k, i) => (math[k] = saved[i]));
    }
  }

  it("the source of the portable functions names no engine-dependent function", () => {
    const src = readFileSync("src/core/engine/portable-math.ts", "utf8").replace(
      /\/\*[\s\S]*?\*\/|\/\/.*$/gm,
      ""
    );
    const used = new Set([...src.matchAll(/Math\.(\w+)/g)].map((m) => m[1]));
    assert.deepEqual(
      [...used].filter((k) => !["abs", "round", "floor", "sqrt"].includes(k)),
      []
    );
    assert.ok(!/\*\*/.test(src), "the ** operator is Math.pow");
  });

  it("playground runs: every data set, activation and feature", () => {
    withoutEngineMath(() => {
      for (const dataset of DATASET_NAMES) {
        for (const activation of ["tanh", "sigmoid", "relu", "linear"] as const) {
          const s: PlaygroundSettings = {
            dataset,
            noise: 20,
            trainRatio: 50,
            batchSize: 10,
            features: ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"],
            hidden: [3, 2],
            activation,
            regularization: "l1",
            regRate: 0.001,
            lr: 0.03,
            seed: 4,
            epochs: 2
          };
          const run = new PlaygroundRun(s);
          run.runEpoch();
          assert.ok(Number.isFinite(run.losses().test));
        }
      }
    });
  });

  it("autoencoder runs with Adam and SGD, and both initialisations", () => {
    withoutEngineMath(() => {
      for (const optimizer of ["adam", "sgd"]) {
        for (const init of ["torch", "tfjs"]) {
          const [job] = retrainJobs({...defaults(RETRAIN_FIELDS), epochs: 2, optimizer, init}, ["small"]);
          const t = new TrainJob(job);
          while (t.advance(1000) === "training");
          assert.equal(t.report().status, "done");
        }
      }
      assert.ok(
        initParams({widths: [2, 3, 1], activations: ["tanh", "linear"]}, "tfjs", createRng(1)).every(
          Number.isFinite
        )
      );
    });
  });
});
