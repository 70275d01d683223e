/**
 * The one place that decides how a training step is computed. Callers ask for a
 * `StepEngine` and never branch on the kind themselves.
 *
 * - `wasm` (default): the WebAssembly SIMD step of `wasm/wasm-engine.ts`, float32,
 *   bit-identical in Node and every browser; it trains the published results.
 * - `fused`: the typed-array step of `fused.ts`, float64, no dispatch.
 * - `tfjs`: TensorFlow.js autodiff and optimisers (`tfjs-engine.ts`), the oracle;
 *   the caller passes its `tf` module, since Node and the browser import tfjs
 *   from different builds.
 */
import {createFusedEngine} from "./fused.js";
import type {Problem, StepEngine} from "./problem.js";
import {createTfjsEngine} from "./tfjs-engine.js";
import type {Tf} from "./tfjs-engine.js";
import {createWasmEngine} from "./wasm/wasm-engine.js";

export type EngineKind = "wasm" | "fused" | "tfjs";
export const ENGINE_KINDS: readonly EngineKind[] = ["wasm", "fused", "tfjs"];
/** The engine that trains the published results, and every run that names none. */
export const DEFAULT_ENGINE: EngineKind = "wasm";

export interface EngineOptions {
  readonly kind?: EngineKind;
  readonly tf?: Tf;
}

export function createEngine(
  problem: Problem,
  params: Float64Array,
  options: EngineOptions = {}
): StepEngine {
  const kind = options.kind ?? DEFAULT_ENGINE;
  if (kind === "wasm") return createWasmEngine(problem, params);
  if (kind === "fused") return createFusedEngine(problem, params);
  if (kind === "tfjs") {
    if (!options.tf) throw new Error("the tfjs engine needs the tf module (options.tf)");
    return createTfjsEngine(options.tf, problem, params);
  }
  throw new RangeError(`unknown engine ${kind as string}`);
}
