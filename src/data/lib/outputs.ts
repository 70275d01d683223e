/**
 * What each loader writes, by the file it makes (src/data/<file>.ts prints
 * `LOADER_OUTPUTS[file]()`), so that the build can compute every output ahead of
 * Framework in one process of its own (pretrain.ts). In the order Framework's build asks
 * for them.
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
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";

const json = async (value: unknown | Promise<unknown>) => JSON.stringify(await value);

export const LOADER_OUTPUTS = {
  // tfjs's self-contained ES module for the training worker's tfjs engine, as a file of the site:
  // imported as an npm module, Framework would bundle and minify it again (about 6 s on one core).
  "tfjs.js": async () =>
    readFileSync(createRequire(import.meta.url).resolve("@tensorflow/tfjs/dist/tf.fesm.min.js"), "utf8"),
  "bonus-spiral.json": () => json(spiralStudy()),
  "bonus-regularization.json": () => json(regularizationStudy()),
  "bonus-memorization.json": () => json(memorizationStudy()),
  "autoencoders.json": async () => json(withoutHistory(await autoencoderSnapshot())),
  "ex1-tables.json": async () => json(seedStats(await autoencoderSnapshot())),
  "ex1-history.json": async () => json(historyOf(await autoencoderSnapshot())),
  "perfect-ae.json": () => json(perfectReconstruction()),
  "summary.json": async () => JSON.stringify(await buildSummary(), null, 1),
  "encoder-retrain.json": () => json(encoderRetrain()),
  "retrain-sweep.json": () => json(retrainSweep()),
  "gd-sgd.json": () => json(gdSgd()),
  "model-reference.json": async () => json(modelReference(await autoencoderSnapshot())),
  "example-model.json": async () => {
    const run = (await autoencoderSnapshot()).models.big!.runs.find((r) => r.seed === 0)!;
    return json(stateDict(sheetModel("big"), run.weights));
  }
} satisfies Record<string, () => Promise<string>>;

export type LoaderName = keyof typeof LOADER_OUTPUTS;
