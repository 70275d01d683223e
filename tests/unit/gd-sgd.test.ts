import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {DEFAULT_SNAPSHOT_CONFIG, sheetData, snapshotRun} from "../../src/core/autoencoder/snapshot.js";
import {
  DEFAULT_ENCODER_RETRAIN,
  frozenReference,
  retrainSweepRun
} from "../../src/core/exercises/fg/encoder-retrain.js";
import {
  GD_SGD_PLAN,
  PROBLEMS,
  curveFromSweep,
  epochsFor,
  gdSgdJob,
  gdSgdRun,
  modelledMs,
  planRuns
} from "../../src/core/exercises/h/gd-sgd.js";
import type {RunSettings} from "../../src/core/exercises/h/gd-sgd.js";
import {stepsPerEpoch} from "../../src/core/engine/train.js";

const data = sheetData();
const weights = snapshotRun("big", 5, data, {...DEFAULT_SNAPSHOT_CONFIG, epochs: 30}).run.weights;
const run = (s: Partial<RunSettings>): RunSettings => ({
  problem: "frozen-decoder",
  seed: 5,
  optimizer: "sgd",
  batchSize: 8,
  lr: 0.1,
  budget: 2400,
  evalEvery: 480,
  ...s
});

describe("gradient descent against SGD at equal budgets (exercise 1 (h))", () => {
  it("gives every batch size enough epochs for the budget, and the published sizes exactly the budget", () => {
    assert.equal(epochsFor(48000, 8), 500);
    assert.equal(epochsFor(48000, 100), 480);
    assert.equal(epochsFor(48000, 7), 490); // 14 batches of 7 = 98 examples per epoch
    assert.ok(GD_SGD_PLAN.budget >= 100_000, "at least the sheet's 1000 epochs of 100 points");
    for (const b of [GD_SGD_PLAN.fullBatch, GD_SGD_PLAN.miniBatch]) {
      assert.equal(epochsFor(GD_SGD_PLAN.budget, b) * stepsPerEpoch(100, b) * b, GD_SGD_PLAN.budget);
    }
    assert.equal(GD_SGD_PLAN.budget % GD_SGD_PLAN.evalEvery, 0);
  });

  it("sweeps at least five learning rates over two decades per optimiser, the sheet's 1e-3 among Adam's", () => {
    for (const lrs of Object.values(GD_SGD_PLAN.learningRates)) {
      assert.ok(lrs.length >= 5);
      assert.ok(lrs[lrs.length - 1] / lrs[0] >= 99.9);
      assert.deepEqual(
        [...lrs].sort((a, b) => a - b),
        [...lrs]
      );
    }
    assert.ok(GD_SGD_PLAN.learningRates.adam.includes(1e-3));
    for (const o of ["sgd", "adam"] as const)
      assert.ok(GD_SGD_PLAN.learningRates[o].includes(GD_SGD_PLAN.sharedLr[o]));
    // Every problem × optimiser × batch size × learning rate × seed, both sides with the same learning rates.
    const all = planRuns(GD_SGD_PLAN);
    const count = PROBLEMS.reduce((s, p) => s + GD_SGD_PLAN.seeds[p.key].length, 0) * 2 * 5 * 2;
    assert.equal(all.length, count);
  });

  it("trains full batch and mini-batches on the same budget of examples, with the same optimiser and learning rate", () => {
    for (const optimizer of ["sgd", "adam"] as const) {
      const lr = optimizer === "sgd" ? 0.1 : 1e-3;
      const full = gdSgdRun(run({optimizer, lr, batchSize: 100}), weights);
      const mini = gdSgdRun(run({optimizer, lr, batchSize: 8}), weights);
      assert.equal(full.examplesSeen, 2400);
      assert.equal(mini.examplesSeen, 2400);
      assert.equal(full.updates, 24);
      assert.equal(mini.updates, 300);
      assert.equal(full.learningRate, mini.learningRate);
      // Same fresh encoder: the first checkpoint (before any update) is the same loss.
      assert.equal(full.checkpoints[0].mse, mini.checkpoints[0].mse);
      assert.equal(full.checkpoints[0].examples, 0);
      assert.deepEqual(
        mini.checkpoints.map((c) => c.examples),
        [0, 480, 960, 1440, 1920, 2400]
      );
      assert.deepEqual(
        full.checkpoints.map((c) => c.examples),
        [0, 500, 1000, 1500, 2000, 2400]
      );
      assert.equal(full.finalMse, full.checkpoints.at(-1)!.mse);
      assert.notEqual(full.finalMse, mini.finalMse);
      assert.equal(full.diverged, null);
    }
  });

  it("uses one job description for both sides: only the batch size and epochs differ", () => {
    for (const problem of ["frozen-decoder", "whole-big", "whole-small"] as const) {
      const a = gdSgdJob(run({problem, batchSize: 100}), weights);
      const b = gdSgdJob(run({problem, batchSize: 8}), weights);
      const {batchSize: ba, epochs: ea, ...restA} = a;
      const {batchSize: bb, epochs: eb, ...restB} = b;
      assert.deepEqual(restA, restB);
      assert.ok(ba !== bb && ea !== eb);
      assert.equal(a.freezeDecoder === true, problem === "frozen-decoder");
    }
    assert.throws(() => gdSgdJob(run({}), undefined), /published weights/);
  });

  it("starts the whole-autoencoder reading from the published initialisation: Adam at 1e-3 in batches of 8 is the run of (b)", () => {
    const epochs = 25;
    const published = snapshotRun("small", 2, data, {...DEFAULT_SNAPSHOT_CONFIG, epochs}).run;
    const curve = gdSgdRun(
      run({problem: "whole-small", seed: 2, optimizer: "adam", lr: 1e-3, budget: epochs * 96})
    );
    assert.equal(curve.checkpoints[0].mse, published.init.mse);
    assert.equal(curve.checkpoints.at(-1)!.examples, epochs * 96);
    assert.equal(curve.finalMse, published.final.mse);
  });

  it("stops a diverging run early and reports it as diverged, with no final loss", () => {
    const curve = gdSgdRun(
      run({problem: "whole-small", optimizer: "sgd", lr: 50, batchSize: 100, budget: 24000, evalEvery: 2400})
    );
    assert.ok(curve.diverged, "diverged");
    assert.equal(curve.finalMse, null);
    assert.ok(curve.examplesSeen < 24000, `stopped at ${curve.examplesSeen}`);
  });

  it("reads the Adam mini-batch curve off the longer run of the (g) sweep exactly as a run of its own would give it", () => {
    const config = {...DEFAULT_ENCODER_RETRAIN, searchCount: 2001, curvePoints: 51, evalEvery: 480};
    const ref = frozenReference(5, weights, config);
    const sweepRun = retrainSweepRun(5, weights, 3e-3, [20, 40], ref, config);
    const settings = run({optimizer: "adam", lr: 3e-3, budget: 1440});
    const reused = curveFromSweep(settings, sweepRun, 8);
    assert.ok(reused, "settings coincide, so the curve is reused");
    assert.deepEqual(reused, gdSgdRun(settings, weights));
    // Different settings are never reused.
    assert.equal(curveFromSweep({...settings, optimizer: "sgd"}, sweepRun, 8), undefined);
    assert.equal(curveFromSweep({...settings, lr: 1e-3}, sweepRun, 8), undefined);
    assert.equal(
      curveFromSweep({...settings, budget: 40 * 96 + 960}, sweepRun, 8),
      undefined,
      "beyond the sweep run's end"
    );
  });

  it("models wall time as a cost per update plus a cost per example", () => {
    const cost = {perUpdateMs: 0.5, perExampleMs: 0.01};
    assert.equal(modelledMs(cost, 10, 1000), 15);
    assert.equal(modelledMs(cost, 0, 0), 0);
  });
});
