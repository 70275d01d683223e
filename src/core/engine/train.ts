/**
 * The training loop, written once for every caller: epochs of shuffled
 * mini-batches (PyTorch's `DataLoader(shuffle=True, drop_last=True)` by default),
 * one `StepEngine.step` per batch, every step's loss recorded. It runs one epoch
 * at a time so that a loader can loop to the end while the worker yields between
 * epochs, reports progress and can be stopped.
 */
import type {Rng} from "./random.js";
import type {StepEngine} from "./problem.js";

export interface LoopOptions {
  readonly batchSize: number;
  /** Reshuffle the rows at the start of every epoch (default true). */
  readonly shuffle?: boolean;
  /** Drop the last incomplete batch of an epoch (default true). */
  readonly dropLast?: boolean;
  /**
   * Keep the last incomplete batch and add its rows to the first batch of the
   * next epoch (default false; overrides dropLast). This is the TensorFlow
   * Playground's rule: it accumulates gradients point by point and updates after
   * every batchSize-th point of an epoch, so the rows left at the end of an epoch
   * join the next epoch's first update.
   */
  readonly carryLast?: boolean;
}

export function stepsPerEpoch(n: number, batchSize: number, dropLast = true): number {
  return dropLast ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
}

export class TrainingLoop {
  readonly engine: StepEngine;
  readonly n: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  readonly carryLast: boolean;
  readonly stepsPerEpoch: number;
  /** Epochs completed so far. */
  epoch = 0;
  /** Rows seen so far (the sheet's fair axis for comparing batch sizes). */
  examplesSeen = 0;
  /** Loss of every step, in order. */
  readonly stepLosses: number[] = [];
  /** Mean step loss of every completed epoch. */
  readonly epochLosses: number[] = [];
  private readonly rng: Rng;
  private readonly order: Int32Array;
  /** carryLast: rows left over from the previous epoch, then room for one batch. */
  private readonly carried: Int32Array;
  private carriedCount = 0;

  constructor(engine: StepEngine, rng: Rng, options: LoopOptions) {
    const {n} = engine.problem;
    const {batchSize} = options;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > n) {
      throw new RangeError(`batch size must be an integer in [1, ${n}], got ${batchSize}`);
    }
    this.engine = engine;
    this.n = n;
    this.batchSize = batchSize;
    this.shuffle = options.shuffle ?? true;
    this.carryLast = options.carryLast ?? false;
    this.dropLast = this.carryLast || (options.dropLast ?? true);
    this.stepsPerEpoch = stepsPerEpoch(n, batchSize, this.dropLast);
    this.rng = rng;
    this.order = Int32Array.from({length: n}, (_, i) => i);
    this.carried = new Int32Array(this.carryLast ? 2 * batchSize : 0);
  }

  /** Rows waiting to join the next epoch's first batch (carryLast only). */
  get pendingRows(): number {
    return this.carriedCount;
  }

  /** Runs one epoch and returns its mean step loss (NaN if any step diverged). */
  runEpoch(): number {
    const {order, batchSize, n} = this;
    if (this.shuffle) this.rng.shuffle(order);
    let sum = 0;
    for (let s = 0; s < this.stepsPerEpoch; ++s) {
      const start = s * batchSize;
      let rows = order.subarray(start, start + Math.min(batchSize, n - start));
      if (s === 0 && this.carriedCount > 0) {
        this.carried.set(rows, this.carriedCount);
        rows = this.carried.subarray(0, this.carriedCount + rows.length);
      }
      const count = rows.length;
      const loss = this.engine.step(rows, count);
      this.stepLosses.push(loss);
      this.examplesSeen += count;
      sum += loss;
    }
    if (this.carryLast) {
      this.carriedCount = n - this.stepsPerEpoch * batchSize;
      this.carried.set(order.subarray(n - this.carriedCount));
    }
    const mean = sum / this.stepsPerEpoch;
    this.epochLosses.push(mean);
    ++this.epoch;
    return mean;
  }
}
