/**
 * Exercise 1 (g): start from a published, fully trained big autoencoder, freeze
 * every decoder parameter, redraw the encoder with PyTorch's initialisation from
 * a fresh seeded stream and retrain it with the sheet's settings. Compares the
 * encoder before, right after the redraw, after retraining and the best any
 * encoder could do for that decoder (frozen-decoder.ts).
 *
 * The run goes through `TrainJob`, the same object the page's worker drives, so
 * a retrain in the page with the published settings reproduces it exactly.
 */
import {sheetData} from "../../autoencoder/snapshot.js";
import {SHEET_HIDDEN, decode, encode, reconstructionMse, sheetModel} from "../../autoencoder/models.js";
import type {Field} from "../../settings/fields.js";
import {bestCodes, maxChange, meanOverCoordinates, rowSquaredErrors, widenedRange} from "./frozen-decoder.js";
import {median} from "../../stats.js";
import type {InitScheme} from "../../engine/mlp.js";
import {layout} from "../../engine/mlp.js";
import type {RetrainJob} from "../../settings/retrain.js";
import {rows, sig, sigArray} from "../../format/round.js";
import {SEEDS, SHEET_SETUP} from "../../autoencoder/setup.js";
import type {Checkpoint} from "../../live/sliced-job.js";
import {TrainJob} from "../../live/sliced-job.js";
import {stepsPerEpoch} from "../../engine/train.js";

export interface EncoderRetrainConfig {
  readonly epochs: number;
  readonly batchSize: number;
  /** Adam's learning rate. */
  readonly lr: number;
  readonly init: InitScheme;
  /** Which fresh draw of the encoder (see `reinitSeed`). */
  readonly draw: number;
  /** Full-data MSE every this many training examples. */
  readonly evalEvery: number;
  /** Grid values of the search for the best codes, over the old codes' range widened `searchWiden` times on each side. */
  readonly searchCount: number;
  readonly searchWiden: number;
  /** Samples of the decoder curve emitted for the figures (over the search interval). */
  readonly curvePoints: number;
  /** A code "is at" the best code when within this fraction of the old codes' range. */
  readonly codeTolerance: number;
}

export const DEFAULT_ENCODER_RETRAIN: EncoderRetrainConfig = {
  epochs: SHEET_SETUP.epochs,
  batchSize: SHEET_SETUP.batchSize,
  lr: SHEET_SETUP.lr,
  init: SHEET_SETUP.init,
  draw: 0,
  evalEvery: 480,
  searchCount: 20001,
  searchWiden: 2,
  curvePoints: 801,
  codeTolerance: 0.01
};

/**
 * The seed of the stream that redraws the encoder of published seed `seed`:
 * 1000·(draw + 1) + seed, never one of the streams (0–7) the published models
 * were drawn from. The same stream then shuffles the batches.
 */
export function reinitSeed(seed: number, draw = 0): number {
  return 1000 * (draw + 1) + seed;
}

/** What the page's retraining controls set. */
export const ENCODER_RETRAIN_FIELDS: readonly Field[] = [
  {
    key: "seed",
    label: "published seed",
    kind: "int",
    min: SEEDS[0],
    max: SEEDS[SEEDS.length - 1],
    value: SEEDS[0]
  },
  {
    key: "draw",
    label: "fresh encoder draw",
    kind: "int",
    min: 0,
    max: 99,
    value: DEFAULT_ENCODER_RETRAIN.draw
  },
  {
    key: "lr",
    label: "learning rate (Adam)",
    kind: "number",
    min: 1e-5,
    max: 0.1,
    value: DEFAULT_ENCODER_RETRAIN.lr,
    log: true
  },
  {key: "epochs", label: "epochs", kind: "int", min: 1, max: 5000, value: DEFAULT_ENCODER_RETRAIN.epochs}
];

/** The frozen-decoder job for published seed `seed`, whose trained parameters are `weights`. */
export function encoderRetrainJob(
  seed: number,
  weights: readonly number[],
  settings: Pick<EncoderRetrainConfig, "epochs" | "batchSize" | "lr" | "init" | "draw" | "evalEvery">,
  optimizer: "adam" | "sgd" = "adam"
): RetrainJob {
  return {
    model: "big",
    hidden: [...SHEET_HIDDEN.big],
    linear: false,
    seed: reinitSeed(seed, settings.draw),
    lr: settings.lr,
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    init: settings.init,
    optimizer,
    initial: weights,
    reinitEncoder: true,
    freezeDecoder: true,
    evalEvery: settings.evalEvery
  };
}

