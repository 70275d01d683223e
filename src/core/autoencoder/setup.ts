/**
 * The training setup of the course's notebook (see the README for the source),
 * stated once. Loaders, pages and the worker read these values; none repeats them.
 */
import type {InitScheme} from "../engine/mlp.js";

export interface AutoencoderSetup {
  /** Number of data points. */
  readonly n: number;
  /** Seed of the one data set every model trains on ("drawn once"). */
  readonly dataSeed: number;
  readonly epochs: number;
  readonly batchSize: number;
  /** Adam's learning rate; betas (0.9, 0.999) and eps 1e-8 are PyTorch's defaults. */
  readonly lr: number;
  readonly init: InitScheme;
}

export const SHEET_SETUP: AutoencoderSetup = {
  n: 100,
  dataSeed: 6,
  epochs: 1000,
  batchSize: 8,
  lr: 1e-3,
  init: "torch"
};

/** The seeds of every multi-seed result in the report. */
export const SEEDS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7];
