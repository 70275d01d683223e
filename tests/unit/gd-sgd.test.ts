import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {DEFAULT_SNAPSHOT_CONFIG, sheetData, snapshotRun} from "../../src/core/ae-snapshot.js";
import {DEFAULT_ENCODER_RETRAIN, encoderRetrainJob, encoderRetrainRun} from "../../src/core/encoder-retrain.js";
import {DEFAULT_GD_SGD, curveFromRetrain, epochsFor, gdSgdJob, gdSgdRun, modelledMs} from "../../src/core/gd-sgd.js";
import {stepsPerEpoch} from "../../src/core/train.js";

const weights = snapshotRun("big", 5, sheetData(), {...DEFAULT_SNAPSHOT_CONFIG, epochs: 30}).run.weights;

describe("gradient descent against SGD at equal budgets (exercise 1 (h))", () => {
  it("gives every batch size enough epochs for the budget, and the published sizes exactly the budget", () => {
    assert.equal(epochsFor(48000, 8), 500);
    assert.equal(epochsFor(48000, 100), 480);
    assert.equal(epochsFor(48000, 1), 480);
    assert.equal(epochsFor(48000, 7), 490); // 14 batches of 7 = 98 examples per epoch
    for (const b of [DEFAULT_GD_SGD.fullBatch, DEFAULT_GD_SGD.miniBatch]) {
      assert.equal(epochsFor(DEFAULT_GD_SGD.budget, b) * stepsPerEpoch(100, b) * b, DEFAULT_GD_SGD.budget);
    }
  });

  it("trains full batch and mini-batches on the same budget of examples, with the same optimiser and learning rate", () => {
    const config = {...DEFAULT_GD_SGD, budget: 2400, evalEvery: 480};
    for (const optimizer of ["sgd", "adam"] as const) {
      const full = gdSgdRun(5, weights, optimizer, 100, config);
      const mini = gdSgdRun(5, weights, optimizer, 8, config);
      assert.equal(full.examplesSeen, 2400);
      assert.equal(mini.examplesSeen, 2400);
      assert.equal(full.updates, 24);
      assert.equal(mini.updates, 300);
      assert.equal(full.learningRate, mini.learningRate);
      assert.equal(full.learningRate, config.lr[optimizer]);
      // Same fresh encoder: the first checkpoint (before any update) is the same loss.
      assert.equal(full.checkpoints[0].mse, mini.checkpoints[0].mse);
      assert.equal(full.checkpoints[0].examples, 0);
      // Checkpoints are the full-data MSE, taken at every evalEvery examples.
      assert.deepEqual(mini.checkpoints.map((c) => c.examples), [0, 480, 960, 1440, 1920, 2400]);
      assert.deepEqual(full.checkpoints.map((c) => c.examples), [0, 500, 1000, 1500, 2000, 2400]);
      assert.equal(full.finalMse, full.checkpoints.at(-1)!.mse);
      assert.notEqual(full.finalMse, mini.finalMse);
    }
  });

  it("ends every curve with a checkpoint at its last example, whatever the batch size", () => {
    const odd = gdSgdRun(5, weights, "sgd", 7, {...DEFAULT_GD_SGD, budget: 2400});
    assert.equal(odd.examplesSeen, epochsFor(2400, 7) * 98);
    assert.equal(odd.checkpoints.at(-1)!.examples, odd.examplesSeen);
    assert.equal(odd.updates, epochsFor(2400, 7) * 14);
  });

  it("uses one job description for both sides: only the batch size and epochs differ", () => {
    const a = gdSgdJob(5, weights, "sgd", 100, DEFAULT_GD_SGD);
    const b = gdSgdJob(5, weights, "sgd", 8, DEFAULT_GD_SGD);
    const {batchSize: ba, epochs: ea, ...restA} = a;
    const {batchSize: bb, epochs: eb, ...restB} = b;
    assert.deepEqual(restA, restB);
    assert.ok(ba !== bb && ea !== eb);
    assert.equal(a.freezeDecoder, true);
    assert.equal(a.reinitEncoder, true);
  });

  it("reads the Adam mini-batch curve off the longer run of (g) exactly as a run of its own would give it", () => {
    const retrainConfig = {...DEFAULT_ENCODER_RETRAIN, epochs: 30, searchCount: 2001, curvePoints: 51};
    const config = {...DEFAULT_GD_SGD, budget: 1440};
    const run = encoderRetrainRun(5, weights, retrainConfig);
    const job = gdSgdJob(5, weights, "adam", 8, config);
    const reused = curveFromRetrain(run, job, encoderRetrainJob(5, weights, retrainConfig), config);
    assert.ok(reused, "settings coincide, so the curve is reused");
    assert.deepEqual(reused, gdSgdRun(5, weights, "adam", 8, config));
    // Different settings are never reused.
    assert.equal(curveFromRetrain(run, gdSgdJob(5, weights, "sgd", 8, config), encoderRetrainJob(5, weights, retrainConfig), config), undefined);
  });

  it("models wall time as a cost per update plus a cost per example", () => {
    const cost = {perUpdateMs: 0.5, perExampleMs: 0.01};
    assert.equal(modelledMs(cost, 10, 1000), 15);
    assert.equal(modelledMs(cost, 0, 0), 0);
  });
});
