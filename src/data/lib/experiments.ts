/**
 * The expensive results of the report, computed once per build (see memo.ts),
 * in parallel on every core (see pool.ts), and shared by every loader that needs them.
 */
import {DEFAULT_SNAPSHOT_CONFIG, assembleAutoencoderSnapshot} from "../../core/ae-snapshot.js";
import type {AutoencoderSnapshot} from "../../core/ae-snapshot.js";
import {DEFAULT_ENCODER_RETRAIN, encoderRetrainJob} from "../../core/encoder-retrain.js";
import type {EncoderRetrainConfig, EncoderRetrainRun} from "../../core/encoder-retrain.js";
import {DEFAULT_GD_SGD, OPTIMIZERS, curveFromRetrain, gdSgdJob} from "../../core/gd-sgd.js";
import type {GdSgdConfig, GdSgdCurve} from "../../core/gd-sgd.js";
import {buildPerfectSnapshot} from "../../core/perfect-snapshot.js";
import type {PerfectSnapshot} from "../../core/perfect-snapshot.js";
import {STEP_COST, STEP_COST_MEASURED} from "../../core/step-cost.js";
import type {ExperimentOptions} from "../../core/playground/experiment.js";
import type {PlaygroundSettings} from "../../core/playground/settings.js";
import type {MemorizationStudy, RegularizationStudy, SpiralStudy} from "../../core/playground/studies.js";
import {
  STUDY_OPTIONS,
  SPIRAL_WINNER,
  SPIRAL_CANDIDATES,
  SPIRAL_SEEDS,
  assembleMemorization,
  assembleRegularization,
  assembleSpiral,
  memorizationRuns,
  regularizationRuns,
  spiralRuns
} from "../../core/playground/studies.js";
import {memo} from "./memo.js";
import {runAll} from "./pool.js";

export const log = (line: string): void => void process.stderr.write(`${line}\n`);

