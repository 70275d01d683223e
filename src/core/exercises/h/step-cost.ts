/**
 * The wall-time model of exercise 1 (h). Loader output must be byte-identical
 * between builds, so wall time is not measured at build time; instead a run of
 * u updates over e examples is modelled as perUpdateMs · u + perExampleMs · e.
 * The constants were measured by `npx tsx bench/step-cost.ts` (one step of each
 * problem of (h), one thread, Node, CPU time, least squares over batch sizes
 * 1–100) on the date below, on the 2-core machine this report is built on.
 */
import type {OptimizerKind, ProblemKey, StepCost} from "./gd-sgd.js";

export const STEP_COST_MEASURED = {
  date: "2026-12-01",
  where: "Node 20, one thread of a 2-core AMD EPYC virtual machine, CPU time, load average 4.4–5.4 (other builds running)"
};

export const STEP_COST: Readonly<Record<ProblemKey, Readonly<Record<OptimizerKind, StepCost>>>> = {
  "frozen-decoder": {sgd: {perUpdateMs: 0.0226, perExampleMs: 0.0208}, adam: {perUpdateMs: 0.0476, perExampleMs: 0.0206}},
  "whole-small": {sgd: {perUpdateMs: 0.00256, perExampleMs: 0.00154}, adam: {perUpdateMs: 0.00221, perExampleMs: 0.00184}},
  "whole-big": {sgd: {perUpdateMs: 0.0585, perExampleMs: 0.0224}, adam: {perUpdateMs: 0.0514, perExampleMs: 0.0268}}
};
