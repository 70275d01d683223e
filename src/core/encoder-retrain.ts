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
import {sheetData} from "./ae-snapshot.js";
import {SHEET_HIDDEN, decode, encode, reconstructionMse, sheetModel} from "./autoencoder.js";
import type {Field} from "./fields.js";
import {bestCodes, maxChange, meanOverCoordinates, rowSquaredErrors, widenedRange} from "./frozen-decoder.js";
import type {InitScheme} from "./mlp.js";
import {layout} from "./mlp.js";
import type {RetrainJob} from "./retrain.js";
import {rows, sig, sigArray} from "./round.js";
import {SEEDS, SHEET_SETUP} from "./setup.js";
import type {Checkpoint} from "./train-job.js";
import {TrainJob} from "./train-job.js";

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
  {key: "seed", label: "published seed", kind: "int", min: SEEDS[0], max: SEEDS[SEEDS.length - 1], value: SEEDS[0]},
  {key: "draw", label: "fresh encoder draw", kind: "int", min: 0, max: 99, value: DEFAULT_ENCODER_RETRAIN.draw},
  {key: "lr", label: "learning rate (Adam)", kind: "number", min: 1e-5, max: 0.1, value: DEFAULT_ENCODER_RETRAIN.lr, log: true},
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

/** Trains a job to its end in one go (loaders and tests); returns the parameters before and after, and the checkpoints. */
export function runJob(job: RetrainJob): {start: Float64Array; end: Float64Array; checkpoints: Checkpoint[]; examplesSeen: number; status: string} {
  const t = new TrainJob(job);
  const start = t.params();
  while (t.advance(Infinity) === "training");
  const report = t.report();
  const end = t.params();
  t.dispose();
  return {start, end, checkpoints: t.checkpoints, examplesSeen: report.examplesSeen, status: report.status};
}

export interface CodeSet {
  readonly old: number[];
  readonly reinit: number[];
  readonly retrained: number[];
  readonly best: number[];
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
  readonly recon: {readonly old: number[][]; readonly reinit: number[][]; readonly retrained: number[][]; readonly best: number[][]};
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
  readonly search: {readonly lo: number; readonly hi: number; readonly count: number; readonly atBoundary: number};
  /** The decoder curve over the search interval. */
  readonly curve: {readonly z: number[]; readonly x: number[][]};
  readonly checkpoints: Checkpoint[];
  /** Largest change of any encoder / decoder parameter between the published and the retrained network. */
  readonly encoderChange: number;
  readonly decoderChange: number;
}

function median(values: ArrayLike<number>): number {
  const s = Float64Array.from(values).sort();
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
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

/** The experiment of exercise 1 (g) for one published seed. */
export function encoderRetrainRun(seed: number, weights: readonly number[], config: EncoderRetrainConfig = DEFAULT_ENCODER_RETRAIN): EncoderRetrainRun {
  const spec = sheetModel("big");
  const data = sheetData(SHEET_SETUP);
  const n = SHEET_SETUP.n;
  const published = Float64Array.from(weights);
  const job = encoderRetrainJob(seed, weights, config);
  const {start, end, checkpoints} = runJob(job);

  const codes = {old: encode(spec, published, data, n), reinit: encode(spec, start, data, n), retrained: encode(spec, end, data, n)};
  // The decoder is frozen: every code set is decoded by the published decoder.
  const recon = {
    old: decode(spec, published, codes.old, n),
    reinit: decode(spec, published, codes.reinit, n),
    retrained: decode(spec, published, codes.retrained, n)
  };
  const [lo, hi] = widenedRange(codes.old, config.searchWiden);
  const best = bestCodes(spec, published, data, n, {lo, hi, count: config.searchCount});
  const bestRecon = decode(spec, published, best.z, n);
  const errOld = rowSquaredErrors(data, recon.old, 2);
  const errNew = rowSquaredErrors(data, recon.retrained, 2);
  let worse = 0;
  let better = 0;
  for (let i = 0; i < n; ++i) {
    if (errNew[i] > errOld[i] + 1e-9) ++worse;
    if (errNew[i] < errOld[i] - 1e-9) ++better;
  }
  const tolerance = codeTolerance(codes.old, config.codeTolerance);
  const curveZ = Array.from({length: config.curvePoints}, (_, k) => lo + ((hi - lo) * k) / (config.curvePoints - 1));
  const firstDecoder = layout(spec)[spec.encoderLayers].w;
  return {
    seed,
    reinitSeed: job.seed,
    mseBefore: sig(reconstructionMse(spec, published, data, n), 6),
    mseAfterReinit: sig(reconstructionMse(spec, start, data, n), 6),
    mseAfterRetrain: sig(reconstructionMse(spec, end, data, n), 6),
    optimalEncoderMse: sig(meanOverCoordinates(best.err, 2), 6),
    codes: {old: sigArray(codes.old, 6), reinit: sigArray(codes.reinit, 6), retrained: sigArray(codes.retrained, 6), best: sigArray(best.z, 6)},
    recon: {old: rows(recon.old, 2, 5), reinit: rows(recon.reinit, 2, 5), retrained: rows(recon.retrained, 2, 5), best: rows(bestRecon, 2, 5)},
    atBest: {old: countAtBest(codes.old, best.z, tolerance), retrained: countAtBest(codes.retrained, best.z, tolerance)},
    atBestFlags: {old: atBestFlags(codes.old, best.z, tolerance), retrained: atBestFlags(codes.retrained, best.z, tolerance)},
    tolerance: sig(tolerance, 6),
    worse,
    better,
    localMinima: {median: median(best.localMinima), max: Math.max(...best.localMinima)},
    search: {lo: sig(lo, 6), hi: sig(hi, 6), count: config.searchCount, atBoundary: best.atBoundary},
    curve: {z: sigArray(curveZ, 5), x: rows(decode(spec, published, curveZ, curveZ.length), 2, 5)},
    checkpoints: checkpoints.map((c) => ({...c, mse: sig(c.mse, 6)})),
    encoderChange: sig(maxChange(published, end, 0, firstDecoder), 4),
    decoderChange: maxChange(published, end, firstDecoder)
  };
}
