import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {logTicks} from "../../src/components/figures/lr-sweep.js";
import {nearestRate, sweepSeries} from "../../src/components/training/gd-sgd-state.js";
import {runFileName, settingsTag, withRunColumns} from "../../src/components/site/run-files.js";

describe("figure and download helpers of exercise 1 (f)–(h)", () => {
  it("labels log axes with plain 1-2-5 numbers, never fewer than three", () => {
    assert.deepEqual(logTicks(0.015, 0.8), [0.02, 0.05, 0.1, 0.2, 0.5]);
    assert.deepEqual(logTicks(1e-4, 1), [0.0001, 0.001, 0.01, 0.1, 1]);
    assert.ok(logTicks(0.3, 0.9).length >= 3);
  });

  it("finds the sweep's nearest learning rate on a log scale, and draws diverged runs as null", () => {
    assert.equal(nearestRate([0.001, 0.01, 0.1], 0.004), 0.01);
    assert.equal(nearestRate([0.001, 0.01, 0.1], 0.003), 0.001);
    const curve = (seed: number, lr: number, finalMse: number | null) => ({
      problem: "whole-small" as const,
      seed,
      optimizer: "sgd" as const,
      batchSize: 8,
      learningRate: lr,
      examplesSeen: 0,
      updates: 0,
      finalMse,
      diverged: null,
      checkpoints: []
    });
    const s = sweepSeries(
      [curve(1, 0.1, null), curve(0, 0.1, 0.2), curve(0, 0.01, 0.3)],
      "whole-small",
      "sgd",
      100
    );
    assert.deepEqual(s, [
      {
        label: "mini-batch 8",
        points: [
          {lr: 0.01, values: [0.3]},
          {lr: 0.1, values: [0.2, null]}
        ]
      }
    ]);
  });

  it("names a reader's files after their settings and leads their rows with them", () => {
    assert.equal(
      settingsTag({seed: 0, lr: 0.003, problem: "whole small"}),
      "seed0_lr0.003_problemwhole-small"
    );
    assert.equal(runFileName("ex1fg-codes", "csv"), "ex1fg-codes.csv");
    assert.equal(runFileName("ex1fg-codes", "csv", {seed: 2}), "ex1fg-codes_your-run_seed2.csv");
    assert.deepEqual(withRunColumns([{mse: 1}], "your run", {seed: 2}), [{run: "your run", seed: 2, mse: 1}]);
  });
});

describe("the playground's loss figure", () => {
  it("thins long runs by epoch, keeping both curves at the same epochs and the last epoch", async () => {
    const {lossRows} = await import("../../src/components/playground/figures.js");
    for (const n of [10, 801, 3001, 6000]) {
      const epoch = Array.from({length: n}, (_, i) => i);
      const rows = lossRows({epoch, train: epoch.map((i) => 1 / (i + 1)), test: epoch.map(() => 0.5)});
      const train = rows.filter((r) => r.set === "train").map((r) => r.epoch);
      const test = rows.filter((r) => r.set === "test").map((r) => r.epoch);
      assert.deepEqual(test, train, `${n} epochs: the same epochs for both sets`);
      assert.ok(train.length <= 801, `${n} epochs: at most 800 epochs and the last`);
      assert.equal(train.at(-1), n - 1);
      if (n <= 800) assert.equal(train.length, n);
    }
  });
});
