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
import {reconstructionMse} from "./autoencoder.js";
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

/** The full-data MSE at one moment of training (not the noisy batch loss). */
export interface Checkpoint {
  /** Training examples seen so far. */
  readonly examples: number;
  /** Parameter updates so far. */
  readonly updates: number;
  readonly mse: number;
}

export interface JobReport {
  readonly status: JobStatus;
  readonly epoch: number;
  readonly epochs: number;
  readonly examplesSeen: number;
  /** Epoch losses since the previous report. */
  readonly newEpochLosses: number[];
  /** Checkpoints since the previous report (jobs with `evalEvery` only). */
  readonly newCheckpoints: Checkpoint[];
  /** Set when status is "diverged". */
  readonly message?: string;
}

export class TrainJob {
  readonly job: RetrainJob;
  readonly spec: AutoencoderSpec;
  readonly data: Float64Array;
  private readonly loop: TrainingLoop;
  private reported = 0;
  private reportedCheckpoints = 0;
  private nextCheckpoint = 0;
  private diverged: string | undefined;
  /** Full-data MSE at the start and every `job.evalEvery` examples. */
  readonly checkpoints: Checkpoint[] = [];

  constructor(job: RetrainJob, engine: EngineOptions = {}) {
    this.job = job;
    this.data = sheetData(SHEET_SETUP);
    const run = startAutoencoder(
      {
        hidden: job.hidden,
        linear: job.linear,
        seed: job.seed,
        batchSize: job.batchSize,
        init: job.init,
        optimizer: job.optimizer === "sgd" ? sgd(job.lr) : adam(job.lr),
        freezeDecoder: job.freezeDecoder,
        reinitEncoder: job.reinitEncoder
      },
      this.data,
      engine,
      job.initial ? Float64Array.from(job.initial) : undefined
    );
    this.spec = run.spec;
    this.loop = run.loop;
    this.checkpoint();
  }

  /** Records the full-data MSE if the examples seen reached the next multiple of `evalEvery`, and at the end. */
  private checkpoint(): void {
    const every = this.job.evalEvery;
    if (!every) return;
    const atEnd = this.loop.epoch >= this.job.epochs && this.checkpoints[this.checkpoints.length - 1]?.examples !== this.loop.examplesSeen;
    if (this.loop.examplesSeen < this.nextCheckpoint && !atEnd) return;
    const mse = reconstructionMse(this.spec, this.loop.engine.getParams(), this.data, this.data.length / 2);
    this.checkpoints.push({examples: this.loop.examplesSeen, updates: this.loop.stepLosses.length, mse});
    while (this.nextCheckpoint <= this.loop.examplesSeen) this.nextCheckpoint += every;
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
      this.checkpoint();
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
    const newCheckpoints = this.checkpoints.slice(this.reportedCheckpoints);
    this.reportedCheckpoints = this.checkpoints.length;
    return {
      status: this.status,
      epoch: this.loop.epoch,
      epochs: this.job.epochs,
      examplesSeen: this.loop.examplesSeen,
      newEpochLosses,
      newCheckpoints,
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
