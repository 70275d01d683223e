/**
 * What the page of exercise 1 (e) shows about the constructed autoencoder
 * (perfect-ae.ts) on the sheet's data: its architecture and weights, its
 * reconstruction error in float64 and in float32, its conditioning, the decoder
 * curve, and what it does with points it has not seen.
 */
import {sheetData} from "../../autoencoder/snapshot.js";
import {decode, reconstruct, reconstructionMse, sheetModel} from "../../autoencoder/models.js";
import {rectangleData} from "../../autoencoder/rectangle.js";
import {meanOverCoordinates, rowSquaredErrors} from "../fg/frozen-decoder.js";
import {paramCount} from "../../engine/mlp.js";
import {forwardFloat32, perfectAutoencoder} from "./perfect-ae.js";
import {createRng} from "../../engine/random.js";
import {rows, sig, sigArray} from "../../format/round.js";
import {SHEET_SETUP} from "../../autoencoder/setup.js";

export interface PerfectConfig {
  /** Points drawn afresh from the same rectangle, to see what the code is worth off the data. */
  readonly freshN: number;
  readonly freshSeed: number;
  /** The drawn curve extends beyond the first and last code by this fraction of their range. */
  readonly curveMargin: number;
}

export const DEFAULT_PERFECT_CONFIG: PerfectConfig = {freshN: 1000, freshSeed: 1006, curveMargin: 0.05};

export interface PerfectSnapshot {
  readonly config: PerfectConfig;
  readonly n: number;
  readonly p: number;
  readonly distinct: number;
  readonly widths: readonly number[];
  readonly activations: readonly string[];
  readonly encoderLayers: number;
  readonly params: number;
  /** Every weight and bias, exactly (float64 survives JSON), in the layout of `mlp.ts`. */
  readonly weights: number[];
  readonly direction: number[];
  readonly candidates: number;
  readonly sufficientCandidates: number;
  readonly minGap: number;
  /** Largest |slope| of the decoder, max_k ‖s_k‖∞, and largest |weight|. */
  readonly maxSlope: number;
  readonly maxWeight: number;
  /** Full-data MSE of the network in float64 and with every operation in float32; largest |error| in float64. */
  readonly mse: number;
  readonly maxAbsError: number;
  readonly mseFloat32: number;
  /** MSE on fresh points: the constructed network, and the trained big autoencoders (one per seed). */
  readonly freshMse: number;
  readonly freshMseBig: number[];
  /** Points in order of their codes, with their codes. */
  readonly order: number[];
  readonly knots: number[];
  /** The decoder curve at every knot and a little beyond: exactly the polygon x̂(z). */
  readonly curve: {readonly z: number[]; readonly x: number[][]};
  /** Fresh points (the first 200) and their reconstructions, for the figure. */
  readonly fresh: {readonly x: number[][]; readonly y: number[][]};
}

export function buildPerfectSnapshot(
  bigWeights: readonly (readonly number[])[],
  config: PerfectConfig = DEFAULT_PERFECT_CONFIG
): PerfectSnapshot {
  const data = sheetData(SHEET_SETUP);
  const n = SHEET_SETUP.n;
  const ae = perfectAutoencoder(data, n, 2);
  const {spec, params} = ae;
  const y = reconstruct(spec, params, data, n);
  let maxAbsError = 0;
  for (let k = 0; k < y.length; ++k) maxAbsError = Math.max(maxAbsError, Math.abs(y[k] - data[k]));
  const y32 = forwardFloat32(spec, params, data, n);
  const fresh = rectangleData(config.freshN, createRng(config.freshSeed));
  const freshY = reconstruct(spec, params, fresh, config.freshN);
  const big = sheetModel("big");
  const first = ae.knots[0];
  const last = ae.knots[ae.knots.length - 1];
  const pad = config.curveMargin * (last - first);
  const curveZ = [first - pad, ...ae.knots, last + pad];
  let maxSlope = 0;
  for (const s of ae.slopes) maxSlope = Math.max(maxSlope, Math.abs(s));
  let maxWeight = 0;
  for (const w of params) maxWeight = Math.max(maxWeight, Math.abs(w));
  return {
    config,
    n,
    p: 2,
    distinct: ae.distinct,
    widths: spec.widths,
    activations: spec.activations,
    encoderLayers: spec.encoderLayers,
    params: paramCount(spec),
    weights: Array.from(params),
    direction: Array.from(ae.direction),
    candidates: ae.candidates,
    sufficientCandidates: ae.sufficientCandidates,
    minGap: sig(ae.minGap, 6),
    maxSlope: sig(maxSlope, 6),
    maxWeight: sig(maxWeight, 6),
    mse: sig(reconstructionMse(spec, params, data, n), 4),
    maxAbsError: sig(maxAbsError, 4),
    mseFloat32: sig(meanOverCoordinates(rowSquaredErrors(data, y32, 2), 2), 4),
    freshMse: sig(meanOverCoordinates(rowSquaredErrors(fresh, freshY, 2), 2), 6),
    freshMseBig: bigWeights.map((w) =>
      sig(reconstructionMse(big, Float64Array.from(w), fresh, config.freshN), 6)
    ),
    order: Array.from(ae.order),
    knots: sigArray(ae.knots, 8),
    curve: {z: sigArray(curveZ, 8), x: rows(decode(spec, params, curveZ, curveZ.length), 2, 8)},
    fresh: {x: rows(fresh.subarray(0, 400), 2, 5), y: rows(freshY.subarray(0, 400), 2, 5)}
  };
}
