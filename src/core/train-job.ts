/**
 * One autoencoder training job driven in time slices: the part of the in-page
 * training that has nothing to do with workers or messages, so that it can be
 * tested in Node. `advance(ms)` trains whole epochs until the time budget is
 * spent and reports what happened; a non-finite loss ends the job with a
 * message naming the epoch.
 */
import type {StateView} from "./ae-snapshot.js";
import {describeState, sheetData} from "./ae-snapshot.js";
import type {AutoencoderSpec} from "./autoencoder.js";
import type {EngineOptions} from "./engine.js";
import {adam, sgd} from "./problem.js";
import type {RetrainJob} from "./retrain.js";
import {startAutoencoder} from "./run-autoencoder.js";
import {SHEET_SETUP} from "./setup.js";
import type {TrainingLoop} from "./train.js";

export interface ViewOptions {
  readonly grid: {readonly rect: {readonly x: readonly [number, number]; readonly y: readonly [number, number]}; readonly nx: number; readonly ny: number};
  readonly curvePoints: number;
  readonly curveMargin: number;
}

export type JobStatus = "training" | "done" | "diverged";

export interface JobReport {
  readonly status: JobStatus;
  readonly epoch: number;
  readonly epochs: number;
  readonly examplesSeen: number;
  /** Epoch losses since the previous report. */
  readonly newEpochLosses: number[];
  /** Set when status is "diverged". */
  readonly message?: string;
}

export class TrainJob {
  readonly job: RetrainJob;
  readonly spec: AutoencoderSpec;
  readonly data: Float64Array;
  private readonly loop: TrainingLoop;
  private reported = 0;
  private diverged: string | undefined;

  constructor(job: RetrainJob, engine: EngineOptions = {}) {
    this.job = job;
    this.data = sheetData(SHEET_SETUP);
    const run = startAutoencoder(
      {hidden: job.hidden, linear: job.linear, seed: job.seed, batchSize: job.batchSize, init: job.init, optimizer: job.optimizer === "sgd" ? sgd(job.lr) : adam(job.lr)},
      this.data,
      engine
    );
    this.spec = run.spec;
    this.loop = run.loop;
  }

  get epoch(): number {
    return this.loop.epoch;
  }

  get finished(): boolean {
    return this.diverged !== undefined || this.loop.epoch >= this.job.epochs;
  }

  get status(): JobStatus {
    return this.diverged ? "diverged" : this.loop.epoch >= this.job.epochs ? "done" : "training";
  }

  /** Trains whole epochs until `budgetMs` has passed (at least one epoch), or the job ends. */
  advance(budgetMs: number, now: () => number = () => performance.now()): JobStatus {
    const end = now() + budgetMs;
    do {
      if (this.finished) break;
      const loss = this.loop.runEpoch();
      if (!Number.isFinite(loss)) {
        this.diverged =
          `The loss became ${loss} in epoch ${this.loop.epoch} (${this.job.optimizer}, learning rate ${this.job.lr}, batch size ${this.job.batchSize}). ` +
          "Lower the learning rate or enlarge the batch and train again; the figures keep the last finite state.";
      }
    } while (now() < end);
    return this.status;
  }

  /** Where the job stands, with the epoch losses since the previous report. */
  report(): JobReport {
    const newEpochLosses = this.loop.epochLosses.slice(this.reported);
    this.reported = this.loop.epochLosses.length;
    return {
      status: this.status,
      epoch: this.loop.epoch,
      epochs: this.job.epochs,
      examplesSeen: this.loop.examplesSeen,
      newEpochLosses,
      message: this.diverged
    };
  }

  /** Codes, grid, decoder curve and MSE at the current parameters; undefined if they are not finite. */
  view(options: ViewOptions): StateView | undefined {
    const params = this.loop.engine.getParams();
    if (!params.every(Number.isFinite)) return undefined;
    return describeState(this.spec, params, this.data, options);
  }

  params(): Float64Array {
    return this.loop.engine.getParams();
  }

  dispose(): void {
    this.loop.engine.dispose();
  }
}
