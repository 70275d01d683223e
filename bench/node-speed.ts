// Node side of the benchmark: ms per step of the fused float64 step, the WebAssembly
// SIMD step and tfjs, per model, and the cost per model-step when several models
// train together on every core.
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import {DEFAULT_SNAPSHOT_CONFIG} from "../src/core/autoencoder/snapshot.js";
import {createEngine} from "../src/core/engine/engine.js";
import {runAll} from "../src/data/lib/pool.js";
import {EPOCHS, MODELS, compareEngines, msPerStep} from "./engine-speed.js";

/** Repetitions of the fused/WebAssembly comparison (medians are reported). */
export const REPS = 5;

export async function nodeSpeed(): Promise<Record<string, unknown>> {
  const compared = Object.fromEntries(MODELS.map((m) => [m, compareEngines(m, EPOCHS[m], REPS)]));
  const pick = (key: "fused" | "wasm" | "speedup", digits = 4) =>
    Object.fromEntries(MODELS.map((m) => [m, round(compared[m][key], digits)]));
  const tfjs: Record<string, Record<string, number>> = {};
  for (const backend of ["cpu", "wasm"]) {
    await tf.setBackend(backend);
    await tf.ready();
    tfjs[backend] = Object.fromEntries(
      MODELS.map((m) => [m, round(msPerStep(m, 15, (p, x) => createEngine(p, x, {kind: "tfjs", tf})))])
    );
  }
  // Eight big models (the seeds of the report) trained together, one per core at a time.
  const epochs = 200;
  const config = {...DEFAULT_SNAPSHOT_CONFIG, epochs};
  const t0 = performance.now();
  await runAll(
    DEFAULT_SNAPSHOT_CONFIG.seeds.map((seed) => ({
      task: "autoencoderRun" as const,
      args: ["big", seed, config] as const
    }))
  );
  const together = (performance.now() - t0) / (DEFAULT_SNAPSHOT_CONFIG.seeds.length * epochs * 12);
  return {
    repetitions: REPS,
    fusedMsPerStep: pick("fused"),
    wasmMsPerStep: pick("wasm"),
    wasmSpeedupOverFused: pick("speedup", 3),
    tfjsMsPerStep: tfjs,
    bigEightSeedsTogether: {
      threads: (await import("node:os")).availableParallelism(),
      msPerModelStep: round(together)
    }
  };
}

export function round(x: number, digits = 4): number {
  return Number(x.toPrecision(digits));
}
