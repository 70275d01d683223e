/**
 * What the figures of exercise 1 (h) draw: per optimiser, one series per batch
 * size, each a set of runs (every seed when published, the page's run when
 * retrained here), on the chosen x axis. Wall time comes from the stated cost
 * model, for published and page runs alike.
 */
import type {CurveAxis, GdSgdCurve, OptimizerKind, StepCost} from "../core/gd-sgd.js";
import {modelledMs} from "../core/gd-sgd.js";
import type {Checkpoint} from "../core/train-job.js";
import type {CurveSeries} from "./curves-figure.js";
import type {TrainingState} from "./trainer.js";

export interface CurveLike {
  readonly seed: number;
  readonly optimizer: OptimizerKind;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly checkpoints: readonly Checkpoint[];
}

export const AXIS_LABELS: Record<CurveAxis, string> = {
  examples: "training examples seen",
  updates: "parameter updates",
  time: "modelled wall time (s)"
};

export const OPTIMIZER_TITLES: Record<OptimizerKind, string> = {sgd: "plain SGD", adam: "Adam"};

export function xOf(c: Checkpoint, axis: CurveAxis, cost: StepCost): number {
  if (axis === "examples") return c.examples;
  if (axis === "updates") return c.updates;
  return modelledMs(cost, c.updates, c.examples) / 1000;
}

export function seriesLabel(batchSize: number, fullBatch: number): string {
  return batchSize === fullBatch ? `full batch (${batchSize})` : `mini-batch ${batchSize}`;
}

/** The series of one optimiser's panel: full batch first, then the mini-batch. */
export function panelSeries(
  curves: readonly CurveLike[],
  optimizer: OptimizerKind,
  axis: CurveAxis,
  cost: StepCost,
  fullBatch: number,
  highlightSeed?: number
): CurveSeries[] {
  const mine = curves.filter((c) => c.optimizer === optimizer);
  const sizes = [...new Set(mine.map((c) => c.batchSize))].sort((a, b) => b - a);
  return sizes.map((b) => ({
    label: seriesLabel(b, fullBatch),
    runs: mine
      .filter((c) => c.batchSize === b)
      .map((c) => ({
        x: c.checkpoints.map((k) => xOf(k, axis, cost)),
        y: c.checkpoints.map((k) => k.mse),
        highlight: c.seed === highlightSeed
      }))
  }));
}

/** The page's runs as curves (those with at least one checkpoint). */
export function liveCurves(state: TrainingState): CurveLike[] {
  return state.jobs
    .filter((j) => j.checkpoints.length > 0)
    .map((j) => ({
      seed: j.job.seed,
      optimizer: j.job.optimizer,
      batchSize: j.job.batchSize,
      learningRate: j.job.lr,
      checkpoints: j.checkpoints
    }));
}

/** The last checkpoint at or before `updates` updates (for comparisons at equal updates). */
export function atUpdates(curve: Pick<GdSgdCurve, "checkpoints">, updates: number): Checkpoint | undefined {
  let found: Checkpoint | undefined;
  for (const c of curve.checkpoints) if (c.updates <= updates) found = c;
  return found;
}

/** The last checkpoint at or before `examples` examples. */
export function atExamples(curve: Pick<GdSgdCurve, "checkpoints">, examples: number): Checkpoint | undefined {
  let found: Checkpoint | undefined;
  for (const c of curve.checkpoints) if (c.examples <= examples) found = c;
  return found;
}
