/**
 * Exercise 1 (g): start from a published, fully trained big autoencoder, freeze
 * every decoder parameter, redraw the encoder with PyTorch's initialisation from
 * a fresh seeded stream and retrain it with the sheet's settings. Compares the
 * encoder before, right after the redraw, after retraining and the best any
 * encoder could do for that decoder (reference.ts). The settings are in
 * config.ts, the training loop in train-through.ts, the measures in outcome.ts.
 *
 * The run goes through `TrainJob`, the same object the page's worker drives, so
 * a retrain in the page with the published settings reproduces it exactly.
 */
import {sheetData} from "../../autoencoder/snapshot.js";
import {decode, encode, reconstructionMse, sheetModel} from "../../autoencoder/models.js";
import {maxChange, rowSquaredErrors} from "./frozen-decoder.js";
import {median} from "../../stats.js";
import {layout} from "../../engine/mlp.js";
import {rows, sig, sigArray} from "../../format/round.js";
import {SHEET_SETUP} from "../../autoencoder/setup.js";
import type {Checkpoint} from "../../live/sliced-job.js";
import type {EncoderRetrainConfig} from "./config.js";
import {DEFAULT_ENCODER_RETRAIN, encoderRetrainJob} from "./config.js";
import type {Divergence} from "./train-through.js";
import {trainThrough} from "./train-through.js";
import type {FrozenReference, SearchInterval} from "./reference.js";
import {frozenReference} from "./reference.js";
import type {CodeOutcome} from "./outcome.js";
import {atBestFlags, codeOutcome, countAtBest, divergedOutcome} from "./outcome.js";

// The pieces of the experiment, for importers outside (f)–(h) that name them here.
export type {EncoderRetrainConfig} from "./config.js";
export {DEFAULT_ENCODER_RETRAIN, ENCODER_RETRAIN_FIELDS, encoderRetrainJob, reinitSeed} from "./config.js";
export type {Divergence} from "./train-through.js";
export {DIVERGED_MSE, runJob, trainThrough} from "./train-through.js";
export type {FrozenReference, SearchInterval} from "./reference.js";
export {frozenReference} from "./reference.js";
export type {CodeOutcome} from "./outcome.js";
export {atBestFlags, codeOutcome, codeTolerance, countAtBest, divergedOutcome} from "./outcome.js";

export interface CodeSet {
  readonly old: number[];
  readonly reinit: number[];
  readonly retrained: number[];
  readonly best: number[];
}

/** One run of the learning-rate sweep of (g): the outcome at each training length. */
export interface SweepRun {
  readonly seed: number;
  readonly learningRate: number;
  readonly outcomes: CodeOutcome[];
  readonly diverged: Divergence | null;
  /** Median over the points of the code's movement per update during the first epoch. */
  readonly firstEpochStep: number;
  /** Full-data MSE every `evalEvery` examples, to the end (or the divergence). */
  readonly checkpoints: Checkpoint[];
}

export interface EncoderRetrainRun {
  readonly seed: number;
  readonly reinitSeed: number;
  readonly mseBefore: number;
  readonly mseAfterReinit: number;
  readonly mseAfterRetrain: number;
  readonly optimalEncoderMse: number;
  readonly codes: CodeSet;
  /** Reconstructions D(z) of every point for each code set, [x1, x2] rows. */
  readonly recon: {
    readonly old: number[][];
    readonly reinit: number[][];
    readonly retrained: number[][];
    readonly best: number[][];
  };
  /** Points whose code is at its best code (within the tolerance), for the old and the retrained encoder. */
  readonly atBest: {readonly old: number; readonly retrained: number};
  /** The same per point, and the tolerance used (a fraction of the old codes' range). */
  readonly atBestFlags: {readonly old: boolean[]; readonly retrained: boolean[]};
  readonly tolerance: number;
  /** Points the retrained encoder reconstructs worse / better than the old one (by more than 1e-9 in squared distance). */
  readonly worse: number;
  readonly better: number;
  /** Local minima of ‖x_i − D(z)‖² along the search grid: median and largest over the points. */
  readonly localMinima: {readonly median: number; readonly max: number};
  /** Median spacing of a point's basins along the latent axis, and the old codes' range. */
  readonly basinSpacing: number;
  readonly codeRange: number;
  readonly search: SearchInterval;
  /** The decoder curve over the search interval. */
  readonly curve: {readonly z: number[]; readonly x: number[][]};
  readonly checkpoints: Checkpoint[];
  /** Largest change of any encoder / decoder parameter between the published and the retrained network. */
  readonly encoderChange: number;
  readonly decoderChange: number;
}
/**
 * Trains the fresh encoder of published seed `seed` at `lr` to the last of
 * `lengths` (epochs) and reads the outcome at each length, with `ref`'s best codes.
 */
export function retrainSweepRun(
  seed: number,
  weights: readonly number[],
  lr: number,
  lengths: readonly number[],
  ref: FrozenReference,
  config: EncoderRetrainConfig = DEFAULT_ENCODER_RETRAIN
): SweepRun {
  return sweepOf(seed, weights, {...config, lr}, lengths, ref).sweep;
}

