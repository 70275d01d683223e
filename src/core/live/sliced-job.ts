/**
 * Training jobs driven in time slices: the part of the in-page training that has
 * nothing to do with workers or messages, so that it can be tested in Node.
 * `SlicedJob` is what every job kind shares: `advance(ms)` trains whole epochs
 * until the time budget is spent (at least one: `advance(0)` is a single step of
 * one epoch), `report()` says what happened since the last report, and a
 * non-finite loss ends the job with a message naming the epoch. `TrainJob` is the
 * autoencoder kind; `playground/job.ts` is the playground kind; `jobs.ts` names them.
 */
import type {StateView} from "../autoencoder/snapshot.js";
import {describeState, sheetData} from "../autoencoder/snapshot.js";
import type {MeasuredRun} from "../autoencoder/decoder-verdicts.js";
import {measureRun} from "../autoencoder/decoder-verdicts.js";
import {pca2} from "../autoencoder/pca.js";
import type {AutoencoderSpec} from "../autoencoder/models.js";
import {reconstructionMse} from "../autoencoder/models.js";
import type {EngineOptions} from "../engine/engine.js";
import {adam, sgd} from "../engine/problem.js";
import type {RetrainJob} from "../settings/retrain.js";
import {startAutoencoder} from "../autoencoder/run.js";
import {SHEET_SETUP} from "../autoencoder/setup.js";
import type {TrainingLoop} from "../engine/train.js";

export interface ViewOptions {
  readonly grid: {
    readonly rect: {readonly x: readonly [number, number]; readonly y: readonly [number, number]};
    readonly nx: number;
    readonly ny: number;
  };
  readonly curvePoints: number;
  readonly curveMargin: number;
  /** Also send the parameters with every view (a page that offers them for download). */
  readonly params?: boolean;
  /**
   * At the end of the run, also measure it as the published runs were measured
   * (`measureRun`'s analysis: decoder pieces, turns, correlations), in the worker,
   * so the page need not do it on its main thread.
   */
  readonly analysis?: boolean;
}

/** A view of an autoencoder job: what the figures draw, and its parameters when asked for. */
export type TrainView = StateView & {readonly params?: number[]};

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
  /** The epoch the job ends at (Infinity: it runs until stopped). */
  readonly epochs: number;
  readonly examplesSeen: number;
  /** Losses recorded since the previous report (what one loss means depends on the job kind). */
  readonly newEpochLosses: number[];
  /** Test losses recorded since the previous report, for kinds that have a test set. */
  readonly newTestLosses?: number[];
  /** Full-data checkpoints since the previous report (autoencoder jobs with `evalEvery` only). */
  readonly newCheckpoints?: Checkpoint[];
  /** Set when status is "diverged". */
  readonly message?: string;
}

export abstract class SlicedJob<Options, View> {
  private reported = 0;
  private diverged: string | undefined;

  /** The epoch the job ends at (Infinity: it runs until stopped). */
  abstract readonly epochs: number;
  abstract get epoch(): number;
  abstract get examplesSeen(): number;
  /** Trains one epoch and returns a loss that is not finite if training diverged. */
  protected abstract trainEpoch(): number;
  /** What to tell the reader when the loss became `loss`. */
  protected abstract divergenceMessage(loss: number): string;
  /** Every loss recorded so far, and every test loss if the kind has them (same length). */
  protected abstract recorded(): {readonly train: readonly number[]; readonly test?: readonly number[]};
  /** What the figures draw at the current parameters; undefined if it is not finite. */
  abstract view(options: Options): View | undefined;
  abstract dispose(): void;
  /** Called after every epoch (a kind may record something there). */
  protected afterEpoch(): void {}
  /** What a kind measures once at the end, from the final view (if `options` ask for it). */
  summary?(view: View, options: Options): unknown;

  get finished(): boolean {
    return this.diverged !== undefined || this.epoch >= this.epochs;
  }

  get status(): JobStatus {
    return this.diverged ? "diverged" : this.epoch >= this.epochs ? "done" : "training";
  }

