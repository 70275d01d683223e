/**
 * What the "Check your own model" page compares a reader's model with, shaped
 * at build time from the published snapshot of exercise 1 (b): the sheet's
 * points and their PCA, every published run's full-data MSE, and the measures
 * the verdicts of (c)/(d) judge (the same functions as on that page).
 */
import type {AutoencoderSnapshot} from "../autoencoder/snapshot.js";
import type {ModelName} from "../autoencoder/models.js";
import {MODEL_NAMES, sheetModel} from "../autoencoder/models.js";
import type {LinearMeasures, ReluMeasures, RunsMeasured} from "../autoencoder/decoder-verdicts.js";
import {measureLinear, measureRelu, untrained} from "../autoencoder/decoder-verdicts.js";
import type {Pca2} from "../autoencoder/pca.js";

export interface PublishedModel {
  readonly hidden: readonly number[];
  readonly linear: boolean;
  readonly runs: readonly {readonly seed: number; readonly mse: number}[];
}

export interface ModelReference {
  readonly data: number[][];
  readonly pca: Pca2;
  readonly grid: AutoencoderSnapshot["config"]["grid"];
  readonly curvePoints: number;
  readonly curveMargin: number;
  readonly epochs: number;
  readonly models: Record<ModelName, PublishedModel>;
  readonly measures: RunsMeasured;
}

export function modelReference(snap: AutoencoderSnapshot): ModelReference {
  const models = {} as Record<ModelName, PublishedModel>;
  for (const name of MODEL_NAMES) {
    const m = snap.models[name]!;
    models[name] = {
      hidden: m.hidden,
      linear: m.linear,
      runs: m.runs.map((r) => ({seed: r.seed, mse: r.final.mse}))
    };
  }
  const relu = (name: "small" | "big"): ReluMeasures[] =>
    snap.models[name]!.runs.map((r) => {
      const init = untrained(sheetModel(name), r.seed);
      return measureRelu(sheetModel(name), r.analysis, init.torch, init.tfjs);
    });
  const pca: LinearMeasures[] = snap.models.pca!.runs.map((r) =>
    measureLinear(r.weights, r.analysis, snap.pca.components[0], snap.pca.mean)
  );
  return {
    data: snap.data,
    pca: snap.pca,
    grid: snap.config.grid,
    curvePoints: snap.config.curvePoints,
    curveMargin: snap.config.curveMargin,
    epochs: snap.config.epochs,
    models,
    measures: {pca, small: relu("small"), big: relu("big")}
  };
}