export function autoencoderSnapshot(): Promise<AutoencoderSnapshot> {
  const config = DEFAULT_SNAPSHOT_CONFIG;
  return memo("autoencoders", config, async () => {
    const t0 = Date.now();
    const tasks = config.models.flatMap((name) => config.seeds.map((seed) => ({task: "autoencoderRun" as const, args: [name, seed, config] as const})));
    const runs = await runAll(tasks);
    log(`autoencoders: ${runs.length} runs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return assembleAutoencoderSnapshot(config, runs);
  });
}

/** The published big autoencoders' parameters, one array per seed in the order of the snapshot's seeds. */
async function bigWeights(): Promise<{seeds: number[]; weights: number[][]}> {
  const snap = await autoencoderSnapshot();
  const runs = snap.models.big!.runs;
  return {seeds: runs.map((r) => r.seed), weights: runs.map((r) => r.weights)};
}

/** Exercise 1 (e): the constructed autoencoder that reconstructs every point (fast: no training). */
export async function perfectReconstruction(): Promise<PerfectSnapshot> {
  const {weights} = await bigWeights();
  return buildPerfectSnapshot(weights);
}

export interface EncoderRetrainSnapshot {
  readonly config: EncoderRetrainConfig;
  readonly seeds: number[];
  readonly data: number[][];
  readonly runs: EncoderRetrainRun[];
}

/** Exercise 1 (g): every seed's published big autoencoder, its encoder redrawn and retrained under the frozen decoder. */
export function encoderRetrain(): Promise<EncoderRetrainSnapshot> {
  const config = DEFAULT_ENCODER_RETRAIN;
  return memo("encoder-retrain", config, async () => {
    const t0 = Date.now();
    const {seeds, weights} = await bigWeights();
    const runs = await runAll(seeds.map((seed, k) => ({task: "encoderRetrain" as const, args: [seed, weights[k], config] as const})));
    log(`encoder retrain: ${runs.length} runs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const snap = await autoencoderSnapshot();
    return {config, seeds, data: snap.data, runs};
  });
}

export interface GdSgdSnapshot {
  readonly config: GdSgdConfig;
  readonly seeds: number[];
  readonly stepCost: typeof STEP_COST;
  readonly stepCostMeasured: typeof STEP_COST_MEASURED;
  /** One curve per optimiser × batch size × seed, in that order (seeds innermost). */
  readonly curves: GdSgdCurve[];
}

/**
 * Exercise 1 (h): full batch against mini-batches for both optimisers and every
 * seed. The Adam mini-batch curve is the first part of the (g) run when its
 * settings coincide; every other curve is trained here, in parallel.
 */
export function gdSgd(): Promise<GdSgdSnapshot> {
  const config = DEFAULT_GD_SGD;
  return memo("gd-sgd", {config, retrain: DEFAULT_ENCODER_RETRAIN}, async () => {
    const {seeds, weights} = await bigWeights();
    const retrain = await encoderRetrain();
    const t0 = Date.now();
    const slots = OPTIMIZERS.flatMap((optimizer) =>
      [config.fullBatch, config.miniBatch].flatMap((batchSize) =>
        seeds.map((seed, k) => {
          const job = gdSgdJob(seed, weights[k], optimizer, batchSize, config);
          const reused = curveFromRetrain(retrain.runs[k], job, encoderRetrainJob(seed, weights[k], retrain.config), config);
          return {optimizer, batchSize, seed, k, reused};
        })
      )
    );
    const todo = slots.filter((s) => !s.reused);
    const trained = await runAll(todo.map((s) => ({task: "gdSgdRun" as const, args: [s.seed, weights[s.k], s.optimizer, s.batchSize, config] as const})));
    const curves = slots.map((s) => s.reused ?? trained[todo.indexOf(s)]);
    log(`gd vs sgd: ${trained.length} runs trained, ${slots.length - todo.length} read off exercise 1 (g), in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return {config, seeds, stepCost: STEP_COST, stepCostMeasured: STEP_COST_MEASURED, curves};
  });
}

/** Trains playground runs in parallel; results in the order of `runs`. */
async function playgroundRuns(name: string, runs: readonly PlaygroundSettings[], options: (i: number) => ExperimentOptions) {
  const t0 = Date.now();
  const results = await runAll(runs.map((settings, i) => ({task: "playgroundExperiment" as const, args: [settings, options(i)] as const})));
  log(`${name}: ${runs.length} runs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return results;
}

export function spiralStudy(): Promise<SpiralStudy> {
  const runs = spiralRuns();
  const k = SPIRAL_SEEDS.length;
  const winner = SPIRAL_CANDIDATES.findIndex((c) => c.name === SPIRAL_WINNER) * k;
  // The first seed of each candidate is drawn (the winner in full); the other seeds only count.
  const options = (i: number) => (i === winner ? STUDY_OPTIONS.full : i % k === 0 ? STUDY_OPTIONS.thumbnail : STUDY_OPTIONS.lossOnly);
  return memo("bonus-spiral", {runs, STUDY_OPTIONS}, async () => assembleSpiral(await playgroundRuns("bonus-spiral", runs, options)));
}

export function regularizationStudy(): Promise<RegularizationStudy> {
  const runs = regularizationRuns();
  return memo("bonus-regularization", {runs, STUDY_OPTIONS}, async () =>
    assembleRegularization(await playgroundRuns("bonus-regularization", runs, () => STUDY_OPTIONS.full))
  );
}

export function memorizationStudy(): Promise<MemorizationStudy> {
  const runs = memorizationRuns();
  return memo("bonus-memorization", {runs, STUDY_OPTIONS}, async () =>
    assembleMemorization(await playgroundRuns("bonus-memorization", runs, (i) => (i === 0 ? STUDY_OPTIONS.full : STUDY_OPTIONS.thumbnail)))
  );
}
