import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as d3 from "d3";
import {codeDomain, dataVariance, shownFacts, yourRunText} from "../../src/core/exercises/fg/facts.js";
import type {ShownRun} from "../../src/core/exercises/fg/facts.js";
import {bySeedFileRows, seedRows, sweepFileRows, sweepRows} from "../../src/core/exercises/fg/tables.js";
import type {EncoderRetrainRun, SweepRun} from "../../src/core/exercises/fg/encoder-retrain.js";
import type {CodeOutcome} from "../../src/core/exercises/fg/outcome.js";
import type {RetrainSweep} from "../../src/core/exercises/fg/sweep.js";
import {createRng} from "../../src/core/engine/random.js";

const n = 4;
const shown: ShownRun = {
  seed: 3,
  codes: {old: [0, 1, 2, 4], retrained: [0.5, 0.5, 1.5, 1.5], best: [0, 0.5, 2, 4]},
  atBest: [false, true, false, false],
  checkpoints: [{mse: 0.6543}, {mse: 0.05}],
  mseBefore: 0.02,
  mseAfterRetrain: 0.05,
  optimalEncoderMse: 0.01
};

describe("the captions of (g)'s figures", () => {
  it("states where the run on show starts and ends against the old and the best possible loss", () => {
    const f = shownFacts(shown, true, 2, n);
    assert.equal(f.startMse, "0.654");
    assert.equal(
      f.endsAt,
      "ends at 0.0500, 2.5 times the old encoder's loss and 5.0 times the best possible"
    );
    assert.equal(f.reached, "1 of 4 points");
    // Retrained codes span 1 of the old codes' 4.
    assert.equal(f.codeSpan, "25%");
    assert.match(f.converge, /^Many orange arrows/);
    assert.match(f.stuck, /sits in a local minimum/);
    assert.equal(f.crosses, "");
    assert.equal(f.seed, "3");
  });

  it("says so when the run ends below the old loss, reached most best codes, and compares with the published run", () => {
    const better = {...shown, mseAfterRetrain: 0.015, atBest: [true, true, true, false]};
    const f = shownFacts(better, false, 1, n);
    assert.equal(f.endsAt, "ends below the old encoder's loss");
    assert.match(f.converge, /^Most arrows end/);
    assert.match(f.stuck, /reached the best basin/);
    assert.match(f.crosses, /Grey crosses/);
    assert.match(f.crossesCodes, /Grey crosses/);
  });

  it("has nothing to say before a reader's run reports", () => {
    const f = shownFacts(undefined, false, 0, n);
    assert.equal(f.startMse, "");
    assert.equal(f.endsAt, "");
    assert.equal(f.crosses, "");
  });

  it("widens the code axis by 5 % on each side of every code on show", () => {
    assert.deepEqual(codeDomain(shown), [-0.2, 4.2]);
    assert.deepEqual(codeDomain(shown, [-1]), [-1.25, 4.25]);
    assert.deepEqual(codeDomain(undefined), [-0.05, 1.05]);
  });

  it("computes the data's variance with the same bits as d3", () => {
    const rng = createRng(11);
    const data = Array.from({length: 100}, () => [rng.uniform(-2, 2), rng.uniform(-1, 1)]);
    const m = data.length;
    const oracle = d3.mean([0, 1], (k) => (d3.variance(data, (p) => p[k])! * (m - 1)) / m)!;
    assert.equal(dataVariance(data), oracle);
    // U(−2, 2) and U(−1, 1) have variances 4/3 and 1/3: their mean is 5/6.
    assert.ok(Math.abs(dataVariance(data) - 5 / 6) < 0.15);
  });
});

const outcome = (mse: number, atBest: number): CodeOutcome => ({
  epochs: 1000,
  mse,
  atBest,
  fractionAtBestCode: atBest / 100,
  gap: mse - 0.01,
  travel: 0.5,
  movedFromOld: 100 - atBest
});
const sweepRun = (seed: number, learningRate: number, outcomes: CodeOutcome[]): SweepRun => ({
  seed,
  learningRate,
  outcomes,
  diverged: null,
  firstEpochStep: 0.001,
  checkpoints: []
});

