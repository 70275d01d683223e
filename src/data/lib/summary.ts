/**
 * The key figures of the report in one object, `ex1` and `bonus`; each part's
 * figures come from its own module in summary/, read from computed results.
 */
import {bonusSummary} from "./summary/bonus.js";
import type {BonusSummary} from "./summary/bonus.js";
import {modelsSummary} from "./summary/ex1-b.js";
import type {ModelsSummary} from "./summary/ex1-b.js";
import {perfectSummary} from "./summary/ex1-e.js";
import type {PerfectSummary} from "./summary/ex1-e.js";
import {retrainSummary} from "./summary/ex1-g.js";
import type {RetrainSummary} from "./summary/ex1-g.js";
import {gdSgdSummary} from "./summary/ex1-h.js";
import type {GdSgdSummary} from "./summary/ex1-h.js";

export interface Summary {
  ex1: ModelsSummary & PerfectSummary & RetrainSummary & GdSgdSummary;
  bonus: BonusSummary;
}

export async function buildSummary(): Promise<Summary> {
  const {seeds, models} = await modelsSummary();
  const {perfectReconstruction} = await perfectSummary();
  const {retrain, retrainSweep} = await retrainSummary(seeds);
  const {gdVsSgd, gdVsSgdAutoencoder, gdVsSgdTuned} = await gdSgdSummary();
  // The keys in this order: the summary's bytes do not change with how its parts are grouped.
  return {
    ex1: {
      seeds,
      models,
      perfectReconstruction,
      retrain,
      gdVsSgd,
      retrainSweep,
      gdVsSgdAutoencoder,
      gdVsSgdTuned
    },
    bonus: await bonusSummary()
  };
}
