/**
 * Exercise 1 (h): gradient descent against stochastic gradient descent, on both
 * readings of "the above problem": the encoder of (g) retrained under its frozen
 * decoder, and the whole autoencoder trained as in (b) (small and big, from the
 * published initialisations). Full batch (every point in every update) against
 * mini-batches, with the same optimiser, learning rate, start and budget of
 * training examples on both sides, so that the batch size is the only
 * difference; the loss is the full-data MSE at regular intervals of examples.
 * Each method is swept over learning rates (see `GD_SGD_PLAN`).
 */
import {SHEET_HIDDEN} from "../../autoencoder/models.js";
import {PUBLISHED_SEED_FIELD, encoderRetrainJob} from "../fg/config.js";
import {trainThrough} from "../fg/train-through.js";
import type {Divergence} from "../fg/train-through.js";
import type {SweepRun} from "../fg/encoder-retrain.js";
import type {Field} from "../../settings/fields.js";
import type {RetrainJob} from "../../settings/retrain.js";
import {sig} from "../../format/round.js";
import {SHEET_SETUP} from "../../autoencoder/setup.js";
import type {Checkpoint} from "../../live/sliced-job.js";
import {stepsPerEpoch} from "../../engine/train.js";

export type OptimizerKind = "sgd" | "adam";
export const OPTIMIZERS: readonly OptimizerKind[] = ["sgd", "adam"];

/** The two readings of "the above problem", and the networks each trains. */
export type Reading = "frozenDecoder" | "autoencoder";
export type ProblemKey = "frozen-decoder" | "whole-small" | "whole-big";

export interface Problem {
  readonly key: ProblemKey;
  readonly reading: Reading;
  readonly model: "small" | "big";
}

export const PROBLEMS: readonly Problem[] = [
  {key: "frozen-decoder", reading: "frozenDecoder", model: "big"},
  {key: "whole-small", reading: "autoencoder", model: "small"},
  {key: "whole-big", reading: "autoencoder", model: "big"}
];

/** How the report names each problem. */
export const PROBLEM_TITLES: Readonly<Record<string, string>> = {
  "frozen-decoder": "frozen decoder of (g), big model",
  "whole-small": "whole autoencoder, small",
  "whole-big": "whole autoencoder, big"
};

export function problemOf(key: string): Problem {
  const p = PROBLEMS.find((q) => q.key === key);
  if (!p) throw new RangeError(`unknown problem ${key}`);
  return p;
}

export interface GdSgdPlan {
  /** Training examples every run sees (the equal budget). */
  readonly budget: number;
  /** Full-data MSE every this many examples. */
  readonly evalEvery: number;
  /** The full batch: every point of the data set. */
  readonly fullBatch: number;
  readonly miniBatch: number;
  /** Learning rates swept per optimiser, ascending (the same for both batch sizes and every problem). */
  readonly learningRates: Readonly<Record<OptimizerKind, readonly number[]>>;
  /** The learning rate both sides share in the untuned comparison. */
  readonly sharedLr: Readonly<Record<OptimizerKind, number>>;
  /** Published seeds trained per problem. */
  readonly seeds: Readonly<Record<ProblemKey, readonly number[]>>;
}

/**
 * The sizes that fit the build's time budget with the WebAssembly step (README, "What
 * the loaders cost"). The budget is the smallest multiple of both epochs
 * (100 and 96 examples) of at least the sheet's 1000 epochs of 100 points.
 */
export const GD_SGD_PLAN: GdSgdPlan = {
  budget: 100_800,
  evalEvery: 2400,
  fullBatch: SHEET_SETUP.n,
  miniBatch: SHEET_SETUP.batchSize,
  learningRates: {adam: [1e-3, 3e-3, 1e-2, 3e-2, 0.1], sgd: [0.01, 0.03, 0.1, 0.3, 1]},
  sharedLr: {adam: SHEET_SETUP.lr, sgd: 0.1},
  seeds: {"frozen-decoder": [0, 1, 2], "whole-small": [0, 1, 2], "whole-big": [0, 1, 2]}
};

/** The page's controls: the problem, the published seed, the mini-batch size, both learning rates, the budget. */
export const GD_SGD_FIELDS: readonly Field[] = [
  {
    key: "problem",
    label: "problem",
    kind: "enum",
    options: PROBLEMS.map((p) => p.key),
    value: PROBLEMS[0].key,
    labels: PROBLEM_TITLES
  },
  PUBLISHED_SEED_FIELD,
  {
    key: "batch",
    label: "mini-batch size",
    kind: "int",
    min: 1,
    max: SHEET_SETUP.n - 1,
    value: GD_SGD_PLAN.miniBatch
  },
  {
    key: "sgdLr",
    label: "learning rate (SGD)",
    kind: "number",
    min: 1e-4,
    max: 1,
    value: GD_SGD_PLAN.sharedLr.sgd,
    log: true
  },
  {
    key: "adamLr",
    label: "learning rate (Adam)",
    kind: "number",
    min: 1e-5,
    max: 0.1,
    value: GD_SGD_PLAN.sharedLr.adam,
    log: true
  },
  {
    key: "budget",
    label: "examples seen (thousands)",
    kind: "number",
    min: 1,
    max: 200,
    value: GD_SGD_PLAN.budget / 1000
  }
];

export type CurveAxis = "examples" | "updates" | "time";

/** How the learning curves are shown (not a training setting). */
export const GD_SGD_AXIS: Field = {
  key: "axis",
  label: "x axis",
  kind: "enum",
  options: ["examples", "updates", "time"],
  value: "examples"
};

