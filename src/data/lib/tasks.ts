/**
 * The functions a loader may run in a worker thread (see pool.ts), by name.
 * Arguments and results cross the thread boundary by structured clone.
 */
import {sheetData, snapshotRun} from "../../core/autoencoder/snapshot.js";
import type {SnapshotConfig} from "../../core/autoencoder/snapshot.js";
import type {ModelName} from "../../core/autoencoder/models.js";
import {
  encoderRetrainStudyRun,
  frozenReference,
  retrainSweepRun
} from "../../core/exercises/fg/encoder-retrain.js";
import type {EncoderRetrainConfig, FrozenReference} from "../../core/exercises/fg/encoder-retrain.js";
import {gdSgdRun} from "../../core/exercises/h/gd-sgd.js";
import type {RunSettings} from "../../core/exercises/h/gd-sgd.js";
import type {ExperimentOptions} from "../../core/playground/experiment.js";
import {runExperiment} from "../../core/playground/experiment.js";
import type {PlaygroundSettings} from "../../core/playground/settings.js";

export const TASKS = {
  autoencoderRun(name: ModelName, seed: number, config: SnapshotConfig) {
    return snapshotRun(name, seed, sheetData(config), config).run;
  },
  /** Exercise 1 (g): the best codes under the frozen decoder of the big autoencoder of `seed`. */
  frozenReference(seed: number, weights: readonly number[], config: EncoderRetrainConfig) {
    return frozenReference(seed, weights, config);
  },
  /** Exercise 1 (g): the published run of `seed` (a fresh encoder retrained under its frozen decoder), continued to `extendTo` epochs. */
  encoderRetrainStudy(
    seed: number,
    weights: readonly number[],
    config: EncoderRetrainConfig,
    extendTo: readonly number[],
    reference: FrozenReference
  ) {
    return encoderRetrainStudyRun(seed, weights, config, extendTo, reference);
  },
  /** Exercise 1 (g) over learning rates: one seed at one learning rate, read at every length. */
  retrainSweepRun(
    seed: number,
    weights: readonly number[],
    lr: number,
    lengths: readonly number[],
    reference: FrozenReference,
    config: EncoderRetrainConfig
  ) {
    return retrainSweepRun(seed, weights, lr, lengths, reference, config);
  },
  /** Exercise 1 (h): one learning curve of either reading. */
  gdSgdRun(settings: RunSettings, weights: readonly number[] | undefined) {
    return gdSgdRun(settings, weights);
  },
  playgroundExperiment(settings: PlaygroundSettings, options: ExperimentOptions) {
    return runExperiment(settings, options);
  }
};

export type TaskName = keyof typeof TASKS;
