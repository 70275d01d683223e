import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import type {ModelName} from "../../src/core/autoencoder/models.js";
import {sheetModel} from "../../src/core/autoencoder/models.js";
import {rectangleData} from "../../src/core/autoencoder/rectangle.js";
import {createEngine} from "../../src/core/engine/engine.js";
import {createFusedEngine} from "../../src/core/engine/fused.js";
import type {MlpSpec} from "../../src/core/engine/mlp.js";
import {initParams, layerCount, layout} from "../../src/core/engine/mlp.js";
import type {OptimizerConfig, Problem, Regularization} from "../../src/core/engine/problem.js";
import {adam, sgd} from "../../src/core/engine/problem.js";
import {createRng} from "../../src/core/engine/random.js";

await tf.setBackend("cpu");
const data = rectangleData(100, createRng(6));

function aeProblem(name: ModelName, optimizer: OptimizerConfig = adam(), trainable?: boolean[]): Problem {
  return {spec: sheetModel(name), inputs: data, targets: data, n: 100, loss: "mse", optimizer, trainable};
}

/** Runs both engines from the same weights over the same batches; returns the largest loss gap. */
function compareWithTfjs(
  problem: Problem,
  params: Float64Array,
  steps: number,
  batchSize = 8
): {gap: number; fused: number[]} {
  const fused = createEngine(problem, params, {kind: "fused"});
  const oracle = createEngine(problem, params, {kind: "tfjs", tf});
  const rng = createRng(9);
  const order = Int32Array.from({length: problem.n}, (_, i) => i);
  const perEpoch = Math.floor(problem.n / batchSize);
  let gap = 0;
  const losses: number[] = [];
  for (let s = 0; s < steps; ++s) {
    if (s % perEpoch === 0) rng.shuffle(order);
    const batch = order.subarray((s % perEpoch) * batchSize, ((s % perEpoch) + 1) * batchSize);
    const a = fused.step(batch, batchSize);
    const b = oracle.step(batch, batchSize);
    losses.push(a);
    gap = Math.max(gap, Math.abs(a - b));
  }
  // The parameters agree too. Adam divides by √v, so float32 rounding in a tiny
  // gradient (tfjs) against float64 (fused) can move a weight by a fraction of
  // a step of size lr; 100 steps move weights by up to 100·lr.
  const pa = fused.getParams();
  const pb = oracle.getParams();
  let pgap = 0;
  for (let k = 0; k < pa.length; ++k) pgap = Math.max(pgap, Math.abs(pa[k] - pb[k]));
  assert.ok(pgap < 0.5 * problem.optimizer.lr, `parameters differ by ${pgap}`);
  fused.dispose();
  oracle.dispose();
  return {gap, fused: losses};
}

describe("the fused step follows tfjs's autodiff and optimisers", () => {
  for (const name of ["pca", "small", "big"] as const) {
    it(`${name}: Adam, 100 steps, loss trajectory within 1e-5`, () => {
      const spec = sheetModel(name);
      const {gap, fused} = compareWithTfjs(aeProblem(name), initParams(spec, "torch", createRng(3)), 100);
      assert.ok(gap < 1e-5, `max |Δloss| = ${gap}`);
      // It is a real trajectory: the loss moved.
      assert.ok(Math.abs(fused[0] - fused[99]) > 1e-3);
    });
  }

  it("small with tfjs initialisation (zero biases), SGD", () => {
    const spec = sheetModel("small");
    const {gap} = compareWithTfjs(aeProblem("small", sgd(0.05)), initParams(spec, "tfjs", createRng(4)), 100);
    assert.ok(gap < 1e-5, `max |Δloss| = ${gap}`);
  });

  it("big with a frozen decoder: only the encoder trains, as in tfjs", () => {
    const spec = sheetModel("big");
    const L = layerCount(spec);
    const trainable = Array.from({length: L}, (_, l) => l < spec.encoderLayers);
    const p0 = initParams(spec, "torch", createRng(5));
    const problem = aeProblem("big", adam(), trainable);
    const {gap} = compareWithTfjs(problem, p0, 100);
    assert.ok(gap < 1e-5, `max |Δloss| = ${gap}`);
    const engine = createEngine(problem, p0, {kind: "fused"});
    const batch = Int32Array.from({length: 8}, (_, i) => i);
    for (let s = 0; s < 20; ++s) engine.step(batch, 8);
    const p1 = engine.getParams();
    const decoderStart = layout(spec)[spec.encoderLayers].w;
    assert.deepEqual(p1.subarray(decoderStart), p0.subarray(decoderStart), "decoder unchanged");
    assert.notDeepEqual(p1.subarray(0, decoderStart), p0.subarray(0, decoderStart), "encoder changed");
  });

  it("a tanh classifier with the Playground's loss and L2", () => {
    const spec: MlpSpec = {widths: [2, 8, 8, 1], activations: ["tanh", "tanh", "tanh"]};
    const labels = Float64Array.from({length: 100}, (_, i) => (data[2 * i] * data[2 * i + 1] > 0 ? 1 : -1));
    const reg: Regularization = {kind: "l2", rate: 0.01};
    const problem: Problem = {
      spec,
      inputs: data,
      targets: labels,
      n: 100,
      loss: "half-se",
      optimizer: sgd(0.03),
      regularization: reg
    };
    const {gap} = compareWithTfjs(problem, initParams(spec, "playground", createRng(6)), 100, 10);
    assert.ok(gap < 1e-5, `max |Δloss| = ${gap}`);
  });
});