/** One training of the (g) problem read at every length of `lengths`, plus its end parameters. */
function sweepOf(
  seed: number,
  weights: readonly number[],
  config: EncoderRetrainConfig,
  lengths: readonly number[],
  ref: FrozenReference
) {
  const spec = sheetModel("big");
  const data = sheetData(SHEET_SETUP);
  const n = SHEET_SETUP.n;
  const stops = [...new Set([1, ...lengths])].sort((a, b) => a - b);
  const job = {...encoderRetrainJob(seed, weights, config), epochs: stops[stops.length - 1]};
  const read = new Map<number, {params: Float64Array; codes: Float64Array}>();
  const run = trainThrough(job, stops, (epoch, params) =>
    read.set(epoch, {params, codes: encode(spec, params, data, n)})
  );
  const start = encode(spec, run.start, data, n);
  const first = read.get(1);
  const stepsPerEpoch = Math.floor(n / config.batchSize);
  const outcomes = lengths.map((epochs) => {
    const r = read.get(epochs);
    return r
      ? codeOutcome(epochs, r.codes, reconstructionMse(spec, r.params, data, n), ref, start)
      : divergedOutcome(epochs);
  });
  const sweep: SweepRun = {
    seed,
    learningRate: config.lr,
    outcomes,
    diverged: run.diverged,
    firstEpochStep: first
      ? sig(median(Array.from(first.codes, (z, i) => Math.abs(z - start[i]))) / stepsPerEpoch, 4)
      : NaN,
    checkpoints: run.checkpoints.map((c) => ({...c, mse: sig(c.mse, 6)}))
  };
  return {sweep, start: run.start, read, job};
}

/**
 * The experiment of exercise 1 (g) for one published seed, at the settings of
 * `config`. With `extendTo`, the same training continues to those longer lengths
 * (a run of Adam has no schedule, so its first `config.epochs` epochs are the
 * published run) and `sweep` reports every length.
 */
export function encoderRetrainStudyRun(
  seed: number,
  weights: readonly number[],
  config: EncoderRetrainConfig = DEFAULT_ENCODER_RETRAIN,
  extendTo: readonly number[] = [],
  reference?: FrozenReference
): {run: EncoderRetrainRun; sweep: SweepRun} {
  const spec = sheetModel("big");
  const data = sheetData(SHEET_SETUP);
  const n = SHEET_SETUP.n;
  const published = Float64Array.from(weights);
  const ref = reference ?? frozenReference(seed, weights, config);
  const lengths = [config.epochs, ...extendTo.filter((e) => e > config.epochs)];
  const {sweep, start, read, job} = sweepOf(seed, weights, config, lengths, ref);
  const at = read.get(config.epochs);
  if (!at)
    throw new Error(`seed ${seed}: the published settings diverged (${JSON.stringify(sweep.diverged)})`);
  const end = at.params;
  const endExamples = config.epochs * Math.floor(n / config.batchSize) * config.batchSize;
  const checkpoints = sweep.checkpoints.filter((c) => c.examples <= endExamples);

  const codes = {
    old: encode(spec, published, data, n),
    reinit: encode(spec, start, data, n),
    retrained: at.codes
  };
  // The decoder is frozen: every code set is decoded by the published decoder.
  const recon = {
    old: decode(spec, published, codes.old, n),
    reinit: decode(spec, published, codes.reinit, n),
    retrained: decode(spec, published, codes.retrained, n)
  };
  const {lo, hi} = ref.search;
  const bestRecon = decode(spec, published, ref.best, n);
  const errOld = rowSquaredErrors(data, recon.old, 2);
  const errNew = rowSquaredErrors(data, recon.retrained, 2);
  let worse = 0;
  let better = 0;
  for (let i = 0; i < n; ++i) {
    if (errNew[i] > errOld[i] + 1e-9) ++worse;
    if (errNew[i] < errOld[i] - 1e-9) ++better;
  }
  const tolerance = ref.tolerance;
  const curveZ = Array.from(
    {length: config.curvePoints},
    (_, k) => lo + ((hi - lo) * k) / (config.curvePoints - 1)
  );
  const firstDecoder = layout(spec)[spec.encoderLayers].w;
  const run: EncoderRetrainRun = {
    seed,
    reinitSeed: job.seed,
    mseBefore: ref.mseBefore,
    mseAfterReinit: sig(reconstructionMse(spec, start, data, n), 6),
    mseAfterRetrain: sig(reconstructionMse(spec, end, data, n), 6),
    optimalEncoderMse: ref.optimalEncoderMse,
    codes: {
      old: sigArray(codes.old, 6),
      reinit: sigArray(codes.reinit, 6),
      retrained: sigArray(codes.retrained, 6),
      best: sigArray(ref.best, 6)
    },
    recon: {
      old: rows(recon.old, 2, 5),
      reinit: rows(recon.reinit, 2, 5),
      retrained: rows(recon.retrained, 2, 5),
      best: rows(bestRecon, 2, 5)
    },
    atBest: {
      old: countAtBest(codes.old, ref.best, tolerance),
      retrained: countAtBest(codes.retrained, ref.best, tolerance)
    },
    atBestFlags: {
      old: atBestFlags(codes.old, ref.best, tolerance),
      retrained: atBestFlags(codes.retrained, ref.best, tolerance)
    },
    tolerance: sig(tolerance, 6),
    worse,
    better,
    localMinima: {median: median(ref.localMinima), max: Math.max(...ref.localMinima)},
    basinSpacing: ref.basinSpacing,
    codeRange: ref.codeRange,
    search: {...ref.search, lo: sig(lo, 6), hi: sig(hi, 6)},
    curve: {z: sigArray(curveZ, 5), x: rows(decode(spec, published, curveZ, curveZ.length), 2, 5)},
    checkpoints,
    encoderChange: sig(maxChange(published, end, 0, firstDecoder), 4),
    decoderChange: maxChange(published, end, firstDecoder)
  };
  return {run, sweep};
}

/** The experiment of exercise 1 (g) for one published seed. */
export function encoderRetrainRun(
  seed: number,
  weights: readonly number[],
  config: EncoderRetrainConfig = DEFAULT_ENCODER_RETRAIN
): EncoderRetrainRun {
  return encoderRetrainStudyRun(seed, weights, config).run;
}
