/**
 * What each loader writes (src/data/<name>.json.ts prints `LOADER_OUTPUTS[name]()`), so
 * that the build can compute every output ahead of Framework in one process of its own
 * (pretrain.ts). In the order Framework's build asks for them.
 */
import {historyOf, withoutHistory} from "../../core/autoencoder/snapshot.js";
import {stateDict} from "../../core/autoencoder/listings.js";
import {sheetModel} from "../../core/autoencoder/models.js";
import {modelReference} from "../../core/model-file/reference.js";
import {
  autoencoderSnapshot,
  encoderRetrain,
  gdSgd,
  memorizationStudy,
  perfectReconstruction,
  regularizationStudy,
  retrainSweep,
  spiralStudy
} from "./experiments.js";
import {buildSummary} from "./summary.js";
import {seedStats} from "./tables.js";

const json = async (value: unknown | Promise<unknown>) => JSON.stringify(await value);

export const LOADER_OUTPUTS = {
  "bonus-spiral": () => json(spiralStudy()),
  "bonus-regularization": () => json(regularizationStudy()),
  "bonus-memorization": () => json(memorizationStudy()),
  autoencoders: async () => json(withoutHistory(await autoencoderSnapshot())),
  "ex1-tables": async () => json(seedStats(await autoencoderSnapshot())),
  "ex1-history": async () => json(historyOf(await autoencoderSnapshot())),
  "perfect-ae": () => json(perfectReconstruction()),
  summary: async () => JSON.stringify(await buildSummary(), null, 1),
  "encoder-retrain": () => json(encoderRetrain()),
  "retrain-sweep": () => json(retrainSweep()),
  "gd-sgd": () => json(gdSgd()),
  "model-reference": async () => json(modelReference(await autoencoderSnapshot())),
  "example-model": async () => {
    const run = (await autoencoderSnapshot()).models.big!.runs.find((r) => r.seed === 0)!;
    return json(stateDict(sheetModel("big"), run.weights));
  }
} satisfies Record<string, () => Promise<string>>;

export type LoaderName = keyof typeof LOADER_OUTPUTS;
