// A reference like the "Check your own model" loader's, built from the model-file fixtures
// (tests/fixtures/model-files/) instead of the published runs, which take minutes to train.
import {readFileSync} from "node:fs";
import {readModelFile} from "../../src/core/model-file/read.js";
import {flatParams, inferArchitecture, specOf} from "../../src/core/model-file/architecture.js";
import type {ModelReference} from "../../src/core/model-file/reference.js";
import {DEFAULT_SNAPSHOT_CONFIG, describeState, sheetData} from "../../src/core/autoencoder/snapshot.js";
import {pca2} from "../../src/core/autoencoder/pca.js";
import {measureRun} from "../../src/core/autoencoder/decoder-verdicts.js";
import type {LinearMeasures, ReluMeasures} from "../../src/core/autoencoder/decoder-verdicts.js";

const DIR = new URL("../fixtures/model-files/", import.meta.url);
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));
const bytes = fixtureBytes;

/** A reference like the loader's, built from the fixtures instead of the published runs (which take minutes to train). */
export function testReference(): ModelReference {
  const data = sheetData();
  const pca = pca2(data, data.length / 2);
  const config = DEFAULT_SNAPSHOT_CONFIG;
  const measure = (name: string, model: "pca" | "small" | "big") => {
    const dict = readModelFile(bytes(name)).dict;
    const arch = inferArchitecture(dict);
    const params = flatParams(dict, arch);
    const view = describeState(specOf(arch), params, data, config);
    return measureRun(
      {hidden: arch.hidden, linear: model === "pca", seed: 0, params, finalView: view},
      data,
      pca
    ).measures;
  };
  const runs = (mses: number[]) => mses.map((mse, seed) => ({seed, mse}));
  return {
    data: Array.from({length: data.length / 2}, (_, i) => [data[2 * i], data[2 * i + 1]]),
    pca,
    grid: config.grid,
    curvePoints: config.curvePoints,
    curveMargin: config.curveMargin,
    epochs: config.epochs,
    models: {
      pca: {hidden: [1, 2], linear: true, runs: runs([pca.optimumMse * 1.001, pca.optimumMse * 1.01])},
      small: {hidden: [20, 10, 1, 10, 20, 2], linear: false, runs: runs([0.01, 0.02, 0.03])},
      big: {hidden: [50, 50, 50, 1, 50, 50, 50, 2], linear: false, runs: runs([0.001, 0.002, 0.004, 0.008])}
    },
    measures: {
      pca: [measure("pca-float64.pt", "pca") as LinearMeasures],
      small: [measure("small.safetensors", "small") as ReluMeasures],
      big: [measure("notebook-big-state-dict.pt", "big") as ReluMeasures]
    }
  };
}