/** Trains a job to its end in one go (tests); returns the parameters before and after, and the checkpoints. */
export function runJob(job: RetrainJob): {
  start: Float64Array;
  end: Float64Array;
  checkpoints: Checkpoint[];
  examplesSeen: number;
  status: string;
} {
  const t = new TrainJob(job);
  const start = t.params();
  while (t.advance(Infinity) === "training");
  const report = t.report();
  const end = t.params();
  t.dispose();
  return {start, end, checkpoints: t.checkpoints, examplesSeen: report.examplesSeen, status: report.status};
}

/**
 * A run whose full-data MSE passes this value at a checkpoint (or stops being
 * finite) is stopped there and counted as diverged: the sweeps' early stop.
 */
export const DIVERGED_MSE = 1e4;

export interface Divergence {
  /** Examples seen when the run was stopped, and the loss that stopped it (null: not finite). */
  readonly examples: number;
  readonly updates: number;
  readonly epoch: number;
  readonly mse: number | null;
}

/**
 * Trains `job` epoch by epoch to its last epoch, calling `at(epoch, params)` after
 * each epoch listed in `stops` (sweeps read several training lengths off one run).
 * Stops early, with a `Divergence`, once a checkpoint passes DIVERGED_MSE or an
 * epoch's loss is no longer finite. Training never depends on how many epochs follow.
 */
export function trainThrough(
  job: RetrainJob,
  stops: readonly number[],
  at: (epoch: number, params: Float64Array) => void = () => {}
): {start: Float64Array; end: Float64Array; checkpoints: Checkpoint[]; diverged: Divergence | null} {
  const t = new TrainJob(job);
  const start = t.params();
  let diverged: Divergence | null = null;
  for (let status = t.status; status === "training";) {
    status = t.advance(0);
    const last = t.checkpoints[t.checkpoints.length - 1];
    if (status === "diverged") {
      diverged = {
        examples: t.examplesSeen,
        updates: t.epoch * stepsPerEpoch(SHEET_SETUP.n, job.batchSize),
        epoch: t.epoch,
        mse: null
      };
    } else if (last && !(last.mse <= DIVERGED_MSE)) {
      diverged = {
        examples: last.examples,
        updates: last.updates,
        epoch: t.epoch,
        mse: Number.isFinite(last.mse) ? sig(last.mse, 4) : null
      };
    }
    if (diverged) break;
    if (stops.includes(t.epoch)) at(t.epoch, t.params());
  }
  const end = t.params();
  t.dispose();
  // When an epoch's loss stopped being finite, so did the parameters: a checkpoint taken after that epoch means nothing.
  const bad = diverged && diverged.mse === null ? diverged.examples : Infinity;
  return {
    start,
    end,
    checkpoints: t.checkpoints.filter((c) => c.examples < bad || c.examples === 0),
    diverged
  };
}

export interface CodeSet {
  readonly old: number[];
  readonly reinit: number[];
  readonly retrained: number[];
  readonly best: number[];
}

/** What a frozen decoder fixes before any retraining: the best codes and the losses every run is compared with. */
/** The interval of codes searched for each point's best code (not rounded), its grid size, and how many best codes lie on its boundary. */
export interface SearchInterval {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly atBoundary: number;
}

export interface FrozenReference {
  readonly seed: number;
  readonly mseBefore: number;
  readonly optimalEncoderMse: number;
  /** The published encoder's codes. */
  readonly old: number[];
  /** The best code of every point, and the tolerance within which a code counts as at its best. */
  readonly best: number[];
  readonly tolerance: number;
  readonly bestErr: number[];
  readonly localMinima: number[];
  /** Median over the points of the spacing of their basins along the latent axis (see frozen-decoder.ts). */
  readonly basinSpacing: number;
  /** The old codes' range (max − min). */
  readonly codeRange: number;
  /** The interval searched (not rounded) and its grid. */
  readonly search: SearchInterval;
}

