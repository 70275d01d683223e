/**
 * Exercise 1 (g) over learning rates: the fresh encoder retrained under each
 * published frozen decoder with Adam at a log-spaced sweep of learning rates,
 * read at several training lengths off one run each (Adam has no schedule, so
 * the first 1000 epochs of a longer run are the 1000-epoch run). The published
 * learning rate's runs are the published (g) runs, continued.
 *
 * The sizes are named here; they are what fits the build's time budget with
 * the WebAssembly step (see the README, "What the loaders cost").
 */
import type {SweepRun} from "./encoder-retrain.js";
import {DEFAULT_ENCODER_RETRAIN} from "./config.js";
import type {CodeOutcome} from "./outcome.js";
import type {FrozenReference} from "./reference.js";
import {SEEDS} from "../../autoencoder/setup.js";
import type {Checkpoint} from "../../live/sliced-job.js";

export interface RetrainSweepPlan {
  /** Adam learning rates, ascending; the published one (the sheet's) among them. */
  readonly learningRates: readonly number[];
  /** Training lengths in epochs, ascending; the first is the published runs'. */
  readonly lengths: readonly number[];
  /** Published seeds trained to the longest length at the learning rates within `central`. */
  readonly seeds: readonly number[];
  readonly central: readonly [number, number];
  /** Fewer seeds at the learning rates outside `central`. */
  readonly edgeSeeds: readonly number[];
  /** Full-data MSE of the sweep's own runs every this many examples (the published runs keep theirs). */
  readonly evalEvery: number;
  /** Checkpoints kept in the output: every this many examples. */
  readonly curveEvery: number;
}

export const RETRAIN_SWEEP: RetrainSweepPlan = {
  learningRates: [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2],
  lengths: [DEFAULT_ENCODER_RETRAIN.epochs, 2000],
  seeds: [0, 1, 2, 3, 4, 5, 6, 7],
  central: [1e-3, 1e-2],
  edgeSeeds: [0, 1],
  evalEvery: 2400,
  curveEvery: 4800
};

/** The seeds trained at `lr` (beyond the published runs, which cover every seed at the first length). */
export function sweepSeeds(plan: RetrainSweepPlan, lr: number): readonly number[] {
  return lr >= plan.central[0] && lr <= plan.central[1] ? plan.seeds : plan.edgeSeeds;
}

/** Every (seed, learning rate) the sweep trains besides the published runs, longest first. */
export function sweepTasks(plan: RetrainSweepPlan, publishedLr: number): {seed: number; lr: number}[] {
  return plan.learningRates
    .filter((lr) => lr !== publishedLr)
    .flatMap((lr) => sweepSeeds(plan, lr).map((seed) => ({seed, lr})));
}

/** The lengths a published seed's run continues to (none if the seed is not in the sweep at the published rate). */
export function extensionOf(plan: RetrainSweepPlan, seed: number, publishedLr: number): readonly number[] {
  return sweepSeeds(plan, publishedLr).includes(seed) ? plan.lengths.slice(1) : [];
}

/** What a frozen decoder fixes, per published seed, as the sweep's page needs it. */
export interface SweepReference {
  readonly seed: number;
  readonly mseBefore: number;
  readonly mseAfterReinit: number;
  readonly optimalEncoderMse: number;
  readonly basinSpacing: number;
  readonly codeRange: number;
}

export interface RetrainSweep {
  readonly plan: RetrainSweepPlan;
  readonly publishedLr: number;
  readonly batchSize: number;
  readonly seeds: number[];
  readonly references: SweepReference[];
  /** Ordered by learning rate, then seed; learning curves thinned to every `plan.curveEvery` examples. */
  readonly runs: SweepRun[];
}

/** Keeps every `every`-th example's checkpoint, and the last. */
export function thinCheckpoints(checkpoints: readonly Checkpoint[], every: number): Checkpoint[] {
  return checkpoints.filter((c, k) => c.examples % every === 0 || k === checkpoints.length - 1);
}

