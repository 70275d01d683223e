/**
 * Key figures of exercise 1 (h): full batch against mini-batches, per method and
 * learning rate. Per-seed values follow the entry's own `seeds`; a null final MSE
 * is a run that diverged and was stopped.
 */
import {GD_SGD_PLAN, OPTIMIZERS, PROBLEMS, problemOf} from "../../../core/exercises/h/gd-sgd.js";
import type {GdSgdCurve, OptimizerKind, Reading} from "../../../core/exercises/h/gd-sgd.js";
import {optimizerVerdict} from "../../../core/exercises/h/verdicts.js";
import {gdSgd} from "../experiments.js";

export interface GdSgdEntry {
  optimizer: OptimizerKind;
  batchSize: number;
  learningRate: number;
  examplesSeen: number;
  seeds: number[];
  finalMse: (number | null)[];
}

export interface GdSgdSummary {
  /** (h), frozen-decoder reading, at the shared learning rates. */
  gdVsSgd: GdSgdEntry[];
  /** (h), whole-autoencoder reading: every learning rate of the sweep. */
  gdVsSgdAutoencoder: (GdSgdEntry & {model: "small" | "big"})[];
  /** (h), both readings: every method at its own best learning rate (lowest median final MSE). */
  gdVsSgdTuned: {
    reading: Reading;
    model: "small" | "big";
    optimizer: OptimizerKind;
    batchSize: number;
    bestLearningRate: number | null;
    seeds: number[];
    finalMse: (number | null)[];
  }[];
}

/** Curves of one method at one learning rate, as a summary entry. */
function entryOf(curves: readonly GdSgdCurve[]): GdSgdEntry {
  const [first] = curves;
  const examples = new Set(curves.filter((c) => !c.diverged).map((c) => c.examplesSeen));
  if (examples.size > 1)
    throw new Error(
      `${first.problem} ${first.optimizer} ${first.batchSize} ${first.learningRate}: seeds saw different numbers of examples`
    );
  const sorted = [...curves].sort((a, b) => a.seed - b.seed);
  return {
    optimizer: first.optimizer,
    batchSize: first.batchSize,
    learningRate: first.learningRate,
    examplesSeen: [...examples][0] ?? GD_SGD_PLAN.budget,
    seeds: sorted.map((c) => c.seed),
    finalMse: sorted.map((c) => c.finalMse)
  };
}

export async function gdSgdSummary(): Promise<GdSgdSummary> {
  const gd = await gdSgd();
  const plan = gd.plan;
  const group = (problem: string, optimizer: OptimizerKind, batchSize: number, lr: number) =>
    gd.curves.filter(
      (c) =>
        c.problem === problem &&
        c.optimizer === optimizer &&
        c.batchSize === batchSize &&
        c.learningRate === lr
    );
  const sizes = [plan.fullBatch, plan.miniBatch];
  const gdVsSgd = OPTIMIZERS.flatMap((o) =>
    sizes.map((b) => entryOf(group("frozen-decoder", o, b, plan.sharedLr[o])))
  );
  const gdVsSgdAutoencoder = PROBLEMS.filter((p) => p.reading === "autoencoder").flatMap((p) =>
    OPTIMIZERS.flatMap((o) =>
      sizes.flatMap((b) =>
        plan.learningRates[o].map((lr) => ({model: p.model, ...entryOf(group(p.key, o, b, lr))}))
      )
    )
  );
  const gdVsSgdTuned = PROBLEMS.flatMap((p) =>
    OPTIMIZERS.flatMap((o) => {
      const v = optimizerVerdict(gd.curves, p.key, o, plan, plan.sharedLr[o], gd.stepCost[p.key][o]);
      return [v.full, v.mini].map((side) => {
        const at = side.sweep.find((s) => s.learningRate === side.bestLearningRate);
        return {
          reading: problemOf(p.key).reading,
          model: p.model,
          optimizer: o,
          batchSize: side.batchSize,
          bestLearningRate: side.bestLearningRate ?? null,
          seeds: at?.seeds ?? [],
          finalMse: at?.finalMse ?? []
        };
      });
    })
  );
  return {gdVsSgd, gdVsSgdAutoencoder, gdVsSgdTuned};
}
