import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {
  DEFAULT_SNAPSHOT_CONFIG,
  buildAutoencoderSnapshot,
  sheetData
} from "../../src/core/autoencoder/snapshot.js";
import type {SnapshotConfig} from "../../src/core/autoencoder/snapshot.js";
import {SHEET_HIDDEN, reconstructionMse} from "../../src/core/autoencoder/models.js";
import {pca2} from "../../src/core/autoencoder/pca.js";
import {startAutoencoder} from "../../src/core/autoencoder/run.js";
import {SHEET_SETUP} from "../../src/core/autoencoder/setup.js";

const data = sheetData();

describe("training loop", () => {
  it("takes 12 steps per epoch for 100 points in batches of 8 and records every step", () => {
    const {loop} = startAutoencoder(
      {hidden: SHEET_HIDDEN.small, linear: false, seed: 0, batchSize: 8, init: "torch"},
      data
    );
    for (let e = 0; e < 3; ++e) loop.runEpoch();
    assert.equal(loop.stepsPerEpoch, 12);
    assert.equal(loop.stepLosses.length, 36);
    assert.equal(loop.epochLosses.length, 3);
    assert.equal(loop.examplesSeen, 3 * 96);
    const mean = loop.stepLosses.slice(12, 24).reduce((a, b) => a + b, 0) / 12;
    assert.ok(Math.abs(mean - loop.epochLosses[1]) < 1e-12);
  });

  it("brings the linear model to the exact PCA optimum within 0.5 %", () => {
    const optimum = pca2(data, SHEET_SETUP.n).optimumMse;
    for (const seed of [0, 1, 2]) {
      const {spec, loop} = startAutoencoder(
        {hidden: SHEET_HIDDEN.pca, linear: true, seed, batchSize: 8, init: "torch"},
        data
      );
      const before = reconstructionMse(spec, loop.engine.getParams(), data, 100);
      for (let e = 0; e < SHEET_SETUP.epochs; ++e) loop.runEpoch();
      const mse = reconstructionMse(spec, loop.engine.getParams(), data, 100);
      assert.ok(mse >= optimum * (1 - 1e-9), `MSE ${mse} is below the optimum ${optimum}: impossible`);
      assert.ok(mse <= optimum * 1.005, `seed ${seed}: MSE ${mse} vs optimum ${optimum}`);
      assert.ok(before > optimum * 1.5, "it started far from the optimum");
    }
  });
});

describe("snapshots", () => {
  const small: SnapshotConfig = {
    ...DEFAULT_SNAPSHOT_CONFIG,
    seeds: [0, 1],
    epochs: 15,
    grid: {...DEFAULT_SNAPSHOT_CONFIG.grid, nx: 8, ny: 4}
  };

  it("are byte-identical for the same config and seed", () => {
    const a = JSON.stringify(buildAutoencoderSnapshot(small));
    const b = JSON.stringify(buildAutoencoderSnapshot(small));
    assert.equal(a, b);
  });

  it("differ between seeds, and carry config, curves and weights", () => {
    const snap = buildAutoencoderSnapshot(small);
    const runs = snap.models.small!.runs;
    assert.notDeepEqual(runs[0].final.codes, runs[1].final.codes);
    assert.equal(runs[0].epochLoss.length, 15);
    assert.equal(runs[0].stepLoss.length, Math.ceil((15 * 12) / small.stepStride));
    assert.equal(runs[0].final.grid.length, 32);
    assert.equal(runs[0].weights.length, snap.models.small!.params);
    assert.equal(snap.models.big!.params, 10603);
    assert.equal(snap.config.stepsPerEpoch, 12);
    assert.equal(snap.data.length, 100);
    assert.ok(runs[0].final.mse < runs[0].init.mse, "training lowered the loss");
  });
});

describe("initial weights", () => {
  it("are the first draw of the run's seed, so pages can regenerate them instead of storing them", async () => {
    const {initParams} = await import("../../src/core/engine/mlp.js");
    const {createRng} = await import("../../src/core/engine/random.js");
    const {sheetModel} = await import("../../src/core/autoencoder/models.js");
    const config: SnapshotConfig = {...DEFAULT_SNAPSHOT_CONFIG, seeds: [3], models: ["small"], epochs: 2};
    const snap = buildAutoencoderSnapshot(config);
    const spec = sheetModel("small");
    const regenerated = initParams(spec, "torch", createRng(3));
    const mse = reconstructionMse(spec, regenerated, data, 100);
    assert.equal(Number(mse.toPrecision(6)), snap.models.small!.runs[0].init.mse);
  });
});
