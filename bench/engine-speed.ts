// ms per training step of one engine on one sheet model, through the same training
// loop the loaders use. Imports only the core (no tfjs, no Node modules), so that
// the benchmark runs it unchanged in Node and in a Chromium module worker.
import type {ModelName} from "../src/core/autoencoder/models.js";
import {SHEET_HIDDEN} from "../src/core/autoencoder/models.js";
import {rectangleData} from "../src/core/autoencoder/rectangle.js";
import {createFusedEngine} from "../src/core/engine/fused.js";
import type {Problem, StepEngine} from "../src/core/engine/problem.js";
import {createRng} from "../src/core/engine/random.js";
import {startAutoencoder} from "../src/core/autoencoder/run.js";
import {SHEET_SETUP} from "../src/core/autoencoder/setup.js";
import {TrainingLoop} from "../src/core/engine/train.js";
import {createWasmEngine} from "../src/core/engine/wasm/wasm-engine.js";

export type EngineFactory = (problem: Problem, params: Float64Array) => StepEngine;

export const MODELS: readonly ModelName[] = ["pca", "small", "big"];

/** Epochs per measurement: about a second of the fused step each on this machine. */
export const EPOCHS: Readonly<Record<ModelName, number>> = {pca: 1000, small: 1000, big: 300};

/** ms per step over `epochs` epochs after a warm-up of 5, one model (seed 0, batch 8, Adam), one thread. */
export function msPerStep(
  name: ModelName,
  epochs: number,
  create: EngineFactory = createFusedEngine
): number {
  const data = rectangleData(SHEET_SETUP.n, createRng(SHEET_SETUP.dataSeed));
  const run = startAutoencoder(
    {hidden: SHEET_HIDDEN[name], linear: name === "pca", seed: 0, batchSize: 8, init: "torch"},
    data
  );
  const loop = new TrainingLoop(create(run.loop.engine.problem, run.initial), run.rng, {batchSize: 8});
  for (let e = 0; e < 5; ++e) loop.runEpoch();
  const t0 = performance.now();
  for (let e = 0; e < epochs; ++e) loop.runEpoch();
  const ms = (performance.now() - t0) / (epochs * loop.stepsPerEpoch);
  loop.engine.dispose();
  return ms;
}

export interface EngineComparison {
  /** Medians over the repetitions, ms per step. */
  readonly fused: number;
  readonly wasm: number;
  /** Median of fused / wasm, repetition by repetition (robust to a machine whose speed drifts). */
  readonly speedup: number;
}

/** The fused and the WebAssembly step in turn, `reps` times each. */
export function compareEngines(name: ModelName, epochs: number, reps: number): EngineComparison {
  const fused: number[] = [];
  const wasm: number[] = [];
  for (let r = 0; r < reps; ++r) {
    fused.push(msPerStep(name, epochs, createFusedEngine));
    wasm.push(msPerStep(name, epochs, createWasmEngine));
  }
  return {fused: median(fused), wasm: median(wasm), speedup: median(fused.map((f, k) => f / wasm[k]))};
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
