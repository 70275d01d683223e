import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {RateEstimate, Stopwatch, statusLine} from "../../src/core/live/run-progress.js";
import type {JobStatus} from "../../src/core/live/run-progress.js";

describe("training time", () => {
  it("counts time while running and stands still while paused", () => {
    let t = 0;
    const clock = new Stopwatch(() => t);
    clock.start();
    t = 1000;
    clock.pause();
    t = 60_000; // a minute off-screen
    assert.equal(clock.elapsed, 1000);
    clock.start();
    t = 60_500;
    assert.equal(clock.elapsed, 1500);
    clock.start(); // no effect while running
    t = 61_000;
    assert.equal(clock.elapsed, 2000);
  });
});

describe("time left", () => {
  it("comes from time spent training: a long pause does not inflate it", () => {
    // 100 epochs per second of training; the reports carry training time only.
    const pace = new RateEstimate();
    pace.observe(0, 0);
    pace.observe(1000, 100);
    // The run was paused for 100 s off-screen; the next report's training time has not moved.
    pace.observe(1000, 100);
    pace.observe(1500, 150);
    assert.ok(Math.abs(pace.remainingMs(1000)! - 8500) < 1e-9);
  });

  it("follows the recent pace when a job speeds up (other jobs finished)", () => {
    const pace = new RateEstimate();
    for (let ms = 0; ms <= 10_000; ms += 500) pace.observe(ms, ms / 100); // 10 epochs/s
    for (let ms = 10_500; ms <= 16_000; ms += 500) pace.observe(ms, 100 + (ms - 10_000) / 25); // then 40 epochs/s
    const left = pace.remainingMs(1000)!;
    // At 40 epochs/s, 680 epochs take 17 s; the whole-run average (20.6 epochs/s) would say 33 s.
    assert.ok(left > 16_000 && left < 18_000, String(left));
  });

  it("is unknown before an epoch was timed, and for runs without an end", () => {
    const pace = new RateEstimate();
    assert.equal(pace.remainingMs(100), undefined);
    pace.observe(0, 0);
    assert.equal(pace.remainingMs(100), undefined);
    pace.observe(100, 5);
    assert.equal(pace.remainingMs(Infinity), undefined);
  });
});

describe("the status line", () => {
  const job = (
    name: string,
    phase: JobStatus["phase"],
    epoch: number,
    epochs = 5000,
    elapsedMs = 13_800
  ): JobStatus => ({name, phase, epoch, epochs, elapsedMs});

  it("names the epoch at which a run was stopped", () => {
    assert.equal(
      statusLine([job("big", "stopped", 497)], {running: false, paused: false}),
      "Stopped at epoch 497 of 5,000 after 13.8 s of training"
    );
    const mixed = statusLine(
      [job("PCA-like", "done", 5000), job("small", "stopped", 2012), job("big", "stopped", 497)],
      {running: false, paused: false}
    );
    assert.equal(
      mixed,
      "Stopped after 13.8 s of training: small at epoch 2,012 of 5,000 and big at epoch 497 of 5,000; PCA-like finished"
    );
  });

  it("says how long training took, in words that agree with the numbers", () => {
    assert.equal(
      statusLine([job("a", "done", 1, 1, 800)], {running: false, paused: false}),
      "Trained in this page: 1 epoch in 0.8 s of training"
    );
    assert.equal(
      statusLine([job("a", "done", 1000, 1000, 8400), job("b", "done", 1000, 1000, 2000)], {
        running: false,
        paused: false
      }),
      "Trained in this page: 1,000 epochs in 8.4 s of training"
    );
  });

  it("reports a divergence, a pause and the time left", () => {
    assert.equal(
      statusLine([job("PCA-like", "diverged", 12, 100, 300), job("big", "done", 100, 100, 900)], {
        running: false,
        paused: false
      }),
      "Ended after 0.9 s of training: PCA-like diverged at epoch 12 of 100; big finished"
    );
    assert.equal(
      statusLine([job("big", "training", 300)], {running: true, paused: true}),
      "Paused: epoch 300 of 5,000"
    );
    assert.equal(
      statusLine([job("PCA-like", "diverged", 12, 100, 300), job("small", "diverged", 40, 100, 300)], {
        running: false,
        paused: false
      }),
      "Ended after 0.3 s of training: the loss diverged for PCA-like at epoch 12 of 100 and small at epoch 40 of 100"
    );
    assert.equal(
      statusLine([job("big", "training", 300)], {running: true, paused: false, remainingMs: 4200}),
      "Training in this page, about 4.2 s left"
    );
  });
});
