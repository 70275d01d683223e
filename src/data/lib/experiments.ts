/**
 * The expensive results of the report, computed once per build (see memo.ts),
 * in parallel on every core (see pool.ts), and shared by every loader that needs them.
 */
import {DEFAULT_SNAPSHOT_CONFIG, assembleAutoencoderSnapshot} from "../../core/ae-snapshot.js";
import type {AutoencoderSnapshot} from "../../core/ae-snapshot.js";
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
