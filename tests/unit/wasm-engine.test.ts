import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {describe, it} from "node:test";
import {Worker} from "node:worker_threads";
import * as tf from "@tensorflow/tfjs";
import type {ModelName} from "../../src/core/autoencoder/models.js";
import {sheetModel} from "../../src/core/autoencoder/models.js";
import {rectangleData} from "../../src/core/autoencoder/rectangle.js";
import {createEngine} from "../../src/core/engine/engine.js";
import {createFusedEngine} from "../../src/core/engine/fused.js";
import type {MlpSpec} from "../../src/core/engine/mlp.js";
import {initParams, layerCount, layout, weightMask} from "../../src/core/engine/mlp.js";
import type {OptimizerConfig, Problem, Regularization, StepEngine} from "../../src/core/engine/problem.js";
import {adam, sgd} from "../../src/core/engine/problem.js";
import {createRng} from "../../src/core/engine/random.js";
import {STEP_WASM_BASE64, STEP_WASM_SHA256} from "../../src/core/engine/wasm/step-binary.js";
import {createWasmEngine} from "../../src/core/engine/wasm/wasm-engine.js";
import {trainBig} from "./wasm-engine-thread.js";

await tf.setBackend("cpu");
const data = rectangleData(100, createRng(6));

function aeProblem(name: ModelName, optimizer: OptimizerConfig = adam(), trainable?: boolean[]): Problem {
  return {spec: sheetModel(name), inputs: data, targets: data, n: 100, loss: "mse", optimizer, trainable};
}

/** A Playground-like classifier: features x₁, x₂, labels ±1 by quadrant, the Playground's loss. */
function playgroundProblem(
  spec: MlpSpec,
  optimizer: OptimizerConfig,
  regularization?: Regularization
): Problem {
  const labels = Float64Array.from({length: 100}, (_, i) => (data[2 * i] * data[2 * i + 1] > 0 ? 1 : -1));
  return {spec, inputs: data, targets: labels, n: 100, loss: "half-se", optimizer, regularization};
}

const PLAYGROUND: MlpSpec = {widths: [2, 8, 6, 1], activations: ["tanh", "sigmoid", "tanh"]};

/** Parameters as the float32 engine holds them. */
const f32 = (p: Float64Array) => Float64Array.from(p, Math.fround);

/**
 * Runs two engines from the same weights over the same shuffled batches; returns
 * the largest relative loss difference over the steps and the largest parameter gap.
 */
function compare(
  a: StepEngine,
  b: StepEngine,
  steps: number,
  batchSize = 8
): {gap: number; pgap: number; losses: number[]} {
  const n = a.problem.n;
  const rng = createRng(9);
  const order = Int32Array.from({length: n}, (_, i) => i);
  const perEpoch = Math.floor(n / batchSize);
  let gap = 0;
  const losses: number[] = [];
  for (let s = 0; s < steps; ++s) {
    if (s % perEpoch === 0) rng.shuffle(order);
    const batch = order.subarray((s % perEpoch) * batchSize, ((s % perEpoch) + 1) * batchSize);
    const la = a.step(batch, batchSize);
    const lb = b.step(batch, batchSize);
    losses.push(la);
    gap = Math.max(gap, Math.abs(la - lb) / Math.abs(lb));
  }
  const pa = a.getParams();
  const pb = b.getParams();
  let pgap = 0;
  for (let k = 0; k < pa.length; ++k) pgap = Math.max(pgap, Math.abs(pa[k] - pb[k]));
  a.dispose();
  b.dispose();
  return {gap, pgap, losses};
}

function againstTfjs(problem: Problem, params: Float64Array, steps = 100, batchSize = 8) {
  return compare(
    createWasmEngine(problem, params),
    createEngine(problem, f32(params), {kind: "tfjs", tf}),
    steps,
    batchSize
  );
}

function againstFused(problem: Problem, params: Float64Array, steps = 100, batchSize = 8) {
  return compare(
    createWasmEngine(problem, params),
    createFusedEngine(problem, f32(params)),
    steps,
    batchSize
  );
}

