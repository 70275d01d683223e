import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {Activation, MlpSpec} from "../../src/core/engine/mlp.js";
import {activate, layout, weightMask} from "../../src/core/engine/mlp.js";
import type {EngineKind} from "../../src/core/engine/engine.js";
import type {StepEngine} from "../../src/core/engine/problem.js";
import {runExperiment} from "../../src/core/playground/experiment.js";
import {PlaygroundJob} from "../../src/core/playground/job.js";
import {PlaygroundRun, playgroundLoss, weightStats} from "../../src/core/playground/run.js";
import type {PlaygroundSettings} from "../../src/core/playground/settings.js";
import {createRng} from "../../src/core/engine/random.js";
import {TrainingLoop} from "../../src/core/engine/train.js";

const base: PlaygroundSettings = {
  dataset: "circle",
  noise: 10,
  trainRatio: 50,
  batchSize: 7,
  features: ["x1", "x2", "x1sq"],
  hidden: [5, 4],
  activation: "tanh",
  regularization: "none",
  regRate: 0,
  lr: 0.03,
  seed: 11,
  epochs: 3
};

function derivative(a: Activation, y: number, z: number): number {
  if (a === "tanh") return 1 - y * y;
  if (a === "sigmoid") return y * (1 - y);
  if (a === "relu") return z > 0 ? 1 : 0;
  return 1;
}

/**
 * The Playground's training loop written out point by point, independently of the
 * fused step: forward and backward one point at a time, derivatives summed, an
 * update after every batchSize-th point of an epoch with the mean of the sums;
 * the penalty's derivative at the weight before the update; L1's crossing rule.
 */
function reference(
  spec: MlpSpec,
  initial: Float64Array,
  inputs: Float64Array,
  labels: Float64Array,
  s: PlaygroundSettings
): Float64Array {
  const p = Float64Array.from(initial);
  const layers = layout(spec);
  const isWeight = weightMask(spec);
  const acc = new Float64Array(p.length);
  const dead = new Uint8Array(p.length);
  let count = 0;
  const n = labels.length;
  for (let epoch = 0; epoch < s.epochs; ++epoch) {
    for (let i = 0; i < n; ++i) {
      const a: number[][] = [Array.from(inputs.subarray(i * spec.widths[0], (i + 1) * spec.widths[0]))];
      const z: number[][] = [];
      layers.forEach((ly, l) => {
        z.push(
          Array.from({length: ly.out}, (_, j) =>
            a[l].reduce((sum, x, k) => sum + p[ly.w + j * ly.in + k] * x, p[ly.b + j])
          )
        );
        a.push(z[l].map((v) => activate(spec.activations[l], v)));
      });
      let delta = [
        (a[layers.length][0] - labels[i]) *
          derivative(spec.activations[layers.length - 1], a[layers.length][0], z[layers.length - 1][0])
      ];
      for (let l = layers.length - 1; l >= 0; --l) {
        const ly = layers[l];
        delta.forEach((d, j) => {
          acc[ly.b + j] += d;
          for (let k = 0; k < ly.in; ++k) acc[ly.w + j * ly.in + k] += d * a[l][k];
        });
        if (l > 0) {
          delta = Array.from(
            {length: ly.in},
            (_, k) =>
              delta.reduce((sum, d, j) => sum + d * p[ly.w + j * ly.in + k], 0) *
              derivative(spec.activations[l - 1], a[l][k], z[l - 1][k])
          );
        }
      }
      ++count;
      if ((i + 1) % s.batchSize === 0) {
        for (let k = 0; k < p.length; ++k) {
          if (dead[k]) continue;
          const before = p[k];
          p[k] -= (s.lr * acc[k]) / count;
          if (!isWeight[k] || s.regularization === "none") continue;
          const der = s.regularization === "l2" ? before : Math.sign(before);
          const moved = p[k] - s.lr * s.regRate * der;
          if (s.regularization === "l1" && p[k] * moved < 0) {
            p[k] = 0;
            dead[k] = 1;
          } else p[k] = moved;
        }
        acc.fill(0);
        count = 0;
      }
    }
  }
  return p;
}

/**
 * The run against the reference. The float64 fused step must match it to rounding, zeros
 * included; the float32 WebAssembly step (the default) to float32 precision: after a few
 * epochs its parameters differ by less than 1e-5, and a weight L1 leaves that close to zero may be
 * zeroed in one and not the other, so zeros are compared only for the float64 step.
 */
function compare(
  settings: PlaygroundSettings,
  kind: EngineKind = "fused"
): {run: PlaygroundRun; params: Float64Array} {
  const run = new PlaygroundRun(settings, {kind});
  for (let e = 0; e < settings.epochs; ++e) run.runEpoch();
  const expected = reference(run.spec, run.initial, run.trainInputs, run.data.train.label, settings);
  const params = run.params();
  const tolerance = kind === "fused" ? 1e-9 : 1e-5;
  for (let k = 0; k < params.length; ++k) {
    if (kind === "fused")
      assert.equal(
        params[k] === 0,
        expected[k] === 0,
        `parameter ${k}: exactly zero in one and not the other`
      );
    assert.ok(
      Math.abs(params[k] - expected[k]) < tolerance,
      `parameter ${k}: ${params[k]} against ${expected[k]}`
    );
  }
  assert.ok(
    params.some((v, k) => v !== run.initial[k]),
    "training moved the parameters"
  );
  return {run, params};
}

