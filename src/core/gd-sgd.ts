/**
 * Exercise 1 (h): gradient descent against stochastic gradient descent on the
 * problem of (f)/(g): retraining the encoder of the big autoencoder with its
 * decoder frozen. Full batch (every point in every update) against mini-batches,
 * with the same optimiser, learning rate, fresh encoder and budget of training
 * examples on both sides, so that the batch size is the only difference. The
 * loss is the full-data MSE at regular intervals of examples seen.
 */
import {encoderRetrainJob} from "./encoder-retrain.js";
import type {EncoderRetrainRun} from "./encoder-retrain.js";
import {runJob} from "./encoder-retrain.js";
import type {Field} from "./fields.js";
import type {RetrainJob} from "./retrain.js";
import {sig} from "./round.js";
import {SEEDS, SHEET_SETUP} from "./setup.js";
import type {Checkpoint} from "./train-job.js";
import {stepsPerEpoch} from "./train.js";

export type OptimizerKind = "sgd" | "adam";

export interface GdSgdConfig {
  /** Training examples every run sees (the equal budget). */
  readonly budget: number;
  readonly evalEvery: number;
  /** The full batch: every point of the data set. */
  readonly fullBatch: number;
  readonly miniBatch: number;
  readonly lr: Readonly<Record<OptimizerKind, number>>;
  readonly draw: number;
}

export const DEFAULT_GD_SGD: GdSgdConfig = {
  budget: 48000,
  evalEvery: 480,
  fullBatch: SHEET_SETUP.n,
  miniBatch: SHEET_SETUP.batchSize,
  lr: {sgd: 0.1, adam: SHEET_SETUP.lr},
  draw: 0
};

export const OPTIMIZERS: readonly OptimizerKind[] = ["sgd", "adam"];

/** The page's controls: the published seed, the mini-batch size, both learning rates, the budget. */
export const GD_SGD_FIELDS: readonly Field[] = [
  {key: "seed", label: "published seed", kind: "int", min: SEEDS[0], max: SEEDS[SEEDS.length - 1], value: SEEDS[0]},
  {key: "batch", label: "mini-batch size", kind: "int", min: 1, max: SHEET_SETUP.n - 1, value: DEFAULT_GD_SGD.miniBatch},
  {key: "sgdLr", label: "learning rate (SGD)", kind: "number", min: 1e-4, max: 1, value: DEFAULT_GD_SGD.lr.sgd, log: true},
  {key: "adamLr", label: "learning rate (Adam)", kind: "number", min: 1e-5, max: 0.1, value: DEFAULT_GD_SGD.lr.adam, log: true},
  {key: "budget", label: "examples seen (thousands)", kind: "int", min: 1, max: 200, value: DEFAULT_GD_SGD.budget / 1000}
];

export type CurveAxis = "examples" | "updates" | "time";

/** How the learning curves are shown (not a training setting). */
export const GD_SGD_AXIS: Field = {key: "axis", label: "x axis", kind: "enum", options: ["examples", "updates", "time"], value: "examples"};

/** Epochs of batch size `batchSize` (last incomplete batch dropped) needed to see at least `budget` examples. */
export function epochsFor(budget: number, batchSize: number, n: number = SHEET_SETUP.n): number {
  return Math.ceil(budget / (stepsPerEpoch(n, batchSize) * batchSize));
}

export function gdSgdJob(seed: number, weights: readonly number[], optimizer: OptimizerKind, batchSize: number, config: GdSgdConfig): RetrainJob {
  return encoderRetrainJob(
    seed,
    weights,
    {epochs: epochsFor(config.budget, batchSize), batchSize, lr: config.lr[optimizer], init: SHEET_SETUP.init, draw: config.draw, evalEvery: config.evalEvery},
    optimizer
  );
}

export interface GdSgdCurve {
  readonly seed: number;
  readonly optimizer: OptimizerKind;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly examplesSeen: number;
  readonly updates: number;
  readonly finalMse: number;
  readonly checkpoints: Checkpoint[];
}

function curveOf(job: RetrainJob, optimizer: OptimizerKind, seed: number, checkpoints: readonly Checkpoint[]): GdSgdCurve {
  const last = checkpoints[checkpoints.length - 1];
  return {
    seed,
    optimizer,
    batchSize: job.batchSize,
    learningRate: job.lr,
    examplesSeen: last.examples,
    updates: last.updates,
    finalMse: sig(last.mse, 6),
    checkpoints: checkpoints.map((c) => ({...c, mse: sig(c.mse, 6)}))
  };
}

/** One learning curve: trains the job to the end of its budget. */
export function gdSgdRun(seed: number, weights: readonly number[], optimizer: OptimizerKind, batchSize: number, config: GdSgdConfig = DEFAULT_GD_SGD): GdSgdCurve {
  const job = gdSgdJob(seed, weights, optimizer, batchSize, config);
  const {checkpoints, examplesSeen} = runJob(job);
  const finalIsRecorded = checkpoints[checkpoints.length - 1].examples === examplesSeen;
  if (!finalIsRecorded) throw new Error(`the last checkpoint (${checkpoints[checkpoints.length - 1].examples}) is not at the end (${examplesSeen})`);
  return curveOf(job, optimizer, seed, checkpoints);
}

/**
 * The same curve read off a longer run of exercise 1 (g) with identical settings:
 * training does not depend on how many epochs follow, so the first epochs of a
 * long run are the short run. Returns undefined if the settings differ.
 */
export function curveFromRetrain(run: EncoderRetrainRun, job: RetrainJob, retrainJob: RetrainJob, config: GdSgdConfig): GdSgdCurve | undefined {
  const same =
    job.seed === retrainJob.seed &&
    job.lr === retrainJob.lr &&
    job.batchSize === retrainJob.batchSize &&
    job.optimizer === retrainJob.optimizer &&
    job.init === retrainJob.init &&
    job.evalEvery === retrainJob.evalEvery &&
    job.epochs <= retrainJob.epochs;
  if (!same) return undefined;
  const end = job.epochs * stepsPerEpoch(SHEET_SETUP.n, job.batchSize) * job.batchSize;
  const points = run.checkpoints.filter((c) => c.examples <= end);
  if (points[points.length - 1]?.examples !== end || end < config.budget) return undefined;
  return curveOf(job, job.optimizer, run.seed, points);
}

/** Modelled wall time of a run: a cost per update plus a cost per example (see step-cost.ts). */
export interface StepCost {
  readonly perUpdateMs: number;
  readonly perExampleMs: number;
}

export function modelledMs(cost: StepCost, updates: number, examples: number): number {
  return cost.perUpdateMs * updates + cost.perExampleMs * examples;
}
