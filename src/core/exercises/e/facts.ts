/**
 * What the page of exercise 1 (e) quotes about the constructed autoencoder:
 * its numbers as the prose writes them, its layers as a table, its errors
 * (with the same error recomputed from the published weights by the core's
 * own forward pass), and the data its figures draw. No DOM.
 */
import {reconstructionMse} from "../../autoencoder/models.js";
import type {AutoencoderSpec} from "../../autoencoder/models.js";
import {sheetData} from "../../autoencoder/snapshot.js";
import {SHEET_RECT} from "../../autoencoder/rectangle.js";
import type {Activation} from "../../engine/mlp.js";
import {count, fixed, sci} from "../../format/words.js";
import {median} from "../../stats.js";
import type {PerfectSnapshot} from "./snapshot.js";

/** The trained autoencoders (b) the construction is compared with, from the report's summary. */
export interface TrainedComparison {
  /** The big model's full-data MSE after training, one per seed. */
  readonly bigFinalMse: readonly number[];
  /** The PCA optimum on the sheet's points. */
  readonly pcaOptimum: number;
}

export interface LayerRow {
  readonly layer: number;
  readonly shape: string;
  readonly activation: string;
  readonly role: string;
  readonly parameters: number;
}

export interface ErrorRow {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

/** Fresh points drawn in the figure (of the snapshot's first 200). */
export const FRESH_SHOWN = 150;

export function layerRows(perfect: PerfectSnapshot): LayerRow[] {
  const {widths, activations, encoderLayers} = perfect;
  return widths.slice(1).map((w, l) => ({
    layer: l + 1,
    shape: `${widths[l]} → ${w}`,
    activation: activations[l] === "relu" ? "ReLU" : "none (linear)",
    role:
      l < encoderLayers
        ? "encoder: z = u·x (bottleneck)"
        : l === widths.length - 2
          ? "decoder: output"
          : "decoder: ReLU(z − z₍ₖ₎)",
    parameters: (widths[l] + 1) * w
  }));
}

/** The full-data MSE of the published weights, recomputed by the core's forward pass in float64. */
export function recomputedMse(perfect: PerfectSnapshot): number {
  const spec: AutoencoderSpec = {
    widths: perfect.widths,
    activations: perfect.activations as Activation[],
    encoderLayers: perfect.encoderLayers
  };
  return reconstructionMse(spec, Float64Array.from(perfect.weights), sheetData(), perfect.n);
}

export function errorRows(perfect: PerfectSnapshot, recomputed: number): ErrorRow[] {
  const p = perfect;
  return [
    {key: "mse", label: "full-data MSE (float64, loader)", value: p.mse, text: sci(p.mse)},
    {key: "recomputed", label: "the same, recomputed in this page", value: recomputed, text: sci(recomputed)},
    {key: "maxAbs", label: "largest error of any coordinate", value: p.maxAbsError, text: sci(p.maxAbsError)},
    {
      key: "float32",
      label: "MSE with every operation in float32",
      value: p.mseFloat32,
      text: sci(p.mseFloat32)
    },
    {
      key: "fresh",
      label: `MSE on ${count(p.config.freshN, "fresh point")}`,
      value: p.freshMse,
      text: fixed(p.freshMse, 3)
    }
  ];
}

export function perfectFacts(perfect: PerfectSnapshot, trained: TrainedComparison) {
  const p = perfect;
  const K = p.distinct;
  const data = sheetData();
  const points = Array.from({length: p.n}, (_, i) => [data[2 * i], data[2 * i + 1]]);
  const shape = {points, order: p.order, knots: p.knots, curve: p.curve, direction: p.direction};
  const fresh = {x: p.fresh.x.slice(0, FRESH_SHOWN), y: p.fresh.y.slice(0, FRESH_SHOWN)};
  return {
    n: p.n,
    bigTrain: fixed(median(trained.bigFinalMse), 4),
    seeds: count(trained.bigFinalMse.length, "seed"),
    minGap: sci(p.minGap, 2),
    maxSlope: fixed(p.maxSlope, 3),
    maxWeight: fixed(p.maxWeight, 3),
    freshPoints: count(p.config.freshN, "fresh point"),
    freshMse: fixed(p.freshMse, 3),
    pcaOptimum: fixed(trained.pcaOptimum, 3),
    bigFresh: fixed(median(p.freshMseBig), 3),
    candidates: count(p.candidates, "direction"),
    distinct: count(K, "distinct point"),
    /** The encoder's direction u, to four decimals. */
    u: p.direction.map((x) => x.toFixed(4)),
    widths: p.widths.join(", "),
    params: count(p.params, "parameter"),
    segments: count(K - 1, "segment"),
    points: count(p.n, "point"),
    freshShown: fresh.x.length,
    terms: count(K, "term"),
    maxAbs: sci(p.maxAbsError),
    mse: sci(p.mse),
    mseFloat32: sci(p.mseFloat32),
    layers: layerRows(p),
    errors: errorRows(p, recomputedMse(p)),
    /** What the three figures draw. */
    shape,
    fresh: {fresh: fresh.x, reconstructed: fresh.y, curve: p.curve},
    rect: SHEET_RECT
  };
}