describe("gradients", () => {
  function checkGradient(problem: Problem, params: Float64Array): void {
    const engine = createFusedEngine(problem, params);
    const batch = [0, 5, 9, 17, 23, 42, 77, 99];
    const {grad} = engine.lossAndGradient(batch, batch.length);
    const h = 1e-6;
    const rng = createRng(1);
    let worst = 0;
    for (let trial = 0; trial < 60; ++trial) {
      const k = rng.int(params.length);
      const plus = Float64Array.from(params);
      const minus = Float64Array.from(params);
      plus[k] += h;
      minus[k] -= h;
      engine.setParams(plus);
      const lp = engine.lossAndGradient(batch, batch.length).loss;
      engine.setParams(minus);
      const lm = engine.lossAndGradient(batch, batch.length).loss;
      const fd = (lp - lm) / (2 * h);
      worst = Math.max(worst, Math.abs(fd - grad[k]) / Math.max(1e-3, Math.abs(fd) + Math.abs(grad[k])));
    }
    assert.ok(worst < 1e-4, `worst relative error ${worst}`);
  }

  for (const name of ["pca", "small", "big"] as const) {
    it(`${name}: match central finite differences`, () => {
      checkGradient(aeProblem(name), initParams(sheetModel(name), "torch", createRng(7)));
    });
  }

  it("tanh and sigmoid layers with the Playground's loss", () => {
    const spec: MlpSpec = {widths: [2, 6, 5, 1], activations: ["tanh", "sigmoid", "tanh"]};
    const labels = Float64Array.from({length: 100}, (_, i) => (data[2 * i] > 0 ? 1 : -1));
    checkGradient(
      {spec, inputs: data, targets: labels, n: 100, loss: "half-se", optimizer: sgd(0.1)},
      initParams(spec, "playground", createRng(8))
    );
  });
});

describe("L1 regularisation", () => {
  it("sets weights that cross zero to exactly zero and keeps them there", () => {
    const spec: MlpSpec = {widths: [2, 8, 8, 1], activations: ["tanh", "tanh", "tanh"]};
    const labels = Float64Array.from({length: 100}, (_, i) => (data[2 * i] > 0 ? 1 : -1));
    const problem: Problem = {
      spec,
      inputs: data,
      targets: labels,
      n: 100,
      loss: "half-se",
      optimizer: sgd(0.03),
      regularization: {kind: "l1", rate: 0.3}
    };
    const engine = createEngine(problem, initParams(spec, "playground", createRng(2)), {kind: "fused"});
    const batch = Int32Array.from({length: 10}, (_, i) => i * 10);
    const zerosAt = (p: Float64Array) =>
      layout(spec).flatMap((ly) =>
        Array.from({length: ly.in * ly.out}, (_, k) => ly.w + k).filter((k) => p[k] === 0)
      );
    for (let s = 0; s < 100; ++s) engine.step(batch, 10);
    const early = zerosAt(engine.getParams());
    for (let s = 0; s < 400; ++s) engine.step(batch, 10);
    const late = zerosAt(engine.getParams());
    assert.ok(early.length > 0, "some weights are exactly zero");
    assert.ok(
      early.every((k) => late.includes(k)),
      "a zeroed weight stays zero"
    );
    assert.ok(late.length >= early.length);
  });
});