/** The best codes under the frozen decoder of a published big autoencoder, and what they cost. */
export function frozenReference(
  seed: number,
  weights: readonly number[],
  config: Pick<
    EncoderRetrainConfig,
    "searchWiden" | "searchCount" | "codeTolerance"
  > = DEFAULT_ENCODER_RETRAIN
): FrozenReference {
  const spec = sheetModel("big");
  const data = sheetData(SHEET_SETUP);
  const n = SHEET_SETUP.n;
  const published = Float64Array.from(weights);
  const old = encode(spec, published, data, n);
  const [lo, hi] = widenedRange(old, config.searchWiden);
  const best = bestCodes(spec, published, data, n, {lo, hi, count: config.searchCount});
  const [oldLo, oldHi] = widenedRange(old, 0);
  return {
    seed,
    mseBefore: sig(reconstructionMse(spec, published, data, n), 6),
    optimalEncoderMse: sig(meanOverCoordinates(best.err, 2), 6),
    old: Array.from(old),
    best: Array.from(best.z),
    tolerance: codeTolerance(old, config.codeTolerance),
    bestErr: Array.from(best.err),
    localMinima: Array.from(best.localMinima),
    basinSpacing: sig(median(best.basinSpacing.filter(Number.isFinite)), 4),
    codeRange: sig(oldHi - oldLo, 6),
    search: {lo, hi, count: config.searchCount, atBoundary: best.atBoundary}
  };
}

/** How an encoder's codes stand against the best ones, at one training length. */
export interface CodeOutcome {
  readonly epochs: number;
  /** Full-data MSE; null if the run diverged before this length. */
  readonly mse: number | null;
  /** Points whose code is at its best code (within the tolerance), and their share. */
  readonly atBest: number | null;
  readonly fractionAtBestCode: number | null;
  /** The MSE above the best possible encoder's. */
  readonly gap: number | null;
  /** Median over the points of |code − code right after the redraw|: how far the codes travelled. */
  readonly travel: number | null;
  /** Points whose code differs from the old encoder's by more than the tolerance. */
  readonly movedFromOld: number | null;
}

/** Fraction of `codes` at their best code, and the MSE's gap to the best possible encoder: the measures of (g), for any run. */
export function codeOutcome(
  epochs: number,
  codes: ArrayLike<number>,
  mse: number,
  ref: Pick<FrozenReference, "best" | "tolerance" | "optimalEncoderMse" | "old">,
  start?: ArrayLike<number>
): CodeOutcome {
  const atBest = countAtBest(codes, ref.best, ref.tolerance);
  return {
    epochs,
    mse: sig(mse, 6),
    atBest,
    fractionAtBestCode: atBest / codes.length,
    gap: sig(mse - ref.optimalEncoderMse, 4),
    travel: start ? sig(median(Array.from(codes, (z, i) => Math.abs(z - start[i]))), 4) : null,
    movedFromOld: codes.length - countAtBest(codes, ref.old, ref.tolerance)
  };
}

/** The outcome of a length the run did not reach (it diverged before). */
export function divergedOutcome(epochs: number): CodeOutcome {
  return {
    epochs,
    mse: null,
    atBest: null,
    fractionAtBestCode: null,
    gap: null,
    travel: null,
    movedFromOld: null
  };
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

/** Per point: is its code within `tolerance` of its best code? */
export function atBestFlags(codes: ArrayLike<number>, best: ArrayLike<number>, tolerance: number): boolean[] {
  return Array.from({length: codes.length}, (_, i) => Math.abs(codes[i] - best[i]) <= tolerance);
}

/** The tolerance of `atBestFlags`: a fraction of the range of the old codes. */
export function codeTolerance(oldCodes: ArrayLike<number>, fraction: number): number {
  const [lo, hi] = widenedRange(oldCodes, 0);
  return fraction * (hi - lo);
}

/** Counts codes within `tolerance` of the best codes. */
export function countAtBest(codes: ArrayLike<number>, best: ArrayLike<number>, tolerance: number): number {
  return atBestFlags(codes, best, tolerance).filter(Boolean).length;
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
