import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {SweepRun} from "../../src/core/exercises/fg/encoder-retrain.js";
import type {CodeOutcome} from "../../src/core/exercises/fg/outcome.js";
import {
  EVEN_WITHIN,
  atEdge,
  bestLearningRate,
  duel,
  lrSweep,
  medianWithDiverged,
  mseAt,
  optimizerVerdict
} from "../../src/core/exercises/h/verdicts.js";
import type {CurveLike} from "../../src/core/exercises/h/verdicts.js";
import type {RetrainSweepPlan} from "../../src/core/exercises/fg/sweep.js";
import {
  sweepEntries,
  sweepSeeds,
  sweepTasks,
  extensionOf,
  thinCheckpoints,
  checkPlan,
  RETRAIN_SWEEP
} from "../../src/core/exercises/fg/sweep.js";
import {lengthEffects, stepScales, sweepCells, sweepVerdicts} from "../../src/core/exercises/fg/verdicts.js";

const outcome = (epochs: number, mse: number | null, atBest: number, travel = 0.5): CodeOutcome => ({
  epochs,
  mse,
  atBest: mse === null ? null : atBest,
  fractionAtBestCode: mse === null ? null : atBest / 100,
  gap: mse === null ? null : mse - 0.01,
  travel: mse === null ? null : travel,
  movedFromOld: mse === null ? null : 100 - atBest
});
const run = (seed: number, lr: number, outcomes: CodeOutcome[]): SweepRun => ({
  seed,
  learningRate: lr,
  outcomes,
  diverged: null,
  firstEpochStep: lr,
  checkpoints: []
});
const plan: RetrainSweepPlan = {
  learningRates: [1e-3, 1e-2, 1e-1],
  lengths: [1000, 2000],
  seeds: [0, 1],
  central: [1e-3, 1e-2],
  edgeSeeds: [0],
  evalEvery: 480,
  curveEvery: 960
};
const references = [0, 1].map((seed) => ({
  seed,
  mseBefore: 0.02,
  mseAfterReinit: 0.9,
  optimalEncoderMse: 0.01,
  basinSpacing: 1,
  codeRange: 10
}));
const sweep = {
  plan,
  references,
  runs: [
    run(0, 1e-3, [outcome(1000, 0.5, 10, 0.2), outcome(2000, 0.5, 10, 0.2)]),
    run(1, 1e-3, [outcome(1000, 0.4, 20, 0.3), outcome(2000, 0.39, 21, 0.3)]),
    run(0, 1e-2, [outcome(1000, 0.015, 70, 2), outcome(2000, 0.05, 50, 2)]),
    run(1, 1e-2, [outcome(1000, 0.3, 30, 0.4), outcome(2000, 0.3, 30, 0.4)]),
    run(0, 1e-1, [outcome(1000, null, 0), outcome(2000, null, 0)])
  ]
};

