/**
 * The build-time result of exercise 1 (b): the three autoencoders of the sheet,
 * trained with the notebook's setup for several seeds, described by what the
 * figures draw. The JSON carries its config beside the results, so that a page
 * (or a reader) can tell exactly how it was made and retrain it identically.
 */
import type {AutoencoderSpec, ModelName} from "./autoencoder.js";
import {MODEL_NAMES, SHEET_HIDDEN, decode, encode, reconstructionMse, sheetModel} from "./autoencoder.js";
import type {Rect} from "./data.js";
import {SHEET_RECT, gridPoints, linspace, rectangleData} from "./data.js";
import {paramCount} from "./mlp.js";
import {pca2} from "./pca.js";
import type {Pca2} from "./pca.js";
import {createRng} from "./random.js";
import {rows, sig, sigArray} from "./round.js";
import {startAutoencoder} from "./run-autoencoder.js";
import {SEEDS, SHEET_SETUP} from "./setup.js";
import type {AutoencoderSetup} from "./setup.js";
import {stepsPerEpoch} from "./train.js";
import {adam} from "./problem.js";
import type {OptimizerConfig} from "./problem.js";

export interface SnapshotConfig extends AutoencoderSetup {
  readonly seeds: readonly number[];
  readonly models: readonly ModelName[];
  /** Keep every stride-th step loss (the per-step curve is downsampled). */
  readonly stepStride: number;
  /** Grid over the data rectangle on which the encoder is evaluated. */
  readonly grid: {readonly rect: Rect; readonly nx: number; readonly ny: number};
  /** Number of latent values along the decoder curve. */
  readonly curvePoints: number;
  /** The decoder curve spans the codes of the data, widened by this fraction of their range on each side. */
  readonly curveMargin: number;
}

export const DEFAULT_SNAPSHOT_CONFIG: SnapshotConfig = {
  ...SHEET_SETUP,
  seeds: SEEDS,
  models: MODEL_NAMES,
  stepStride: 4,
  grid: {rect: SHEET_RECT, nx: 64, ny: 32},
  curvePoints: 121,
  curveMargin: 0.1
};

/** What the figures need of a model at one moment of training. */
export interface StateView {
  /** Full-data MSE. */
  readonly mse: number;
  /** Each data point's code. */
  readonly codes: number[];
  /** The code of every grid cell, row by row from the bottom (nx × ny values). */
  readonly grid: number[];
  /** The decoder curve: latent values z and their images [x1, x2]. */
  readonly curve: {readonly z: number[]; readonly x: number[][]};
}

export interface RunSnapshot {
  readonly seed: number;
  readonly init: StateView;
  readonly final: StateView;
  /** Mean step loss of every epoch. */
  readonly epochLoss: number[];
  /** Loss of every stepStride-th step (steps 0, stride, 2·stride, …). */
  readonly stepLoss: number[];
  /** Final parameters, flat, in the layout of `mlp.ts` (weights [out, in], then bias, per layer). */
  readonly weights: number[];
}

export interface ModelSnapshot {
  readonly hidden: readonly number[];
  readonly linear: boolean;
  readonly widths: readonly number[];
  readonly activations: readonly string[];
  readonly encoderLayers: number;
  readonly params: number;
  readonly runs: RunSnapshot[];
}

export interface AutoencoderSnapshot {
  readonly config: SnapshotConfig & {readonly optimizer: OptimizerConfig; readonly stepsPerEpoch: number};
  /** The data set, one [x1, x2] per point. */
  readonly data: number[][];
  readonly pca: Pca2;
  readonly models: Partial<Record<ModelName, ModelSnapshot>>;
}

export function sheetData(setup: Pick<AutoencoderSetup, "n" | "dataSeed"> = SHEET_SETUP): Float64Array {
  return rectangleData(setup.n, createRng(setup.dataSeed));
}

