/**
 * The wall-time model of exercise 1 (h). Loader output must be byte-identical
 * between builds, so wall time is not measured at build time; instead a run of
 * u updates over e examples is modelled as perUpdateMs · u + perExampleMs · e.
 * The constants were measured by `npx tsx bench/step-cost.ts` (the frozen-decoder
 * step of the big autoencoder, one thread, Node, least squares over batch sizes
 * 1–100) on the date below, on the 2-core machine this report is built on.
 */
import type {StepCost} from "./gd-sgd.js";
import type {OptimizerKind} from "./gd-sgd.js";

export const STEP_COST_MEASURED = {
  date: "2026-11-27",
  where: "Node 20, one thread of a 2-core Intel Xeon virtual machine, load average 3.4 (other builds running)"
};

export const STEP_COST: Readonly<Record<OptimizerKind, StepCost>> = {
  sgd: {perUpdateMs: 0.0253, perExampleMs: 0.025},
  adam: {perUpdateMs: 0.0476, perExampleMs: 0.0249}
};