describe("the verdicts of (g) over learning rates", () => {
  const cells = sweepCells(sweep);

  it("counts, per learning rate and length, the runs below the old loss, near the best and diverged", () => {
    assert.equal(cells.length, 6);
    const c = cells.find((x) => x.learningRate === 1e-2 && x.epochs === 1000)!;
    assert.equal(c.belowOld, 1);
    assert.equal(c.nearBest, 0, "0.015 is 50 % above the best possible 0.01");
    assert.equal(c.lowered, 2);
    assert.equal(c.medianFraction, 0.5);
    assert.equal(c.maxFraction, 0.7);
    const d = cells.find((x) => x.learningRate === 1e-1 && x.epochs === 2000)!;
    assert.equal(d.diverged, 1);
    assert.ok(Number.isNaN(d.medianMse));
  });

  it("says which claims hold at every rate and which only at some", () => {
    const v = sweepVerdicts(cells, plan.lengths);
    assert.equal(v.runs, 10);
    assert.equal(v.diverged, 2);
    assert.deepEqual(v.belowOldSome[1000], [1e-2]);
    assert.deepEqual(v.belowOldSome[2000], []);
    assert.deepEqual(v.belowOldMost[1000], [], "one of two is not most");
    assert.deepEqual(v.mostAtBest[1000], [1e-2]);
    assert.equal(v.allAtBest, 0);
    assert.equal(v.maxFraction, 0.7);
    assert.equal(v.movedSomewhere, 8);
  });

  it("compares the training lengths over the seeds trained to both, and the distance travelled with the basins' spacing", () => {
    const e = lengthEffects(sweep);
    const at = e.find((x) => x.learningRate === 1e-2)!;
    assert.equal(at.rose, 1);
    assert.ok(Math.abs(at.shortMse - 0.1575) < 1e-12);
    assert.equal(
      e.find((x) => x.learningRate === 1e-1),
      undefined,
      "no finished runs at 0.1"
    );
    const s = stepScales(sweep);
    assert.equal(s.basinSpacing, 1);
    assert.equal(s.scales.find((x) => x.learningRate === 1e-2)!.basinsTravelled, 1.2);
  });

  it("groups the summary entries by rate and length, seeds ascending, diverged as null", () => {
    const entries = sweepEntries(sweep);
    assert.equal(entries.length, 6);
    assert.deepEqual(entries[0], {
      learningRate: 1e-3,
      epochs: 1000,
      seeds: [0, 1],
      finalMse: [0.5, 0.4],
      fractionAtBestCode: [0.1, 0.2],
      gapToBest: [0.49, 0.39]
    });
    assert.deepEqual(entries.at(-1)!.finalMse, [null]);
  });

  it("plans fewer seeds outside the central rates, and continues only the published runs of sweep seeds", () => {
    assert.deepEqual(sweepSeeds(plan, 1e-1), [0]);
    assert.deepEqual(sweepSeeds(plan, 1e-2), [0, 1]);
    assert.deepEqual(sweepTasks(plan, 1e-3), [
      {seed: 0, lr: 1e-2},
      {seed: 1, lr: 1e-2},
      {seed: 0, lr: 1e-1}
    ]);
    assert.deepEqual(extensionOf(plan, 1, 1e-3), [2000]);
    assert.deepEqual(extensionOf(plan, 5, 1e-3), []);
    assert.deepEqual(
      thinCheckpoints(
        [0, 480, 960, 1440, 1500].map((examples) => ({examples, updates: 0, mse: 1})),
        960
      ).map((c) => c.examples),
      [0, 960, 1500]
    );
    checkPlan(RETRAIN_SWEEP, 1e-3);
    assert.throws(() => checkPlan({...RETRAIN_SWEEP, seeds: [0, 9], edgeSeeds: [0]}, 1e-3), /not published/);
    assert.throws(() => checkPlan(RETRAIN_SWEEP, 5e-4), /published learning rate/);
    assert.ok(
      RETRAIN_SWEEP.learningRates.length >= 6 &&
        RETRAIN_SWEEP.learningRates[0] <= 1e-4 &&
        RETRAIN_SWEEP.learningRates.at(-1)! >= 3e-2
    );
  });
});

/** A curve through given (examples, mse) points of batch size b. */
function curve(
  seed: number,
  batchSize: number,
  lr: number,
  points: [number, number][],
  diverged = false
): CurveLike {
  return {
    seed,
    optimizer: "sgd",
    batchSize,
    learningRate: lr,
    finalMse: diverged ? null : points[points.length - 1][1],
    diverged: diverged ? {examples: points[points.length - 1][0]} : null,
    checkpoints: points.map(([examples, mse]) => ({
      examples,
      updates: Math.floor(examples / (batchSize === 100 ? 100 : 8)),
      mse
    }))
  };
}
const cost = {perUpdateMs: 1, perExampleMs: 0.01};

