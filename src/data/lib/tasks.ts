/**
 * The functions a loader may run in a worker thread (see pool.ts), by name.
 * Arguments and results cross the thread boundary by structured clone.
 */
import {sheetData, snapshotRun} from "../../core/ae-snapshot.js";
import type {SnapshotConfig} from "../../core/ae-snapshot.js";
import type {ModelName} from "../../core/autoencoder.js";
import type {ExperimentOptions} from "../../core/playground/experiment.js";
import {runExperiment} from "../../core/playground/experiment.js";
import type {PlaygroundSettings} from "../../core/playground/settings.js";

export const TASKS = {
  autoencoderRun(name: ModelName, seed: number, config: SnapshotConfig) {
    return snapshotRun(name, seed, sheetData(config), config).run;
  },
  playgroundExperiment(settings: PlaygroundSettings, options: ExperimentOptions) {
    return runExperiment(settings, options);
  }
};

export type TaskName = keyof typeof TASKS;