describe("the committed WebAssembly binary", () => {
  it("is what the AssemblyScript source compiles to", () => {
    const bytes = Buffer.from(STEP_WASM_BASE64, "base64");
    assert.equal(
      createHash("sha256").update(bytes).digest("hex"),
      STEP_WASM_SHA256,
      "the embedded bytes match their recorded hash"
    );
    const out = spawnSync(process.execPath, ["scripts/build-wasm.mjs", "--print"], {encoding: "utf8"});
    assert.equal(out.status, 0, out.stderr);
    assert.equal(
      out.stdout.trim(),
      STEP_WASM_BASE64,
      "src/core/engine/wasm/assembly/step.ts changed: run `npm run build:wasm`"
    );
  });

  it("imports nothing from its host (no Math, no abort)", () => {
    const module = new WebAssembly.Module(Buffer.from(STEP_WASM_BASE64, "base64"));
    assert.deepEqual(WebAssembly.Module.imports(module), []);
  });
});

describe("the WebAssembly step follows tfjs's autodiff and optimisers (float32 both)", () => {
  for (const name of ["pca", "small", "big"] as const) {
    it(`${name}: Adam, 100 steps, losses within 1e-4 relative`, (t) => {
      const {gap, pgap, losses} = againstTfjs(
        aeProblem(name),
        initParams(sheetModel(name), "torch", createRng(3))
      );
      t.diagnostic(
        `max relative loss difference ${gap.toExponential(2)}, largest parameter gap ${pgap.toExponential(2)}`
      );
      assert.ok(gap < 1e-4, `max relative loss difference ${gap}`);
      // Adam divides by √v: a rounding difference in a tiny gradient can move a weight by a fraction of lr.
      assert.ok(pgap < 0.5e-3, `parameters differ by ${pgap}`);
      assert.ok(Math.abs(losses[0] - losses[99]) > 1e-3, "the loss moved");
    });
  }

  it("big with a frozen decoder: the same trajectory, and the decoder keeps its bytes", (t) => {
    const spec = sheetModel("big");
    const trainable = Array.from({length: layerCount(spec)}, (_, l) => l < spec.encoderLayers);
    const p0 = initParams(spec, "torch", createRng(5));
    const problem = aeProblem("big", adam(), trainable);
    const {gap} = againstTfjs(problem, p0);
    t.diagnostic(`max relative loss difference ${gap.toExponential(2)}`);
    assert.ok(gap < 1e-4, `max relative loss difference ${gap}`);
    const engine = createWasmEngine(problem, p0);
    const batch = Int32Array.from({length: 8}, (_, i) => i);
    for (let s = 0; s < 20; ++s) engine.step(batch, 8);
    const p1 = engine.getParams();
    const decoderStart = layout(spec)[spec.encoderLayers].w;
    // Exactly as given, not even rounded to float32 ((g) reports the decoder's change as 0).
    assert.deepEqual(p1.subarray(decoderStart), p0.subarray(decoderStart), "decoder unchanged");
    assert.notDeepEqual(p1.subarray(0, decoderStart), f32(p0).subarray(0, decoderStart), "encoder changed");
  });

  it("small with tfjs initialisation (zero biases), SGD", (t) => {
    const {gap} = againstTfjs(
      aeProblem("small", sgd(0.05)),
      initParams(sheetModel("small"), "tfjs", createRng(4))
    );
    t.diagnostic(`max relative loss difference ${gap.toExponential(2)}`);
    assert.ok(gap < 1e-4, `max relative loss difference ${gap}`);
  });

  for (const kind of ["l2", "l1"] as const) {
    it(`tanh and sigmoid layers, the Playground's loss, SGD with ${kind.toUpperCase()}`, (t) => {
      const problem = playgroundProblem(PLAYGROUND, sgd(0.03), {kind, rate: kind === "l1" ? 0.05 : 0.01});
      const {gap, losses} = againstTfjs(problem, initParams(PLAYGROUND, "playground", createRng(6)), 100, 10);
      t.diagnostic(`max relative loss difference ${gap.toExponential(2)}`);
      assert.ok(gap < 1e-4, `max relative loss difference ${gap}`);
      assert.ok(Math.abs(losses[0] - losses[99]) > 1e-3, "the loss moved");
    });
  }
});

