/**
 * The key figures of the report, one object with a key per exercise (exercise 1
 * (e)-(h) in summary-ex1-eh.ts); every value is read from a computed result.
 */
import {MODEL_NAMES} from "../../core/autoencoder/models.js";
import {architectureName} from "../../core/playground/settings.js";
import {autoencoderSnapshot, memorizationStudy, regularizationStudy, spiralStudy} from "./experiments.js";
import {ex1EhSummary} from "./summary-ex1-eh.js";
import type {Ex1EhSummary} from "./summary-ex1-eh.js";

export interface ModelSummary {
  params: number;
  /** Full-data MSE after training, one per seed in the order of ex1.seeds. */
  finalMse: number[];
  /** The exact PCA optimum λ_min / 2, one per seed (the data set is shared, so the values agree). */
  optimumMse?: number[];
}

export interface LossSummary {
  trainLoss: number;
  testLoss: number;
}

export interface WeightSummary extends LossSummary {
  /** Fraction of the weights (biases excluded) that are exactly 0. */
  zeroWeightFraction: number;
  meanAbsWeight: number;
}

export interface Summary {
  ex1: {
    seeds: number[];
    models: Record<string, ModelSummary>;
  } & Ex1EhSummary;
  bonus: {
    /** (a) The architecture that classifies the spiral from X₁ and X₂, on the default seed. */
    spiral: LossSummary & {architecture: string; medianTestLoss: number};
    /** (b) The 6 × 8 network on one data set and seed, three ways. */
    regularization: Record<"none" | "l1" | "l2", WeightSummary>;
    /** (c) Memorising noise: one entry per seed. */
    memorization: {
      noise: number;
      trainRatio: number;
      seeds: number[];
      trainLoss: number[];
      testLoss: number[];
    };
  };
}

async function bonusSummary(): Promise<Summary["bonus"]> {
  const [spiral, reg, memo] = await Promise.all([spiralStudy(), regularizationStudy(), memorizationStudy()]);
  const winner = spiral.candidates.find((c) => c.name === spiral.winner)!;
  const {settings, trainLoss, testLoss} = winner.run;
  const weights = (kind: "none" | "l1" | "l2"): WeightSummary => {
    const r = reg.runs[kind];
    return {
      trainLoss: r.trainLoss,
      testLoss: r.testLoss,
      zeroWeightFraction: r.final.stats.zeroFraction,
      meanAbsWeight: r.final.stats.meanAbs
    };
  };
  const first = memo.runs[0].settings;
  return {
    spiral: {
      architecture: architectureName(settings),
      trainLoss,
      testLoss,
      medianTestLoss: winner.medianTestLoss
    },
    regularization: {none: weights("none"), l1: weights("l1"), l2: weights("l2")},
    memorization: {
      noise: first.noise,
      trainRatio: first.trainRatio,
      seeds: memo.runs.map((r) => r.settings.seed),
      trainLoss: memo.runs.map((r) => r.trainLoss),
      testLoss: memo.runs.map((r) => r.testLoss)
    }
  };
}

export async function buildSummary(): Promise<Summary> {
  const snap = await autoencoderSnapshot();
  const seeds = [...snap.config.seeds];
  const models: Record<string, ModelSummary> = {};
  for (const name of MODEL_NAMES) {
    const model = snap.models[name];
    if (!model) throw new Error(`the snapshot has no model ${name}`);
    const bySeed = new Map(model.runs.map((r) => [r.seed, r.final.mse]));
    models[name] = {
      params: model.params,
      finalMse: seeds.map((s) => {
        const mse = bySeed.get(s);
        if (mse === undefined) throw new Error(`no run of ${name} for seed ${s}`);
        return mse;
      })
    };
  }
  models.pca.optimumMse = seeds.map(() => snap.pca.optimumMse);
  return {ex1: {seeds, models, ...(await ex1EhSummary(seeds))}, bonus: await bonusSummary()};
}
