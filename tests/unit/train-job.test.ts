import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {DEFAULT_SNAPSHOT_CONFIG, snapshotRun, sheetData} from "../../src/core/autoencoder/snapshot.js";
import {defaults} from "../../src/core/settings/fields.js";
import {RETRAIN_FIELDS, retrainJobs} from "../../src/core/settings/retrain.js";
import {TrainJob} from "../../src/core/live/sliced-job.js";

const view = {grid: DEFAULT_SNAPSHOT_CONFIG.grid, curvePoints: 21, curveMargin: 0.1};

describe("a training job in time slices", () => {
  it("reports every epoch loss once and ends at the requested epoch", () => {
    const [job] = retrainJobs({...defaults(RETRAIN_FIELDS), epochs: 30}, ["small"]);
    const t = new TrainJob(job);
    const losses: number[] = [];
    let ticks = 0;
    // A fake clock: every call advances 1 ms, so each slice of 3 ms trains a few epochs.
    const now = () => ++ticks;
    while (t.advance(3, now) === "training") losses.push(...t.report().newEpochLosses);
    const last = t.report();
    losses.push(...last.newEpochLosses);
    assert.equal(last.status, "done");
    assert.equal(last.epoch, 30);
    assert.equal(losses.length, 30);
    assert.equal(last.examplesSeen, 30 * 96);
  });

  it("gives the same result as the build-time run with the same settings", () => {
    const config = {...DEFAULT_SNAPSHOT_CONFIG, epochs: 40};
    const published = snapshotRun("small", 2, sheetData(config), config).run;
    const [job] = retrainJobs({...defaults(RETRAIN_FIELDS), epochs: 40, seed: 2}, ["small"]);
    const t = new TrainJob(job);
    while (t.advance(1000) === "training");
    assert.equal(
      t.view({...view, grid: config.grid, curvePoints: config.curvePoints})!.mse,
      published.final.mse
    );
  });

  it("stops at once when the loss is no longer finite, naming the epoch, and keeps no NaN view", () => {
    const [job] = retrainJobs({...defaults(RETRAIN_FIELDS), optimizer: "sgd", lr: 1, epochs: 100}, ["pca"]);
    const t = new TrainJob(job);
    while (t.advance(1000) === "training");
    const r = t.report();
    assert.equal(r.status, "diverged");
    assert.ok(r.epoch < 100);
    assert.match(r.message!, new RegExp(`in epoch ${r.epoch}\\b`));
    assert.match(r.message!, /Lower the learning rate/);
    assert.equal(t.view(view), undefined);
  });
});
