/** Key figures of exercise 1 (b): each model's final MSE per published seed. */
import {MODEL_NAMES} from "../../../core/autoencoder/models.js";
import {autoencoderSnapshot} from "../experiments.js";

export interface ModelSummary {
  params: number;
  /** Full-data MSE after training, one per seed in the order of ex1.seeds. */
  finalMse: number[];
  /** The exact PCA optimum λ_min / 2, one per seed (the data set is shared, so the values agree). */
  optimumMse?: number[];
}

export interface ModelsSummary {
  seeds: number[];
  models: Record<string, ModelSummary>;
}

export async function modelsSummary(): Promise<ModelsSummary> {
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
  return {seeds, models};
}