describe("the playground trains as the Playground does", () => {
  it("batches: an update every batchSize-th point, leftover points join the next epoch's first update", () => {
    const batches: number[][] = [];
    const engine = {
      problem: {n: 25},
      step: (b: ArrayLike<number>, c: number) => (batches.push(Array.from(b).slice(0, c)), 0)
    } as unknown as StepEngine;
    const loop = new TrainingLoop(engine, createRng(1), {batchSize: 10, shuffle: false, carryLast: true});
    loop.runEpoch();
    assert.equal(loop.pendingRows, 5);
    loop.runEpoch();
    const range = (a: number, b: number) => Array.from({length: b - a}, (_, i) => a + i);
    assert.deepEqual(batches, [
      range(0, 10),
      range(10, 20),
      [...range(20, 25), ...range(0, 10)],
      range(10, 20)
    ]);
    assert.equal(loop.examplesSeen, 45);
  });

  for (const [name, change] of [
    ["tanh, no regularisation, 250 points in batches of 7", {}],
    ["ReLU with L2", {activation: "relu", regularization: "l2", regRate: 0.3} as const],
    [
      "sigmoid with L1, batch size 1",
      {activation: "sigmoid", regularization: "l1", regRate: 0.03, batchSize: 1, trainRatio: 20} as const
    ]
  ] as const) {
    it(`matches a point-by-point reference: ${name}`, () => void compare({...base, ...change}));
    it(`the WebAssembly step follows the same reference to float32 precision: ${name}`, () =>
      void compare({...base, ...change}, "wasm"));
  }

  for (const kind of ["fused", "wasm"] as const)
    it(`L1: weights that cross zero become exactly 0 and stay 0; biases are never zeroed (${kind})`, () => {
      const settings: PlaygroundSettings = {...base, regularization: "l1", regRate: 0.3, epochs: 2};
      const {run, params} = compare(settings, kind);
      const zeros = (p: Float64Array) => Array.from(p.keys()).filter((k) => p[k] === 0);
      const early = zeros(params);
      assert.ok(early.length > 0, "some weights are exactly zero");
      const mask = weightMask(run.spec);
      assert.ok(
        early.every((k) => mask[k] === 1),
        "only weights"
      );
      for (let e = 0; e < 20; ++e) run.runEpoch();
      const late = zeros(run.params());
      assert.ok(
        early.every((k) => late.includes(k)),
        "a zeroed weight stays zero"
      );
      assert.ok(
        weightStats(run.spec, run.params()).zeroFraction >= early.length / weightStats(run.spec, params).count
      );
    });
});

describe("the playground job and the pretrained experiments agree", () => {
  it("a step is exactly one epoch, and losses are recorded from epoch 0", () => {
    const job = new PlaygroundJob({...base, epochs: 0});
    assert.equal(job.epochs, Infinity);
    assert.equal(job.advance(0), "training");
    assert.equal(job.epoch, 1);
    const r = job.report();
    assert.equal(r.newEpochLosses.length, 2);
    assert.equal(r.newTestLosses!.length, 2);
    assert.ok(r.newEpochLosses[1] < r.newEpochLosses[0]);
  });

  it("rerunning an experiment's settings in the page's job gives the published losses, bit for bit", () => {
    const settings = {...base, epochs: 12, regularization: "l1" as const, regRate: 0.01};
    const published = runExperiment(settings, {view: {grid: 8, nodeGrid: 4}, curvePoints: 4});
    const job = new PlaygroundJob(settings);
    while (job.advance(1000) === "training");
    const view = job.view({grid: 8, nodeGrid: 4})!;
    assert.equal(job.status, "done");
    assert.equal(view.trainLoss, published.final.trainLoss);
    assert.equal(view.testLoss, published.final.testLoss);
    assert.deepEqual(view.params, published.final.params);
    assert.deepEqual(published.curve.epoch, [0, 3, 6, 9, 12]);
  });

  it("the same settings give byte-identical results", () => {
    const a = JSON.stringify(runExperiment(base, {view: {grid: 6, nodeGrid: 3}, curvePoints: 3}));
    const b = JSON.stringify(runExperiment(base, {view: {grid: 6, nodeGrid: 3}, curvePoints: 3}));
    assert.equal(a, b);
  });

  it("the losses the job records every epoch are playgroundLoss's, exactly, for every activation", () => {
    for (const activation of ["tanh", "sigmoid", "relu", "linear"] as const) {
      const run = new PlaygroundRun({...base, activation, hidden: [4, 3]});
      run.runEpoch();
      const params = run.params();
      const {train, test} = run.losses(params);
      assert.equal(
        train,
        playgroundLoss(run.spec, params, run.trainInputs, run.data.train.label),
        activation
      );
      assert.equal(test, playgroundLoss(run.spec, params, run.testInputs, run.data.test.label), activation);
    }
  });

  it("a diverging run ends with a message naming the epoch", () => {
    // A tanh output keeps plain gradient steps bounded; a penalty step of lr · rate = 100 times the weight is not.
    const job = new PlaygroundJob({...base, lr: 10, regularization: "l2", regRate: 10, epochs: 200});
    while (job.advance(1000) === "training");
    assert.equal(job.status, "diverged");
    assert.match(job.report().message!, new RegExp(`in epoch ${job.epoch}\\b`));
    assert.equal(job.view({grid: 4, nodeGrid: 0}), undefined);
  });
});
