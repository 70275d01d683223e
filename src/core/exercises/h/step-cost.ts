/**
 * The wall-time model of exercise 1 (h). Loader output must be byte-identical
 * between builds, so wall time is not measured at build time; instead a run of
 * u updates over e examples is modelled as perUpdateMs · u + perExampleMs · e.
 * The constants were measured by `npx tsx bench/step-cost.ts` (one step of each
 * problem of (h) with the default engine, the WebAssembly step, one thread, Node,
 * CPU time, least squares over batch sizes 1–100) on the date below, on the 2-core
 * machine this report is built on.
 */
import type {OptimizerKind, ProblemKey, StepCost} from "./gd-sgd.js";

export const STEP_COST_MEASURED = {
  date: "2026-12-02",
  where:
    "the WebAssembly SIMD step (float32, the engine that trains the published runs), Node 20, " +
    "one thread of a 2-core AMD EPYC virtual machine, CPU time, load average 6–11 (other builds running)"
};

export const STEP_COST: Readonly<Record<ProblemKey, Readonly<Record<OptimizerKind, StepCost>>>> = {
  "frozen-decoder": {
    sgd: {perUpdateMs: 0.0073, perExampleMs: 0.0028},
    adam: {perUpdateMs: 0.00737, perExampleMs: 0.00175}
  },
  "whole-small": {
    sgd: {perUpdateMs: 0.000328, perExampleMs: 0.00031},
    adam: {perUpdateMs: 0.00132, perExampleMs: 0.000207}
  },
  "whole-big": {
    sgd: {perUpdateMs: 0.00367, perExampleMs: 0.00197},
    adam: {perUpdateMs: 0.0115, perExampleMs: 0.00207}
  }
};
