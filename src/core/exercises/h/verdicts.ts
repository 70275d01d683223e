/**
 * The numbers exercise 1 (h) argues from: each method's best learning rate,
 * and which side (full batch or mini-batches) is ahead per example, per update
 * and per second of modelled time. Diverged runs count as the worst possible
 * result (+∞), never as missing.
 */
import type {CurveAxis, OptimizerKind, ProblemKey, StepCost} from "./gd-sgd.js";
import {modelledMs} from "./gd-sgd.js";
import type {Checkpoint} from "../../live/sliced-job.js";

/** What these functions need of a learning curve. */
export interface CurveLike {
  readonly problem?: ProblemKey;
  readonly seed: number;
  readonly optimizer: OptimizerKind;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly finalMse?: number | null;
  readonly diverged?: unknown;
  readonly checkpoints: readonly Checkpoint[];
}

/** Two medians closer than this (relative to the larger) are called even. */
export const EVEN_WITHIN = 0.05;

/** The median of values where null or NaN (a diverged run) counts as +∞. */
export function medianWithDiverged(values: readonly (number | null | undefined)[]): number {
  const v = values
    .map((x) => (x === null || x === undefined || Number.isNaN(x) ? Infinity : x))
    .sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

export interface LrPoint {
  readonly learningRate: number;
  readonly seeds: number[];
  readonly finalMse: (number | null)[];
  /** Median over seeds (+∞ if half or more diverged). */
  readonly median: number;
  readonly diverged: number;
}

/** One method's sweep: per learning rate, the final MSE of every seed, ascending in learning rate. */
export function lrSweep(curves: readonly CurveLike[]): LrPoint[] {
  const lrs = [...new Set(curves.map((c) => c.learningRate))].sort((a, b) => a - b);
  return lrs.map((lr) => {
    const at = curves.filter((c) => c.learningRate === lr).sort((a, b) => a.seed - b.seed);
    const finalMse = at.map((c) => (c.diverged ? null : finalOf(c)));
    return {
      learningRate: lr,
      seeds: at.map((c) => c.seed),
      finalMse,
      median: medianWithDiverged(finalMse),
      diverged: finalMse.filter((x) => x === null).length
    };
  });
}

function finalOf(c: CurveLike): number | null {
  if (c.finalMse !== undefined) return c.finalMse;
  const last = c.checkpoints[c.checkpoints.length - 1];
  return last && Number.isFinite(last.mse) ? last.mse : null;
}

/** The learning rate with the lowest median final MSE (the smaller one on a tie); undefined if every rate diverged. */
export function bestLearningRate(points: readonly LrPoint[]): number | undefined {
  let best: LrPoint | undefined;
  for (const p of points) if (Number.isFinite(p.median) && (!best || p.median < best.median)) best = p;
  return best?.learningRate;
}

/** Whether the best rate lies at an end of the sweep (the optimum may lie beyond it). */
export function atEdge(points: readonly LrPoint[], lr: number | undefined): boolean {
  return (
    lr !== undefined && (lr === points[0]?.learningRate || lr === points[points.length - 1]?.learningRate)
  );
}

/** A checkpoint's position on an axis; wall time from the cost model, in seconds. */
export function xOf(c: Checkpoint, axis: CurveAxis, cost: StepCost): number {
  if (axis === "examples") return c.examples;
  if (axis === "updates") return c.updates;
  return modelledMs(cost, c.updates, c.examples) / 1000;
}

/**
 * The full-data MSE of a curve at position `x` of `axis`, interpolated
 * geometrically between the checkpoints around it; +∞ if the run diverged
 * before `x`, undefined if `x` lies beyond the end of a finished run.
 */
export function mseAt(curve: CurveLike, axis: CurveAxis, x: number, cost: StepCost): number | undefined {
  const cps = curve.checkpoints;
  const xs = cps.map((c) => xOf(c, axis, cost));
  const last = xs[xs.length - 1];
  if (x > last * (1 + 1e-12)) return curve.diverged ? Infinity : undefined;
  const k = xs.findIndex((v) => v >= x * (1 - 1e-12));
  if (k <= 0 || xs[k] <= x * (1 + 1e-12)) return cps[Math.max(0, k)].mse;
  const t = (x - xs[k - 1]) / (xs[k] - xs[k - 1]);
  const [a, b] = [cps[k - 1].mse, cps[k].mse];
  return a > 0 && b > 0 ? Math.exp((1 - t) * Math.log(a) + t * Math.log(b)) : a + t * (b - a);
}

/** The end of a curve on an axis. */
export function endOf(curve: CurveLike, axis: CurveAxis, cost: StepCost): number {
  return xOf(curve.checkpoints[curve.checkpoints.length - 1], axis, cost);
}

export type Side = "full" | "mini";

export interface Duel {
  readonly axis: CurveAxis;
  /** Where both sides are compared: the shorter side's end on this axis. */
  readonly at: number;
  /** Medians over seeds at `at` (+∞: diverged). */
  readonly full: number;
  readonly mini: number;
  readonly winner: Side | "even";
}

function winnerOf(full: number, mini: number): Side | "even" {
  if (!Number.isFinite(full) && !Number.isFinite(mini)) return "even";
  if (Math.abs(full - mini) <= EVEN_WITHIN * Math.max(full, mini)) return "even";
  return full < mini ? "full" : "mini";
}

/** Full batch against mini-batches on one axis, compared where the shorter side (in seed medians) ends. */
export function duel(
  full: readonly CurveLike[],
  mini: readonly CurveLike[],
  axis: CurveAxis,
  cost: StepCost
): Duel {
  const finished = (cs: readonly CurveLike[]) => cs.filter((c) => !c.diverged);
  const ends = [...finished(full), ...finished(mini)].map((c) => endOf(c, axis, cost));
  const fallback = [...full, ...mini].map((c) => endOf(c, axis, cost));
  const at = Math.min(...(ends.length ? ends : fallback));
  const med = (cs: readonly CurveLike[]) =>
    medianWithDiverged(cs.map((c) => mseAt(c, axis, at, cost) ?? null));
  const [f, m] = [med(full), med(mini)];
  return {axis, at, full: f, mini: m, winner: winnerOf(f, m)};
}

export interface Comparison {
  readonly full: {readonly learningRate: number; readonly curves: readonly CurveLike[]};
  readonly mini: {readonly learningRate: number; readonly curves: readonly CurveLike[]};
  readonly perExample: Duel;
  readonly perUpdate: Duel;
  readonly perSecond: Duel;
}

export function compare(full: readonly CurveLike[], mini: readonly CurveLike[], cost: StepCost): Comparison {
  return {
    full: {learningRate: full[0]?.learningRate ?? NaN, curves: full},
    mini: {learningRate: mini[0]?.learningRate ?? NaN, curves: mini},
    perExample: duel(full, mini, "examples", cost),
    perUpdate: duel(full, mini, "updates", cost),
    perSecond: duel(full, mini, "time", cost)
  };
}

export interface MethodTuning {
  readonly batchSize: number;
  readonly sweep: LrPoint[];
  readonly bestLearningRate: number | undefined;
  readonly bestAtEdge: boolean;
}

/** One problem and optimiser: both sides' sweeps, and the comparison at each side's best rate and at the shared rate. */
export interface OptimizerVerdict {
  readonly problem: ProblemKey;
  readonly optimizer: OptimizerKind;
  readonly sharedLr: number;
  readonly full: MethodTuning;
  readonly mini: MethodTuning;
  readonly tuned: Comparison | undefined;
  readonly shared: Comparison;
  /** The per-example winner differs between the shared and the tuned comparison. */
  readonly tuningChangesWinner: boolean | undefined;
}

export function optimizerVerdict(
  curves: readonly CurveLike[],
  problem: ProblemKey,
  optimizer: OptimizerKind,
  sizes: {readonly fullBatch: number; readonly miniBatch: number},
  sharedLr: number,
  cost: StepCost
): OptimizerVerdict {
  const mine = curves.filter(
    (c) => (c.problem === undefined || c.problem === problem) && c.optimizer === optimizer
  );
  const side = (batchSize: number): MethodTuning => {
    const sweep = lrSweep(mine.filter((c) => c.batchSize === batchSize));
    const best = bestLearningRate(sweep);
    return {batchSize, sweep, bestLearningRate: best, bestAtEdge: atEdge(sweep, best)};
  };
  const full = side(sizes.fullBatch);
  const mini = side(sizes.miniBatch);
  const at = (batchSize: number, lr: number | undefined) =>
    mine.filter((c) => c.batchSize === batchSize && c.learningRate === lr);
  const tuned =
    full.bestLearningRate !== undefined && mini.bestLearningRate !== undefined
      ? compare(at(sizes.fullBatch, full.bestLearningRate), at(sizes.miniBatch, mini.bestLearningRate), cost)
      : undefined;
  const shared = compare(at(sizes.fullBatch, sharedLr), at(sizes.miniBatch, sharedLr), cost);
  return {
    problem,
    optimizer,
    sharedLr,
    full,
    mini,
    tuned,
    shared,
    tuningChangesWinner: tuned ? tuned.perExample.winner !== shared.perExample.winner : undefined
  };
}

export type Measure = "perExample" | "perUpdate" | "perSecond";

/** How often each side is ahead on one measure, over the tuned comparisons of the given problems. */
export function tally(
  verdicts: readonly OptimizerVerdict[],
  problems: readonly ProblemKey[],
  measure: Measure,
  which: "tuned" | "shared" = "tuned"
): {mini: number; full: number; even: number; of: number} {
  const vs = verdicts
    .filter((v) => problems.includes(v.problem))
    .map((v) => v[which])
    .filter((c): c is Comparison => c !== undefined);
  const by = (w: Side | "even") => vs.filter((c) => c[measure].winner === w).length;
  return {mini: by("mini"), full: by("full"), even: by("even"), of: vs.length};
}
