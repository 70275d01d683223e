/**
 * The build-time result of exercise 1 (b): the three autoencoders of the sheet,
 * trained with the notebook's setup for several seeds, described by what the
 * figures draw. The JSON carries its config beside the results, so that a page
 * (or a reader) can tell exactly how it was made and retrain it identically.
 */
import type {AutoencoderSpec, ModelName} from "./models.js";
import {MODEL_NAMES, SHEET_HIDDEN, decode, encode, reconstructionMse, sheetModel} from "./models.js";
import type {Rect} from "./rectangle.js";
import {SHEET_RECT, gridPoints, linspace, rectangleData} from "./rectangle.js";
import {paramCount} from "../engine/mlp.js";
import {pca2} from "./pca.js";
import {curveShape, pearson} from "./analysis.js";
import type {CurveShape} from "./analysis.js";
import type {Pca2} from "./pca.js";
import {createRng} from "../engine/random.js";
import {rows, sig, sigArray} from "../format/round.js";
import {startAutoencoder} from "./run.js";
import {SEEDS, SHEET_SETUP} from "./setup.js";
import type {AutoencoderSetup} from "./setup.js";
import {stepsPerEpoch} from "../engine/train.js";
import {adam} from "../engine/problem.js";
import type {OptimizerConfig} from "../engine/problem.js";

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
  /** Training history (for the scrubber): frames every `every` epochs for these seeds, on a coarser grid. */
  readonly history: {
    readonly seeds: readonly number[];
    readonly every: number;
    readonly nx: number;
    readonly ny: number;
    readonly curvePoints: number;
  };
}

export const DEFAULT_SNAPSHOT_CONFIG: SnapshotConfig = {
  ...SHEET_SETUP,
  seeds: SEEDS,
  models: MODEL_NAMES,
  stepStride: 4,
  grid: {rect: SHEET_RECT, nx: 64, ny: 32},
  curvePoints: 121,
  curveMargin: 0.1,
  history: {seeds: [0], every: 10, nx: 32, ny: 16, curvePoints: 41}
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

/** One frame of the training history. */
export interface HistoryFrame extends StateView {
  readonly epoch: number;
}

/** Numbers the prose argues from, computed once at build time. */
export interface RunAnalysis {
  /** The shape of the decoder curve on its interval, before and after training. */
  readonly initShape: CurveShape;
  readonly finalShape: CurveShape;
  /** Correlation of the final codes with x1 and with x2. */
  readonly corrX1: number;
  readonly corrX2: number;
}

export interface RunSnapshot {
  readonly seed: number;
  readonly init: StateView;
  readonly final: StateView;
  readonly analysis: RunAnalysis;
  /** Frames every history.every epochs from 0 to the end (only for history.seeds). */
  readonly history?: HistoryFrame[];
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

/** The shape of the decoder curve on the interval a state view draws, rounded for the snapshot. */
function shapeOf(spec: AutoencoderSpec, params: Float64Array, view: StateView): CurveShape {
  const s = curveShape(spec, params, view.curve.z[0], view.curve.z[view.curve.z.length - 1]);
  return {...s, length: sig(s.length, 4), bend: sig(s.bend, 4)};
}

/**
 * The numbers the prose argues from, for one run: the decoder curve's shape
 * before and after training (each on the interval its state view draws) and the
 * correlation of the final codes with x1 and x2. The build uses it for every
 * published run, a page for a reader's run.
 */
export function analyseRun(
  spec: AutoencoderSpec,
  initial: Float64Array,
  final: Float64Array,
  data: Float64Array,
  initView: StateView,
  finalView: StateView
): RunAnalysis {
  const x1 = data.filter((_, k) => k % 2 === 0);
  const x2 = data.filter((_, k) => k % 2 === 1);
  const codes = encode(spec, final, data, data.length / 2);
  return {
    initShape: shapeOf(spec, initial, initView),
    finalShape: shapeOf(spec, final, finalView),
    corrX1: sig(pearson(codes, x1), 4),
    corrX2: sig(pearson(codes, x2), 4)
  };
}

/** Trains one model for one seed and describes it before and after training (and along the way, for history seeds). */
export function snapshotRun(
  name: ModelName,
  seed: number,
  data: Float64Array,
  config: SnapshotConfig
): {run: RunSnapshot; spec: AutoencoderSpec} {
  const {spec, initial, loop} = startAutoencoder(
    {
      hidden: SHEET_HIDDEN[name],
      linear: name === "pca",
      seed,
      batchSize: config.batchSize,
      init: config.init,
      optimizer: adam(config.lr)
    },
    data
  );
  const init = describeState(spec, initial, data, config);
  const h = config.history;
  const frameConfig = {
    grid: {rect: config.grid.rect, nx: h.nx, ny: h.ny},
    curvePoints: h.curvePoints,
    curveMargin: config.curveMargin
  };
  const history: HistoryFrame[] | undefined = h.seeds.includes(seed) ? [] : undefined;
  const frame = (params: Float64Array) =>
    history?.push({epoch: loop.epoch, ...describeState(spec, params, data, frameConfig)});
  frame(initial);
  for (let e = 0; e < config.epochs; ++e) {
    loop.runEpoch();
    if (history && loop.epoch % h.every === 0) frame(loop.engine.getParams());
  }
  const params = loop.engine.getParams();
  loop.engine.dispose();
  const final = describeState(spec, params, data, config);
  const run: RunSnapshot = {
    seed,
    init,
    final,
    analysis: analyseRun(spec, initial, params, data, init, final),
    history,
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
export function buildAutoencoderSnapshot(
  config: SnapshotConfig = DEFAULT_SNAPSHOT_CONFIG,
  log: (line: string) => void = () => {}
): AutoencoderSnapshot {
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
export function assembleAutoencoderSnapshot(
  config: SnapshotConfig,
  runs: readonly RunSnapshot[]
): AutoencoderSnapshot {
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

/** The snapshot without training histories (what the figures of (b) need). */
export function withoutHistory(snap: AutoencoderSnapshot): AutoencoderSnapshot {
  const models: Partial<Record<ModelName, ModelSnapshot>> = {};
  for (const [name, m] of Object.entries(snap.models) as [ModelName, ModelSnapshot][]) {
    models[name] = {...m, runs: m.runs.map(({history: _history, ...run}) => run)};
  }
  return {...snap, models};
}

export interface HistorySnapshot {
  readonly config: SnapshotConfig["history"] & {readonly rect: Rect; readonly epochs: number};
  readonly models: Partial<
    Record<
      ModelName,
      {readonly seed: number; readonly epochLoss: number[]; readonly frames: HistoryFrame[]}[]
    >
  >;
}

/** Only the training histories, for the scrubber. */
export function historyOf(snap: AutoencoderSnapshot): HistorySnapshot {
  const models: HistorySnapshot["models"] = {};
  for (const [name, m] of Object.entries(snap.models) as [ModelName, ModelSnapshot][]) {
    models[name] = m.runs
      .filter((r) => r.history)
      .map((r) => ({seed: r.seed, epochLoss: r.epochLoss, frames: r.history!}));
  }
  return {config: {...snap.config.history, rect: snap.config.grid.rect, epochs: snap.config.epochs}, models};
}
