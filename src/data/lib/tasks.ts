/**
 * The functions a loader may run in a worker thread (see pool.ts), by name.
 * Arguments and results cross the thread boundary by structured clone.
 */
import {sheetData, snapshotRun} from "../../core/ae-snapshot.js";
import type {SnapshotConfig} from "../../core/ae-snapshot.js";
import type {ModelName} from "../../core/autoencoder.js";
import {encoderRetrainRun} from "../../core/encoder-retrain.js";
import type {EncoderRetrainConfig} from "../../core/encoder-retrain.js";
import {gdSgdRun} from "../../core/gd-sgd.js";
import type {GdSgdConfig, OptimizerKind} from "../../core/gd-sgd.js";
import type {ExperimentOptions} from "../../core/playground/experiment.js";
import {runExperiment} from "../../core/playground/experiment.js";
import type {PlaygroundSettings} from "../../core/playground/settings.js";

export const TASKS = {
  autoencoderRun(name: ModelName, seed: number, config: SnapshotConfig) {
    return snapshotRun(name, seed, sheetData(config), config).run;
  },
  /** Exercise 1 (g): the big autoencoder of `seed` with a fresh encoder retrained under its frozen decoder. */
  encoderRetrain(seed: number, weights: readonly number[], config: EncoderRetrainConfig) {
    return encoderRetrainRun(seed, weights, config);
  },
  /** Exercise 1 (h): one learning curve of the same problem. */
  gdSgdRun(seed: number, weights: readonly number[], optimizer: OptimizerKind, batchSize: number, config: GdSgdConfig) {
    return gdSgdRun(seed, weights, optimizer, batchSize, config);
  },
  playgroundExperiment(settings: PlaygroundSettings, options: ExperimentOptions) {
    return runExperiment(settings, options);
  }
};

export type TaskName = keyof typeof TASKS;