describe("the verdicts of (h)", () => {
  it("counts a diverged run as the worst, in the median and in the choice of the best rate", () => {
    assert.equal(medianWithDiverged([0.1, null, 0.3]), 0.3);
    assert.equal(medianWithDiverged([null, null, 0.3]), Infinity);
    const points = lrSweep([
      curve(0, 8, 0.1, [
        [0, 1],
        [800, 0.2]
      ]),
      curve(
        0,
        8,
        1,
        [
          [0, 1],
          [80, 9]
        ],
        true
      ),
      curve(0, 8, 0.01, [
        [0, 1],
        [800, 0.5]
      ])
    ]);
    assert.deepEqual(
      points.map((p) => p.learningRate),
      [0.01, 0.1, 1]
    );
    assert.equal(points[2].diverged, 1);
    assert.equal(bestLearningRate(points), 0.1);
    assert.equal(atEdge(points, 0.1), false);
    assert.equal(atEdge(points, 0.01), true);
    assert.equal(bestLearningRate([]), undefined);
  });

  it("reads a curve between checkpoints geometrically, and beyond a diverged run's end as infinite", () => {
    const c = curve(0, 8, 0.1, [
      [0, 1],
      [800, 0.01]
    ]);
    assert.ok(Math.abs(mseAt(c, "examples", 400, cost)! - 0.1) < 1e-12);
    assert.equal(mseAt(c, "examples", 900, cost), undefined);
    assert.equal(
      mseAt(
        curve(
          0,
          8,
          0.1,
          [
            [0, 1],
            [80, 9]
          ],
          true
        ),
        "examples",
        400,
        cost
      ),
      Infinity
    );
    assert.equal(mseAt(c, "updates", 100, cost), 0.01);
  });

  it("compares full batch and mini-batches per example, per update and per second where the shorter side ends", () => {
    const full = [
      curve(0, 100, 0.1, [
        [0, 1],
        [400, 0.5],
        [800, 0.3]
      ])
    ];
    const mini = [
      curve(0, 8, 0.1, [
        [0, 1],
        [400, 0.2],
        [800, 0.1]
      ])
    ];
    const ex = duel(full, mini, "examples", cost);
    assert.equal(ex.at, 800);
    assert.equal(ex.winner, "mini");
    const up = duel(full, mini, "updates", cost);
    assert.equal(up.at, 8, "the full batch made 8 updates");
    assert.equal(up.full, 0.3);
    assert.ok(
      up.mini > 0.5 && up.mini < 1,
      "after 8 updates of 8 examples the mini-batches stand between 1 and 0.2"
    );
    assert.equal(up.winner, "full");
    const even = duel(
      full,
      [
        curve(0, 8, 0.1, [
          [0, 1],
          [800, 0.3 * (1 + EVEN_WITHIN / 2)]
        ])
      ],
      "examples",
      cost
    );
    assert.equal(even.winner, "even");
  });

  it("tunes each side on its own and says whether tuning changes the per-example winner", () => {
    const curves = [
      curve(0, 100, 0.1, [
        [0, 1],
        [800, 0.3]
      ]),
      curve(0, 100, 1, [
        [0, 1],
        [800, 0.05]
      ]),
      curve(0, 8, 0.1, [
        [0, 1],
        [800, 0.1]
      ]),
      curve(
        0,
        8,
        1,
        [
          [0, 1],
          [80, 50]
        ],
        true
      )
    ];
    const v = optimizerVerdict(curves, "frozen-decoder", "sgd", {fullBatch: 100, miniBatch: 8}, 0.1, cost);
    assert.equal(v.full.bestLearningRate, 1);
    assert.equal(v.full.bestAtEdge, true);
    assert.equal(v.mini.bestLearningRate, 0.1);
    assert.equal(v.shared.perExample.winner, "mini");
    assert.equal(v.tuned!.perExample.winner, "full");
    assert.equal(v.tuningChangesWinner, true);
  });
});
