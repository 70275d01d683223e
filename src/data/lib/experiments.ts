/**
 * The expensive results of the report, computed once per build (see memo.ts),
 * in parallel on every core (see pool.ts), and shared by every loader that needs them.
 */
import {DEFAULT_SNAPSHOT_CONFIG, assembleAutoencoderSnapshot} from "../../core/autoencoder/snapshot.js";
import type {AutoencoderSnapshot} from "../../core/autoencoder/snapshot.js";
import {DEFAULT_ENCODER_RETRAIN} from "../../core/exercises/fg/encoder-retrain.js";
import type {
  EncoderRetrainConfig,
  EncoderRetrainRun,
  FrozenReference,
  SweepRun,
  encoderRetrainStudyRun
} from "../../core/exercises/fg/encoder-retrain.js";
import {GD_SGD_PLAN, PROBLEMS, curveFromSweep, planRuns} from "../../core/exercises/h/gd-sgd.js";
import type {GdSgdCurve, GdSgdPlan, RunSettings} from "../../core/exercises/h/gd-sgd.js";
import {
  RETRAIN_SWEEP,
  assembleSweep,
  checkPlan,
  extensionOf,
  sweepTasks
} from "../../core/exercises/fg/sweep.js";
import type {RetrainSweep} from "../../core/exercises/fg/sweep.js";
import {buildPerfectSnapshot} from "../../core/exercises/e/snapshot.js";
import type {PerfectSnapshot} from "../../core/exercises/e/snapshot.js";
import {STEP_COST, STEP_COST_MEASURED} from "../../core/exercises/h/step-cost.js";
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
    const tasks = config.models.flatMap((name) =>
      config.seeds.map((seed) => ({task: "autoencoderRun" as const, args: [name, seed, config] as const}))
    );
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

/** Exercise 1 (g) and its learning-rate sweep: every run of the frozen-decoder problem with Adam and batches of 8. */
interface RetrainStudy {
  readonly snapshot: EncoderRetrainSnapshot;
  readonly references: (FrozenReference & {mseAfterReinit: number})[];
  /** Every run of the sweep with all its checkpoints (the published runs' included). */
  readonly sweepRuns: SweepRun[];
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return ((u.user + u.system) / 1e6).toFixed(1);
};

function retrainStudy(): Promise<RetrainStudy> {
  const config = DEFAULT_ENCODER_RETRAIN;
  const plan = RETRAIN_SWEEP;
  checkPlan(plan, config.lr);
  return memo("encoder-retrain", {config, plan}, async () => {
    const t0 = Date.now();
    const {seeds, weights} = await bigWeights();
    const refs = await runAll(
      seeds.map((seed, k) => ({task: "frozenReference" as const, args: [seed, weights[k], config] as const}))
    );
    const k = (seed: number) => seeds.indexOf(seed);
    // Longest runs first, so that both threads finish together.
    const published = seeds.map((seed) => ({seed, extendTo: extensionOf(plan, seed, config.lr)}));
    const sweep = sweepTasks(plan, config.lr);
    const [long, short] = [
      published.filter((p) => p.extendTo.length > 0),
      published.filter((p) => p.extendTo.length === 0)
    ];
    const studyTask = (p: {seed: number; extendTo: readonly number[]}) => ({
      task: "encoderRetrainStudy" as const,
      args: [p.seed, weights[k(p.seed)], config, p.extendTo, refs[k(p.seed)]] as const
    });
    const sweepTask = (t: {seed: number; lr: number}) => ({
      task: "retrainSweepRun" as const,
      args: [
        t.seed,
        weights[k(t.seed)],
        t.lr,
        plan.lengths,
        refs[k(t.seed)],
        {...config, evalEvery: plan.evalEvery}
      ] as const
    });
    const order = [...long, ...short];
    const results = await runAll<"encoderRetrainStudy" | "retrainSweepRun">([
      ...sweep.map(sweepTask),
      ...order.map(studyTask)
    ]);
    const swept = results.slice(0, sweep.length) as SweepRun[];
    const studyOf = new Map(
      order.map((p, i) => [p.seed, results[sweep.length + i] as ReturnType<typeof encoderRetrainStudyRun>])
    );
    const runs = seeds.map((seed) => studyOf.get(seed)!.run);
    const sweepRuns = [...seeds.map((seed) => studyOf.get(seed)!.sweep), ...swept];
    log(
      `encoder retrain: ${seeds.length} published runs (${long.length} continued to ${plan.lengths.at(-1)} epochs) and ${sweep.length} sweep runs in ${((Date.now() - t0) / 1000).toFixed(1)} s; loader CPU so far ${cpuSeconds()} s`
    );
    const snap = await autoencoderSnapshot();
    return {
      snapshot: {config, seeds, data: snap.data, runs},
      references: refs.map((r, i) => ({...r, mseAfterReinit: runs[i].mseAfterReinit})),
      sweepRuns
    };
  });
}

