/**
 * What the figures of exercise 1 (h) draw: per optimiser, one series per batch
 * size, each a set of runs (every seed of the published sweep at a chosen
 * learning rate, or the page's run), on the chosen x axis. After a run in the
 * page, the published curves stay underneath, faint. Wall time comes from the
 * stated cost model, for published and page runs alike.
 */
import type {
  CurveAxis,
  GdSgdCurve,
  OptimizerKind,
  ProblemKey,
  StepCost
} from "../../core/exercises/h/gd-sgd.js";
import {PROBLEM_TITLES as CORE_PROBLEM_TITLES} from "../../core/exercises/h/gd-sgd.js";
import {xOf} from "../../core/exercises/h/verdicts.js";
import type {CurveLike} from "../../core/exercises/h/verdicts.js";
import {rate} from "../../core/format/words.js";
import type {CurveSeries} from "../figures/curves.js";
import type {SweepSeries} from "../figures/lr-sweep.js";
import type {TrainingState} from "./trainer.js";

export type {CurveLike} from "../../core/exercises/h/verdicts.js";

export const AXIS_LABELS: Record<CurveAxis, string> = {
  examples: "training examples seen",
  updates: "parameter updates",
  time: "modelled wall time (s)"
};

export const OPTIMIZER_TITLES: Record<OptimizerKind, string> = {sgd: "plain SGD", adam: "Adam"};

export const PROBLEM_TITLES = CORE_PROBLEM_TITLES as Readonly<Record<ProblemKey, string>>;

export const PROBLEM_SHORT: Record<ProblemKey, string> = {
  "frozen-decoder": "frozen decoder",
  "whole-small": "whole, small",
  "whole-big": "whole, big"
};

export function seriesLabel(batchSize: number, fullBatch: number): string {
  return batchSize === fullBatch ? `full batch (${batchSize})` : `mini-batch ${batchSize}`;
}

/** The series of one optimiser's panel, full batch first: `rates` gives each batch size's learning rate. */
export function panelSeries(
  curves: readonly CurveLike[],
  optimizer: OptimizerKind,
  axis: CurveAxis,
  cost: StepCost,
  fullBatch: number,
  rates: Readonly<Record<number, number | undefined>>,
  options: {readonly highlightSeed?: number; readonly faint?: boolean; readonly prefix?: string} = {}
): CurveSeries[] {
  const mine = curves.filter((c) => c.optimizer === optimizer);
  const sizes = [...new Set(mine.map((c) => c.batchSize))].sort((a, b) => b - a);
  return sizes.flatMap((b) => {
    const runs = mine.filter(
      (c) => c.batchSize === b && (rates[b] === undefined || c.learningRate === rates[b])
    );
    if (runs.length === 0) return [];
    return [
      {
        label: `${options.prefix ?? ""}${seriesLabel(b, fullBatch)}, learning rate ${rate(runs[0].learningRate)}`,
        faint: options.faint,
        runs: runs.map((c) => ({
          x: c.checkpoints.map((k) => xOf(k, axis, cost)),
          y: c.checkpoints.map((k) => k.mse),
          highlight: c.seed === options.highlightSeed
        }))
      }
    ];
  });
}

/** The sweep of one problem and optimiser as figure series: one per batch size, values per seed (null: diverged). */
export function sweepSeries(
  curves: readonly GdSgdCurve[],
  problem: ProblemKey,
  optimizer: OptimizerKind,
  fullBatch: number
): SweepSeries[] {
  const mine = curves.filter((c) => c.problem === problem && c.optimizer === optimizer);
  const sizes = [...new Set(mine.map((c) => c.batchSize))].sort((a, b) => b - a);
  return sizes.map((b) => {
    const side = mine.filter((c) => c.batchSize === b);
    const lrs = [...new Set(side.map((c) => c.learningRate))].sort((x, y) => x - y);
    return {
      label: seriesLabel(b, fullBatch),
      points: lrs.map((lr) => ({
        lr,
        values: side
          .filter((c) => c.learningRate === lr)
          .sort((x, y) => x.seed - y.seed)
          .map((c) => c.finalMse)
      }))
    };
  });
}

/** The sweep's learning rate nearest to `lr` (on a log scale). */
export function nearestRate(rates: readonly number[], lr: number): number {
  let best = rates[0];
  for (const r of rates) if (Math.abs(Math.log(r / lr)) < Math.abs(Math.log(best / lr))) best = r;
  return best;
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
      checkpoints: j.checkpoints,
      diverged: j.phase === "diverged" ? true : undefined
    }));
}