/** Codes, grid, decoder curve and MSE of a model with parameters `params`. */
export function describeState(
  spec: AutoencoderSpec,
  params: Float64Array,
  data: Float64Array,
  config: Pick<SnapshotConfig, "grid" | "curvePoints" | "curveMargin">
): StateView {
  const n = data.length / 2;
  const codes = encode(spec, params, data, n);
  const {rect, nx, ny} = config.grid;
  const grid = encode(spec, params, gridPoints(rect, nx, ny), nx * ny);
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of codes) {
    lo = Math.min(lo, c);
    hi = Math.max(hi, c);
  }
  const pad = config.curveMargin * (hi - lo || 1);
  const z = linspace(lo - pad, hi + pad, config.curvePoints);
  const x = decode(spec, params, z, z.length);
  return {
    mse: sig(reconstructionMse(spec, params, data, n), 6),
    codes: sigArray(codes, 5),
    grid: sigArray(grid, 4),
    curve: {z: sigArray(z, 5), x: rows(x, 2, 5)}
  };
}

/** Trains one model for one seed and describes it before and after training. */
export function snapshotRun(name: ModelName, seed: number, data: Float64Array, config: SnapshotConfig): {run: RunSnapshot; spec: AutoencoderSpec} {
  const {spec, initial, loop} = startAutoencoder(
    {hidden: SHEET_HIDDEN[name], linear: name === "pca", seed, batchSize: config.batchSize, init: config.init, optimizer: adam(config.lr)},
    data
  );
  const init = describeState(spec, initial, data, config);
  for (let e = 0; e < config.epochs; ++e) loop.runEpoch();
  const params = loop.engine.getParams();
  loop.engine.dispose();
  const run: RunSnapshot = {
    seed,
    init,
    final: describeState(spec, params, data, config),
    epochLoss: sigArray(loop.epochLosses, 5),
    stepLoss: sigArray(
      loop.stepLosses.filter((_, s) => s % config.stepStride === 0),
      4
    ),
    weights: sigArray(params, 7)
  };
  return {run, spec};
}

/** Trains every model for every seed, one after the other, and assembles the snapshot. */
export function buildAutoencoderSnapshot(config: SnapshotConfig = DEFAULT_SNAPSHOT_CONFIG, log: (line: string) => void = () => {}): AutoencoderSnapshot {
  const data = sheetData(config);
  const runs = config.models.flatMap((name) =>
    config.seeds.map((seed) => {
      const t0 = Date.now();
      const {run} = snapshotRun(name, seed, data, config);
      log(`${name} seed ${seed}: final MSE ${run.final.mse} (${Date.now() - t0} ms)`);
      return run;
    })
  );
  return assembleAutoencoderSnapshot(config, runs);
}

/**
 * The snapshot from its runs, given in the order models × seeds of the config
 * (however they were computed: in sequence, or in parallel by a loader).
 */
export function assembleAutoencoderSnapshot(config: SnapshotConfig, runs: readonly RunSnapshot[]): AutoencoderSnapshot {
  if (runs.length !== config.models.length * config.seeds.length) {
    throw new RangeError(`expected ${config.models.length * config.seeds.length} runs, got ${runs.length}`);
  }
  const data = sheetData(config);
  const models: Partial<Record<ModelName, ModelSnapshot>> = {};
  config.models.forEach((name, m) => {
    const spec = sheetModel(name);
    models[name] = {
      hidden: SHEET_HIDDEN[name],
      linear: name === "pca",
      widths: spec.widths,
      activations: spec.activations,
      encoderLayers: spec.encoderLayers,
      params: paramCount(spec),
      runs: runs.slice(m * config.seeds.length, (m + 1) * config.seeds.length)
    };
  });
  return {
    config: {...config, optimizer: adam(config.lr), stepsPerEpoch: stepsPerEpoch(config.n, config.batchSize)},
    data: rows(data, 2, 6),
    pca: pca2(data, config.n),
    models
  };
}
