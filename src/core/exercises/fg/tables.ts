/**
 * The rows of the (f)–(g) page's tables, figure series and data files: the
 * published runs seed by seed (a reader's run first), the sweep per learning
 * rate and length, and the sweep's series and reference lines for its figures.
 */
import {median} from "../../stats.js";
import {rate} from "../../format/words.js";
import type {CodeOutcome} from "./outcome.js";
import type {EncoderRetrainRun} from "./encoder-retrain.js";
import type {RetrainBySeed} from "./facts.js";
import type {RetrainSweep, RetrainSweepEntry} from "./sweep.js";
import {stepScales, sweepCells} from "./verdicts.js";

type Rows = readonly (readonly number[])[];

/** A reader's run as the tables need it: its seed's published run and its outcome. */
export interface ReaderRun {
  readonly seed: number;
  readonly run: EncoderRetrainRun;
  readonly outcome?: CodeOutcome;
}

/** One row per published seed (a reader's run first): the losses, the codes at their best, the local minima. */
export function seedRows(runs: readonly EncoderRetrainRun[], mine?: ReaderRun) {
  const row = (
    label: string,
    r: EncoderRetrainRun,
    outcome: {mse: number | null; atBest: number | null}
  ) => ({
    run: label,
    old: r.mseBefore,
    redrawn: r.mseAfterReinit,
    retrained: outcome.mse,
    best: r.optimalEncoderMse,
    "old at best": r.atBest.old,
    "retrained at best": outcome.atBest,
    minima: r.localMinima.median,
    "÷ best": Number(outcome.mse) / r.optimalEncoderMse
  });
  const yours = mine?.outcome ? [row(`your run, seed ${mine.seed}`, mine.run, mine.outcome)] : [];
  return [
    ...yours,
    ...runs.map((r) => row(`seed ${r.seed}`, r, {mse: r.mseAfterRetrain, atBest: r.atBest.retrained}))
  ];
}

/** One row per learning rate and length of the sweep; "codes travelled" in basin spacings at the first length. */
export function sweepRows(sweep: RetrainSweep) {
  const scales = stepScales(sweep);
  const shortLength = sweep.plan.lengths[0];
  return sweepCells(sweep).map((c) => ({
    "learning rate": rate(c.learningRate),
    epochs: c.epochs,
    seeds: c.seeds.join(", "),
    "median MSE": c.medianMse,
    "below old loss": `${c.belowOld} of ${c.outcomes.length}`,
    "at best code (median)": c.medianFraction,
    "codes travelled":
      c.epochs === shortLength
        ? scales.scales.find((s) => s.learningRate === c.learningRate)?.basinsTravelled
        : undefined
  }));
}

/** One series per training length of a per-seed value of the sweep against the learning rate. */
export function sweepSeries(
  entries: readonly RetrainSweepEntry[],
  lengths: readonly number[],
  key: "finalMse" | "fractionAtBestCode"
) {
  return lengths.map((epochs) => ({
    label: `after ${epochs} epochs`,
    points: entries.filter((e) => e.epochs === epochs).map((e) => ({lr: e.learningRate, values: e[key]}))
  }));
}

/** The dashed references of the sweep's figures: medians over the seeds of the old and the best possible encoder. */
export function sweepReferences(sweep: RetrainSweep, runs: readonly EncoderRetrainRun[], n: number) {
  return {
    oldMse: median(sweep.references.map((r) => r.mseBefore)),
    bestMse: median(sweep.references.map((r) => r.optimalEncoderMse)),
    oldFraction: median(runs.map((r) => r.atBest.old)) / n
  };
}

/** The data file of the published losses: one row per seed. */
export function bySeedFileRows(seeds: readonly number[], bySeed: RetrainBySeed) {
  return seeds.map((seed, k) => ({
    seed,
    ...Object.fromEntries(Object.entries(bySeed).map(([key, values]) => [key, values[k]]))
  }));
}

/** The data file of the sweep: one row per learning rate, length and seed. */
export function sweepFileRows(entries: readonly RetrainSweepEntry[]) {
  return entries.flatMap((e) =>
    e.seeds.map((seed, k) => ({
      learningRate: e.learningRate,
      epochs: e.epochs,
      seed,
      finalMse: e.finalMse[k],
      fractionAtBestCode: e.fractionAtBestCode[k],
      gapToBest: e.gapToBest[k]
    }))
  );
}

/** A reader's run's codes, one row per point, beside the old and the best codes. */
export function codeFileRows(
  run: {
    readonly codes: {
      readonly old: readonly number[];
      readonly retrained: readonly number[];
      readonly best: readonly number[];
    };
    readonly atBest: readonly boolean[];
  },
  data: Rows
) {
  return run.codes.retrained.map((z, i) => ({
    point: i,
    x1: data[i][0],
    x2: data[i][1],
    code: z,
    oldCode: run.codes.old[i],
    bestCode: run.codes.best[i],
    atBestCode: run.atBest[i]
  }));
}