/** Epochs of batch size `batchSize` (last incomplete batch dropped) needed to see at least `budget` examples. */
export function epochsFor(budget: number, batchSize: number, n: number = SHEET_SETUP.n): number {
  return Math.ceil(budget / (stepsPerEpoch(n, batchSize) * batchSize));
}

/** One run of the comparison: which problem, which start, which method. */
export interface RunSettings {
  readonly problem: ProblemKey;
  readonly seed: number;
  readonly optimizer: OptimizerKind;
  readonly batchSize: number;
  readonly lr: number;
  readonly budget: number;
  readonly evalEvery: number;
}

/**
 * The training job of one run. The frozen-decoder reading starts from the published
 * big autoencoder `weights` of `seed` with the fresh encoder of (g) (draw 0); the
 * whole-autoencoder reading starts from the initialisation the published run of
 * `seed` started from (the same stream draws it), as in (b).
 */
export function gdSgdJob(s: RunSettings, weights?: readonly number[]): RetrainJob {
  const {reading, model} = problemOf(s.problem);
  const epochs = epochsFor(s.budget, s.batchSize);
  if (reading === "frozenDecoder") {
    if (!weights) throw new Error("the frozen-decoder reading needs the published weights");
    return encoderRetrainJob(
      s.seed,
      weights,
      {epochs, batchSize: s.batchSize, lr: s.lr, init: SHEET_SETUP.init, draw: 0, evalEvery: s.evalEvery},
      s.optimizer
    );
  }
  return {
    model,
    hidden: [...SHEET_HIDDEN[model]],
    linear: false,
    seed: s.seed,
    lr: s.lr,
    epochs,
    batchSize: s.batchSize,
    init: SHEET_SETUP.init,
    optimizer: s.optimizer,
    evalEvery: s.evalEvery
  };
}

export interface GdSgdCurve {
  readonly problem: ProblemKey;
  readonly seed: number;
  readonly optimizer: OptimizerKind;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Examples and updates at the end of the budget (or where a diverged run was stopped). */
  readonly examplesSeen: number;
  readonly updates: number;
  /** Full-data MSE at the end of the budget; null if the run diverged. */
  readonly finalMse: number | null;
  readonly diverged: Divergence | null;
  readonly checkpoints: Checkpoint[];
}

function curveOf(
  s: RunSettings,
  checkpoints: readonly Checkpoint[],
  diverged: Divergence | null
): GdSgdCurve {
  const last = checkpoints[checkpoints.length - 1];
  return {
    problem: s.problem,
    seed: s.seed,
    optimizer: s.optimizer,
    batchSize: s.batchSize,
    learningRate: s.lr,
    examplesSeen: diverged ? diverged.examples : last.examples,
    updates: diverged ? diverged.updates : last.updates,
    finalMse: diverged ? null : sig(last.mse, 6),
    diverged,
    checkpoints: checkpoints.map((c) => ({...c, mse: sig(c.mse, 6)}))
  };
}

/** One learning curve: trains the run to the end of its budget (or until it diverges). */
export function gdSgdRun(s: RunSettings, weights?: readonly number[]): GdSgdCurve {
  const {checkpoints, diverged} = trainThrough(gdSgdJob(s, weights), []);
  const last = checkpoints[checkpoints.length - 1];
  if (!diverged && last.examples < s.budget)
    throw new Error(`the last checkpoint (${last.examples}) is not at the end of the budget (${s.budget})`);
  return curveOf(s, checkpoints, diverged);
}

/**
 * The same curve read off a longer run of the (g) sweep with identical settings:
 * training does not depend on how many epochs follow or how often the loss is
 * measured, so the first epochs of a long run are the short run. Returns
 * undefined unless the settings coincide and the sweep run got past the budget.
 */
export function curveFromSweep(
  s: RunSettings,
  run: SweepRun,
  sweepBatchSize: number
): GdSgdCurve | undefined {
  const same =
    s.problem === "frozen-decoder" &&
    s.optimizer === "adam" &&
    s.batchSize === sweepBatchSize &&
    s.lr === run.learningRate &&
    s.seed === run.seed;
  if (!same) return undefined;
  const end = epochsFor(s.budget, s.batchSize) * stepsPerEpoch(SHEET_SETUP.n, s.batchSize) * s.batchSize;
  if (run.diverged && run.diverged.examples <= end) return undefined;
  const points = run.checkpoints.filter((c) => c.examples <= end && c.examples % s.evalEvery === 0);
  if (points[points.length - 1]?.examples !== end) return undefined;
  return curveOf(s, points, null);
}

/** Every run the plan trains or reads: problem × optimiser × batch size × learning rate × seed. */
export function planRuns(plan: GdSgdPlan): RunSettings[] {
  return PROBLEMS.flatMap((p) =>
    OPTIMIZERS.flatMap((optimizer) =>
      [plan.fullBatch, plan.miniBatch].flatMap((batchSize) =>
        plan.learningRates[optimizer].flatMap((lr) =>
          plan.seeds[p.key].map((seed) => ({
            problem: p.key,
            seed,
            optimizer,
            batchSize,
            lr,
            budget: plan.budget,
            evalEvery: plan.evalEvery
          }))
        )
      )
    )
  );
}

/** Modelled wall time of a run: a cost per update plus a cost per example (see step-cost.ts). */
export interface StepCost {
  readonly perUpdateMs: number;
  readonly perExampleMs: number;
}

export function modelledMs(cost: StepCost, updates: number, examples: number): number {
  return cost.perUpdateMs * updates + cost.perExampleMs * examples;
}