/** Exercise 1 (g): every seed's published big autoencoder, its encoder redrawn and retrained under the frozen decoder. */
export async function encoderRetrain(): Promise<EncoderRetrainSnapshot> {
  return (await retrainStudy()).snapshot;
}

/** Exercise 1 (g) over learning rates and training lengths. */
export async function retrainSweep(): Promise<RetrainSweep> {
  const study = await retrainStudy();
  return assembleSweep(RETRAIN_SWEEP, DEFAULT_ENCODER_RETRAIN.lr, study.references, study.sweepRuns);
}

export interface GdSgdSnapshot {
  readonly plan: GdSgdPlan;
  readonly problems: typeof PROBLEMS;
  readonly stepCost: typeof STEP_COST;
  readonly stepCostMeasured: typeof STEP_COST_MEASURED;
  /** One curve per problem × optimiser × batch size × learning rate × seed, in the order of `planRuns`. */
  readonly curves: GdSgdCurve[];
  /** How many curves were read off the (g) sweep instead of trained. */
  readonly reused: number;
}

/**
 * Exercise 1 (h): full batch against mini-batches for both readings, both
 * optimisers and every learning rate of the plan. The frozen-decoder Adam
 * mini-batch curves are the first part of the (g) sweep's runs when their
 * settings coincide; every other curve is trained here, in parallel.
 */
export function gdSgd(): Promise<GdSgdSnapshot> {
  const plan = GD_SGD_PLAN;
  return memo("gd-sgd", {plan, retrain: DEFAULT_ENCODER_RETRAIN, sweep: RETRAIN_SWEEP}, async () => {
    const {seeds, weights} = await bigWeights();
    const study = await retrainStudy();
    const t0 = Date.now();
    const settings = planRuns(plan);
    const weightsOf = (s: RunSettings) =>
      s.problem === "frozen-decoder" ? weights[seeds.indexOf(s.seed)] : undefined;
    const reused = settings.map((s) => {
      const run = study.sweepRuns.find((r) => r.seed === s.seed && r.learningRate === s.lr);
      return run ? curveFromSweep(s, run, DEFAULT_ENCODER_RETRAIN.batchSize) : undefined;
    });
    // The big problems first (the longest tasks), so that both threads finish together.
    const todo = settings
      .map((_, i) => i)
      .filter((i) => !reused[i])
      .sort((a, b) => costRank(settings[b]) - costRank(settings[a]));
    const trained = await runAll(
      todo.map((i) => ({task: "gdSgdRun" as const, args: [settings[i], weightsOf(settings[i])] as const}))
    );
    const curves = settings.map((_, i) => reused[i] ?? trained[todo.indexOf(i)]);
    const diverged = curves.filter((c) => c.diverged).length;
    log(
      `gd vs sgd: ${trained.length} runs trained (${diverged} diverged and stopped early), ${settings.length - todo.length} read off exercise 1 (g), in ${((Date.now() - t0) / 1000).toFixed(1)} s; loader CPU so far ${cpuSeconds()} s`
    );
    return {
      plan,
      problems: PROBLEMS,
      stepCost: STEP_COST,
      stepCostMeasured: STEP_COST_MEASURED,
      curves,
      reused: settings.length - todo.length
    };
  });
}

/** Rough relative cost of a run, for ordering the pool's tasks. */
function costRank(s: RunSettings): number {
  return s.problem === "whole-small" ? 1 : 10;
}

/** Trains playground runs in parallel; results in the order of `runs`. */
async function playgroundRuns(
  name: string,
  runs: readonly PlaygroundSettings[],
  options: (i: number) => ExperimentOptions
) {
  const t0 = Date.now();
  const results = await runAll(
    runs.map((settings, i) => ({
      task: "playgroundExperiment" as const,
      args: [settings, options(i)] as const
    }))
  );
  log(`${name}: ${runs.length} runs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return results;
}

export function spiralStudy(): Promise<SpiralStudy> {
  const runs = spiralRuns();
  const k = SPIRAL_SEEDS.length;
  const winner = SPIRAL_CANDIDATES.findIndex((c) => c.name === SPIRAL_WINNER) * k;
  // The first seed of each candidate is drawn (the winner in full); the other seeds only count.
  const options = (i: number) =>
    i === winner ? STUDY_OPTIONS.full : i % k === 0 ? STUDY_OPTIONS.thumbnail : STUDY_OPTIONS.lossOnly;
  return memo("bonus-spiral", {runs, STUDY_OPTIONS}, async () =>
    assembleSpiral(await playgroundRuns("bonus-spiral", runs, options))
  );
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
    assembleMemorization(
      await playgroundRuns("bonus-memorization", runs, (i) =>
        i === 0 ? STUDY_OPTIONS.full : STUDY_OPTIONS.thumbnail
      )
    )
  );
}
