/** Key figures of bonus exercise 2 (a)–(c), on the published seeds. */
import {architectureName} from "../../../core/playground/settings.js";
import {memorizationStudy, regularizationStudy, spiralStudy} from "../experiments.js";

export interface LossSummary {
  trainLoss: number;
  testLoss: number;
}

export interface WeightSummary extends LossSummary {
  /** Fraction of the weights (biases excluded) that are exactly 0. */
  zeroWeightFraction: number;
  meanAbsWeight: number;
}

export interface BonusSummary {
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
}

export async function bonusSummary(): Promise<BonusSummary> {
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