describe("the WebAssembly step follows the float64 fused step", () => {
  for (const name of ["pca", "small", "big"] as const) {
    it(`${name}: Adam, 100 steps, losses within 1e-4 relative`, (t) => {
      const {gap} = againstFused(aeProblem(name), initParams(sheetModel(name), "torch", createRng(3)));
      t.diagnostic(`max relative loss difference ${gap.toExponential(2)}`);
      assert.ok(gap < 1e-4, `max relative loss difference ${gap}`);
    });
  }

  for (const kind of ["l2", "l1"] as const) {
    it(`tanh and sigmoid layers, the Playground's loss, SGD with ${kind.toUpperCase()}`, (t) => {
      const problem = playgroundProblem(PLAYGROUND, sgd(0.03), {kind, rate: kind === "l1" ? 0.05 : 0.01});
      const {gap} = againstFused(problem, initParams(PLAYGROUND, "playground", createRng(6)), 100, 10);
      t.diagnostic(`max relative loss difference ${gap.toExponential(2)}`);
      assert.ok(gap < 1e-4, `max relative loss difference ${gap}`);
    });
  }

  it("odd widths, odd batch sizes and wide outputs (every padded and tail path)", (t) => {
    const spec: MlpSpec = {
      widths: [3, 7, 13, 5, 9, 6],
      activations: ["relu", "tanh", "sigmoid", "relu", "linear"]
    };
    const inputs = Float64Array.from({length: 300}, (_, k) => Math.sin(k * 0.7));
    const targets = Float64Array.from({length: 600}, (_, k) => Math.cos(k * 0.3));
    const problem: Problem = {spec, inputs, targets, n: 100, loss: "mse", optimizer: adam(0.01)};
    for (const batch of [1, 2, 3, 5, 7, 10, 33]) {
      const {gap} = againstFused(problem, initParams(spec, "torch", createRng(batch)), 60, batch);
      t.diagnostic(`batch ${batch}: max relative loss difference ${gap.toExponential(2)}`);
      assert.ok(gap < 1e-4, `batch ${batch}: max relative loss difference ${gap}`);
    }
  });

  it("gives the fused step's gradient at the same float32 weights, frozen layers zero", (t) => {
    const cases: [Problem, Float64Array][] = [
      [aeProblem("big"), initParams(sheetModel("big"), "torch", createRng(7))],
      [
        aeProblem("small", adam(), [false, false, false, true, true, true]),
        initParams(sheetModel("small"), "torch", createRng(8))
      ],
      [playgroundProblem(PLAYGROUND, sgd(0.1)), initParams(PLAYGROUND, "playground", createRng(9))]
    ];
    for (const [problem, params] of cases) {
      const p = f32(params);
      const batch = [0, 5, 9, 17, 23, 42, 77, 99, 3];
      const a = createWasmEngine(problem, p).lossAndGradient(batch, batch.length);
      const b = createFusedEngine(problem, p).lossAndGradient(batch, batch.length);
      assert.ok(Math.abs(a.loss - b.loss) / b.loss < 1e-6, `loss ${a.loss} vs ${b.loss}`);
      let scale = 0;
      let diff = 0;
      for (let k = 0; k < b.grad.length; ++k) {
        scale = Math.max(scale, Math.abs(b.grad[k]));
        diff = Math.max(diff, Math.abs(a.grad[k] - b.grad[k]));
        if (b.grad[k] === 0 && problem.trainable) assert.equal(a.grad[k], 0);
      }
      t.diagnostic(
        `${problem.spec.widths.join("-")}: largest gradient difference ${(diff / scale).toExponential(2)} of the largest entry`
      );
      assert.ok(diff < 1e-5 * scale, `gradient differs by ${diff} (largest entry ${scale})`);
    }
  });
});