describe("a reader's run of (g)", () => {
  const sweep = {runs: [sweepRun(0, 1e-3, [outcome(0.04, 30)])]} as unknown as RetrainSweep;
  const mine = {
    seed: 0,
    epoch: 1000,
    settings: {lr: 1e-3, epochs: 1000, draw: 0},
    mseBefore: 0.02,
    optimalEncoderMse: 0.01,
    outcome: outcome(0.04, 30)
  };

  it("measures it as the published runs are and says the browser reproduced the build's run", () => {
    const text = yourRunText(mine, "your run (seed 0)", sweep, 100);
    assert.match(
      text,
      /^For your run \(seed 0\): MSE 0\.0400, 4\.0 times the best possible \(gap 0\.0300\), above/
    );
    assert.match(text, /30 of 100 points at their best code and 70 codes away/);
    assert.match(text, /Your browser reproduced it\.$/);
  });

  it("explains a difference from the build's run with the same settings", () => {
    const text = yourRunText({...mine, outcome: outcome(0.05, 20)}, "your run", sweep, 100);
    assert.match(text, /The two differ although every setting is the same/);
  });

  it("names no build run for another encoder draw or an unfinished run", () => {
    assert.doesNotMatch(
      yourRunText({...mine, settings: {...mine.settings, draw: 1}}, "r", sweep, 100),
      /build/
    );
    assert.doesNotMatch(yourRunText({...mine, epoch: 500}, "r", sweep, 100), /build/);
  });
});

describe("the tables and files of (g)", () => {
  const run = (seed: number) =>
    ({
      seed,
      mseBefore: 0.02,
      mseAfterReinit: 0.9,
      mseAfterRetrain: 0.06,
      optimalEncoderMse: 0.015,
      atBest: {old: 40, retrained: 20},
      localMinima: {median: 3, max: 7}
    }) as unknown as EncoderRetrainRun;

  it("puts a reader's run first, measured by the same columns", () => {
    const rows = seedRows([run(0), run(1)], {seed: 1, run: run(1), outcome: outcome(0.03, 25)});
    assert.deepEqual(
      rows.map((r) => r.run),
      ["your run, seed 1", "seed 0", "seed 1"]
    );
    assert.equal(rows[0]["÷ best"], 2);
    assert.equal(rows[1]["÷ best"], 4);
    assert.equal(rows[1]["retrained at best"], 20);
  });

  it("shapes the sweep's rows, with the codes' travel only at the first length", () => {
    const plan = {
      learningRates: [1e-3, 1e-2],
      lengths: [1000, 2000],
      seeds: [0],
      central: [1e-3, 1e-2],
      edgeSeeds: [0],
      evalEvery: 480,
      curveEvery: 960
    };
    const at = (epochs: number, mse: number, atBest: number) => ({
      ...outcome(mse, atBest),
      epochs,
      travel: 2
    });
    const sweep = {
      plan,
      references: [
        {
          seed: 0,
          mseBefore: 0.02,
          mseAfterReinit: 0.9,
          optimalEncoderMse: 0.01,
          basinSpacing: 4,
          codeRange: 10
        }
      ],
      runs: [
        sweepRun(0, 1e-3, [at(1000, 0.05, 10), at(2000, 0.04, 12)]),
        sweepRun(0, 1e-2, [at(1000, 0.015, 60)])
      ]
    } as unknown as RetrainSweep;
    const rows = sweepRows(sweep);
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((r) => [r["learning rate"], r.epochs, r["below old loss"], r["codes travelled"]]),
      [
        ["0.001", 1000, "0 of 1", 0.5],
        ["0.001", 2000, "0 of 1", undefined],
        ["0.01", 1000, "1 of 1", 0.5]
      ]
    );
  });

  it("writes one file row per seed, and one per learning rate, length and seed", () => {
    const bySeed = {
      mseBefore: [1, 2],
      mseAfterReinit: [3, 4],
      mseAfterRetrain: [5, 6],
      optimalEncoderMse: [7, 8]
    };
    assert.deepEqual(bySeedFileRows([0, 5], bySeed)[1], {
      seed: 5,
      mseBefore: 2,
      mseAfterReinit: 4,
      mseAfterRetrain: 6,
      optimalEncoderMse: 8
    });
    const entries = [
      {
        learningRate: 0.01,
        epochs: 1000,
        seeds: [0, 1],
        finalMse: [0.1, null],
        fractionAtBestCode: [0.5, null],
        gapToBest: [0.09, null]
      }
    ];
    assert.deepEqual(sweepFileRows(entries)[1], {
      learningRate: 0.01,
      epochs: 1000,
      seed: 1,
      finalMse: null,
      fractionAtBestCode: null,
      gapToBest: null
    });
  });
});