export function assembleSweep(
  plan: RetrainSweepPlan,
  publishedLr: number,
  references: readonly (FrozenReference & {mseAfterReinit: number})[],
  runs: readonly SweepRun[]
): RetrainSweep {
  const sorted = [...runs].sort((a, b) => a.learningRate - b.learningRate || a.seed - b.seed);
  return {
    plan,
    publishedLr,
    batchSize: DEFAULT_ENCODER_RETRAIN.batchSize,
    seeds: references.map((r) => r.seed),
    references: references.map((r) => ({
      seed: r.seed,
      mseBefore: r.mseBefore,
      mseAfterReinit: r.mseAfterReinit,
      optimalEncoderMse: r.optimalEncoderMse,
      basinSpacing: r.basinSpacing,
      codeRange: r.codeRange
    })),
    runs: sorted.map((r) => ({...r, checkpoints: thinCheckpoints(r.checkpoints, plan.curveEvery)}))
  };
}

/** One entry of the summary's `ex1.retrainSweep`: a learning rate and a length, per seed (null: diverged). */
export interface RetrainSweepEntry {
  readonly learningRate: number;
  readonly epochs: number;
  readonly seeds: number[];
  readonly finalMse: (number | null)[];
  readonly fractionAtBestCode: (number | null)[];
  readonly gapToBest: (number | null)[];
}

/** The sweep grouped by (learning rate, length), seeds ascending. */
export function sweepEntries(sweep: Pick<RetrainSweep, "runs" | "plan">): RetrainSweepEntry[] {
  const entries: RetrainSweepEntry[] = [];
  for (const lr of sweep.plan.learningRates) {
    for (const epochs of sweep.plan.lengths) {
      const at = sweep.runs
        .filter((r) => r.learningRate === lr)
        .map((r) => ({seed: r.seed, o: r.outcomes.find((o) => o.epochs === epochs)}))
        .filter((x): x is {seed: number; o: CodeOutcome} => x.o !== undefined)
        .sort((a, b) => a.seed - b.seed);
      if (at.length === 0) continue;
      entries.push({
        learningRate: lr,
        epochs,
        seeds: at.map((x) => x.seed),
        finalMse: at.map((x) => x.o.mse),
        fractionAtBestCode: at.map((x) => x.o.fractionAtBestCode),
        gapToBest: at.map((x) => x.o.gap)
      });
    }
  }
  return entries;
}

/** Training examples of `epochs` epochs of the (g) problem (batch size `batchSize`, last batch dropped, n points). */
export function examplesOf(epochs: number, batchSize: number, n = 100): number {
  return epochs * Math.floor(n / batchSize) * batchSize;
}

/** Every seed the plan names exists among the published seeds. */
export function checkPlan(plan: RetrainSweepPlan, publishedLr: number): void {
  const bad = [...plan.seeds, ...plan.edgeSeeds].filter((s) => !SEEDS.includes(s));
  if (!plan.edgeSeeds.every((s) => plan.seeds.includes(s)))
    throw new RangeError("the edge seeds must be among the central seeds");
  if (bad.length) throw new RangeError(`seeds ${bad.join(", ")} are not published seeds`);
  if (!plan.learningRates.includes(publishedLr))
    throw new RangeError(`the sweep must include the published learning rate ${publishedLr}`);
  if (plan.lengths[0] !== DEFAULT_ENCODER_RETRAIN.epochs)
    throw new RangeError(`the first length must be the published ${DEFAULT_ENCODER_RETRAIN.epochs} epochs`);
  if (plan.curveEvery % plan.evalEvery !== 0 || plan.evalEvery % DEFAULT_ENCODER_RETRAIN.evalEvery !== 0) {
    throw new RangeError(
      "curveEvery must be a multiple of evalEvery, and evalEvery of the published runs' evalEvery"
    );
  }
}
