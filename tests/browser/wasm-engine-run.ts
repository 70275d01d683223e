// One training run of the WebAssembly step from plain data, so that Node, a page and
// a module worker can run exactly the same thing (tests/browser/wasm-engine.spec.ts).
// Imports only the engine (no bare module names), so a browser can load it as is.
import type {Problem} from "../../src/core/engine/problem.js";
import {createWasmEngine} from "../../src/core/engine/wasm/wasm-engine.js";

/** A problem, its initial parameters and the batches to step through, as JSON-safe values. */
export interface Scenario {
  readonly name: string;
  readonly problem: Omit<Problem, "inputs" | "targets"> & {
    readonly inputs: number[];
    readonly targets: number[];
  };
  readonly initial: number[];
  readonly batches: number[][];
}

export interface ScenarioResult {
  readonly name: string;
  readonly losses: number[];
  /** sha256 (hex) of the final parameters' float64 bytes. */
  readonly paramsSha256: string;
}

export async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const problem: Problem = {
    ...scenario.problem,
    inputs: Float64Array.from(scenario.problem.inputs),
    targets: Float64Array.from(scenario.problem.targets)
  };
  const engine = createWasmEngine(problem, Float64Array.from(scenario.initial));
  const losses = scenario.batches.map((batch) => engine.step(batch, batch.length));
  const params = engine.getParams();
  engine.dispose();
  const digest = await crypto.subtle.digest("SHA-256", new Uint8Array(params.buffer as ArrayBuffer));
  const paramsSha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return {name: scenario.name, losses, paramsSha256};
}
