/**
 * Tables shaped at build time with arquero (in Node; the pages receive rows and
 * do not load arquero, which keeps their JavaScript under budget).
 */
import * as aq from "arquero";
import type {AutoencoderSnapshot} from "../../core/autoencoder/snapshot.js";
import {MODEL_NAMES} from "../../core/autoencoder/models.js";
import type {ModelStats, SeedRow} from "../../core/autoencoder/seed-stats.js";

/** Final full-data MSE by model and seed, and per model its median, range and best and worst seeds. */
export function seedStats(snap: AutoencoderSnapshot): {rows: SeedRow[]; stats: ModelStats[]} {
  const rows = MODEL_NAMES.flatMap((model) =>
    snap.models[model]!.runs.map((r) => ({model, seed: r.seed, mse: r.final.mse}))
  );
  const t = aq.from(rows);
  const ranked = t
    .groupby("model")
    .orderby("mse")
    .derive({rank: aq.op.row_number()})
    .objects() as (SeedRow & {rank: number})[];
  const stats = t
    .groupby("model")
    .rollup({runs: aq.op.count(), median: aq.op.median("mse"), min: aq.op.min("mse"), max: aq.op.max("mse")})
    .objects() as Omit<ModelStats, "bestSeed" | "worstSeed">[];
  return {
    rows,
    stats: MODEL_NAMES.map((model) => {
      const s = stats.find((x) => x.model === model)!;
      const mine = ranked.filter((r) => r.model === model);
      return {
        ...s,
        bestSeed: mine.find((r) => r.rank === 1)!.seed,
        worstSeed: mine.find((r) => r.rank === mine.length)!.seed
      };
    })
  };
}