// The loss is computed in float32: steps of 1e-3 and a tolerance of 1e-2 (a wrong
// gradient is off by order one). The tight check is the one against the fused step above.
describe("gradients against finite differences (float32 loss, so steps of 1e-3)", () => {
  function checkGradient(problem: Problem, params: Float64Array): number {
    const p = f32(params);
    const engine = createWasmEngine(problem, p);
    const batch = [0, 5, 9, 17, 23, 42, 77, 99];
    const {grad} = engine.lossAndGradient(batch, batch.length);
    const rng = createRng(1);
    let worst = 0;
    for (let trial = 0; trial < 60; ++trial) {
      const k = rng.int(p.length);
      const plus = Float64Array.from(p);
      const minus = Float64Array.from(p);
      plus[k] = Math.fround(p[k] + 1e-3);
      minus[k] = Math.fround(p[k] - 1e-3);
      engine.setParams(plus);
      const lp = engine.lossAndGradient(batch, batch.length).loss;
      engine.setParams(minus);
      const lm = engine.lossAndGradient(batch, batch.length).loss;
      const fd = (lp - lm) / (plus[k] - minus[k]);
      worst = Math.max(worst, Math.abs(fd - grad[k]) / Math.max(1e-2, Math.abs(fd) + Math.abs(grad[k])));
    }
    return worst;
  }

  for (const name of ["pca", "small", "big"] as const) {
    it(`${name}`, (t) => {
      const worst = checkGradient(aeProblem(name), initParams(sheetModel(name), "torch", createRng(7)));
      t.diagnostic(`worst relative error ${worst.toExponential(2)}`);
      assert.ok(worst < 1e-2, `worst relative error ${worst}`);
    });
  }

  it("tanh and sigmoid layers with the Playground's loss", (t) => {
    const worst = checkGradient(
      playgroundProblem(PLAYGROUND, sgd(0.1)),
      initParams(PLAYGROUND, "playground", createRng(8))
    );
    t.diagnostic(`worst relative error ${worst.toExponential(2)}`);
    assert.ok(worst < 1e-2, `worst relative error ${worst}`);
  });
});

describe("L1 regularisation", () => {
  it("sets weights that cross zero to exactly zero and keeps them there", () => {
    const problem = playgroundProblem(PLAYGROUND, sgd(0.03), {kind: "l1", rate: 0.3});
    const engine = createWasmEngine(problem, initParams(PLAYGROUND, "playground", createRng(2)));
    const batch = Int32Array.from({length: 10}, (_, i) => i * 10);
    const isWeight = weightMask(PLAYGROUND);
    const zerosAt = (p: Float64Array) => [...p.keys()].filter((k) => isWeight[k] === 1 && p[k] === 0);
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

describe("determinism", () => {
  it("the same inputs give the same bytes, in this thread and in a worker thread", async () => {
    const first = trainBig();
    assert.deepEqual(trainBig(), first);
    const code = `
      const {parentPort, workerData} = require("node:worker_threads");
      import("tsx/esm/api").then(async ({register}) => {
        register();
        const {trainBig} = await import(workerData.url);
        parentPort.postMessage(trainBig());
      });`;
    const worker = new Worker(code, {
      eval: true,
      workerData: {url: new URL("./wasm-engine-thread.ts", import.meta.url).href}
    });
    const fromWorker = await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    assert.deepEqual(fromWorker, first);
  });

  it("a diverging run reports a non-finite loss instead of failing", () => {
    const engine = createWasmEngine(
      aeProblem("small", sgd(1e6)),
      initParams(sheetModel("small"), "torch", createRng(1))
    );
    const batch = Int32Array.from({length: 8}, (_, i) => i);
    let last = 0;
    for (let s = 0; s < 50 && Number.isFinite(last); ++s) last = engine.step(batch, 8);
    assert.ok(!Number.isFinite(last), `loss ${last}`);
  });
});

describe("bad input", () => {
  const problem = aeProblem("small");
  const p0 = initParams(sheetModel("small"), "torch", createRng(1));

  it("refuses a wrong parameter count, a row outside the data and an empty batch", () => {
    assert.throws(() => createWasmEngine(problem, p0.subarray(1)), /expected \d+ parameters/);
    const engine = createWasmEngine(problem, p0);
    assert.throws(() => engine.step([0, 1, 100], 3), /row 100 is not in \[0, 100\)/);
    assert.throws(() => engine.step([0, 1.5], 2), /row 1.5/);
    assert.throws(() => engine.step([0], 0), /between 1 and 1 rows/);
    assert.throws(() => engine.setParams(p0.subarray(2)), /expected \d+ parameters/);
  });

  it("grows its buffers for larger batches (rows may repeat) and says so after dispose", () => {
    const engine = createWasmEngine(problem, p0);
    const fused = createFusedEngine(problem, f32(p0));
    for (const count of [8, 100, 150, 3]) {
      const batch = Int32Array.from({length: count}, (_, i) => (i * 7) % 100);
      const [a, b] = [engine.step(batch, count), fused.step(batch, count)];
      assert.ok(Math.abs(a - b) / b < 1e-6, `batch of ${count}: ${a} vs ${b}`);
    }
    const all = Int32Array.from({length: 100}, (_, i) => i);
    engine.dispose();
    assert.throws(() => engine.step(all, 8), /disposed/);
  });
});