  /** Trains whole epochs until `budgetMs` has passed (at least one epoch), or the job ends. */
  advance(budgetMs: number, now: () => number = () => performance.now()): JobStatus {
    const end = now() + budgetMs;
    do {
      if (this.finished) break;
      const loss = this.trainEpoch();
      this.afterEpoch();
      if (!Number.isFinite(loss)) this.diverged = this.divergenceMessage(loss);
    } while (now() < end);
    return this.status;
  }

  /** Where the job stands, with the losses since the previous report. */
  report(): JobReport {
    const {train, test} = this.recorded();
    const from = this.reported;
    this.reported = train.length;
    return {
      status: this.status,
      epoch: this.epoch,
      epochs: this.epochs,
      examplesSeen: this.examplesSeen,
      newEpochLosses: train.slice(from),
      newTestLosses: test?.slice(from),
      message: this.diverged
    };
  }
}

/** An autoencoder of exercise 1; one loss per epoch: the mean of its step losses. */
export class TrainJob extends SlicedJob<ViewOptions, StateView> {
  readonly job: RetrainJob;
  readonly spec: AutoencoderSpec;
  readonly data: Float64Array;
  readonly epochs: number;
  private readonly loop: TrainingLoop;
  private reportedCheckpoints = 0;
  private nextCheckpoint = 0;
  /** Full-data MSE at the start and every `job.evalEvery` examples. */
  readonly checkpoints: Checkpoint[] = [];

  constructor(job: RetrainJob, engine: EngineOptions = {}) {
    super();
    this.job = job;
    this.epochs = job.epochs;
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
    this.afterEpoch();
  }

  /** Records the full-data MSE if the examples seen reached the next multiple of `evalEvery`, and at the end. */
  protected afterEpoch(): void {
    const every = this.job.evalEvery;
    if (!every) return;
    const atEnd =
      this.loop.epoch >= this.job.epochs &&
      this.checkpoints[this.checkpoints.length - 1]?.examples !== this.loop.examplesSeen;
    if (this.loop.examplesSeen < this.nextCheckpoint && !atEnd) return;
    const mse = reconstructionMse(this.spec, this.loop.engine.getParams(), this.data, this.data.length / 2);
    this.checkpoints.push({examples: this.loop.examplesSeen, updates: this.loop.stepLosses.length, mse});
    while (this.nextCheckpoint <= this.loop.examplesSeen) this.nextCheckpoint += every;
  }

  report(): JobReport & {readonly newCheckpoints: Checkpoint[]} {
    const newCheckpoints = this.checkpoints.slice(this.reportedCheckpoints);
    this.reportedCheckpoints = this.checkpoints.length;
    return {...super.report(), newCheckpoints};
  }

  get epoch(): number {
    return this.loop.epoch;
  }

  get examplesSeen(): number {
    return this.loop.examplesSeen;
  }

  protected trainEpoch(): number {
    return this.loop.runEpoch();
  }

  protected divergenceMessage(loss: number): string {
    return (
      `The loss became ${loss} in epoch ${this.loop.epoch} (${this.job.optimizer}, learning rate ${this.job.lr}, batch size ${this.job.batchSize}). ` +
      "Lower the learning rate or enlarge the batch and train again; the figures keep the last finite state."
    );
  }

  protected recorded(): {train: readonly number[]} {
    return {train: this.loop.epochLosses};
  }

  /** Codes, grid, decoder curve and MSE at the current parameters; undefined if they are not finite. */
  view(options: ViewOptions): TrainView | undefined {
    const params = this.loop.engine.getParams();
    if (!params.every(Number.isFinite)) return undefined;
    const view = describeState(this.spec, params, this.data, options);
    return options.params ? {...view, params: Array.from(params)} : view;
  }

  params(): Float64Array {
    return this.loop.engine.getParams();
  }

  /**
   * With `options.analysis`: the run measured by the very function a page would
   * call on the reader's parameters and this view (`measureRun`: the analysis and
   * the verdicts' measures), so the numbers are the same bits wherever it runs.
   */
  summary(view: StateView, options: ViewOptions): MeasuredRun | undefined {
    if (!options.analysis) return undefined;
    const run = {hidden: this.job.hidden, linear: this.job.linear, seed: this.job.seed};
    const n = this.data.length / 2;
    return measureRun({...run, params: this.params(), finalView: view}, this.data, pca2(this.data, n));
  }

  dispose(): void {
    this.loop.engine.dispose();
  }
}
