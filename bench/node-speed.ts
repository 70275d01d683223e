// Node side of the benchmark: ms per step of the fused path and of tfjs, per model,
// and the cost per model-step when several models train together on every core.
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import type {ModelName} from "../src/core/autoencoder.js";
import {SHEET_HIDDEN} from "../src/core/autoencoder.js";
import {DEFAULT_SNAPSHOT_CONFIG, sheetData} from "../src/core/ae-snapshot.js";
import type {EngineOptions} from "../src/core/engine.js";
import {startAutoencoder} from "../src/core/run-autoencoder.js";
import {runAll} from "../src/data/lib/pool.js";

const MODELS: ModelName[] = ["pca", "small", "big"];

/** ms per step over `epochs` epochs after a warm-up of 5, one model, one thread. */
export function msPerStep(name: ModelName, epochs: number, engine: EngineOptions = {}): number {
  const data = sheetData();
  const {loop} = startAutoencoder({hidden: SHEET_HIDDEN[name], linear: name === "pca", seed: 0, batchSize: 8, init: "torch"}, data, engine);
  for (let e = 0; e < 5; ++e) loop.runEpoch();
  const t0 = performance.now();
  for (let e = 0; e < epochs; ++e) loop.runEpoch();
  const ms = (performance.now() - t0) / (epochs * loop.stepsPerEpoch);
  loop.engine.dispose();
  return ms;
}

export async function nodeSpeed(): Promise<Record<string, unknown>> {
  const fused = Object.fromEntries(MODELS.map((m) => [m, round(msPerStep(m, m === "big" ? 300 : 1000))]));
  const tfjs: Record<string, Record<string, number>> = {};
  for (const backend of ["cpu", "wasm"]) {
    await tf.setBackend(backend);
    await tf.ready();
    tfjs[backend] = Object.fromEntries(MODELS.map((m) => [m, round(msPerStep(m, 15, {kind: "tfjs", tf}))]));
  }
  // Eight big models (the seeds of the report) trained together, one per core at a time.
  const epochs = 200;
  const config = {...DEFAULT_SNAPSHOT_CONFIG, epochs};
  const t0 = performance.now();
  await runAll(DEFAULT_SNAPSHOT_CONFIG.seeds.map((seed) => ({task: "autoencoderRun" as const, args: ["big", seed, config] as const})));
  const together = (performance.now() - t0) / (DEFAULT_SNAPSHOT_CONFIG.seeds.length * epochs * 12);
  return {
    fusedMsPerStep: fused,
    tfjsMsPerStep: tfjs,
    bigEightSeedsTogether: {threads: (await import("node:os")).availableParallelism(), msPerModelStep: round(together)}
  };
}

export function round(x: number, digits = 4): number {
  return Number(x.toPrecision(digits));
}
