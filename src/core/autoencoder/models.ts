/**
 * Autoencoders in the sheet's notation. The sheet lists the numbers of neurons
 * after the input, e.g. {20, 10, 1, 10, 20, 2}: the bottleneck is the narrowest
 * layer, everything up to it is the encoder, everything after it the decoder.
 * ReLU follows every hidden layer except the bottleneck (the code is a free real
 * number) and the output (a reconstruction can be negative). The PCA-like model
 * {1, 2} has no non-linearity at all.
 */
import type {Activation, MlpSpec} from "../engine/mlp.js";
import {forward, layerCount, validateSpec} from "../engine/mlp.js";

export type ModelName = "small" | "big" | "pca";
export const MODEL_NAMES: readonly ModelName[] = ["small", "big", "pca"];

/** The three architectures of the sheet, as hidden-neuron lists for inputs in R². */
export const SHEET_HIDDEN: Readonly<Record<ModelName, readonly number[]>> = {
  small: [20, 10, 1, 10, 20, 2],
  big: [50, 50, 50, 1, 50, 50, 50, 2],
  pca: [1, 2]
};

export interface AutoencoderSpec extends MlpSpec {
  /** How many layers belong to the encoder; the code is the output of layer encoderLayers − 1. */
  readonly encoderLayers: number;
}

export function autoencoderSpec(hidden: readonly number[], inputDim = 2, linear = false): AutoencoderSpec {
  if (hidden.length < 2)
    throw new RangeError("an autoencoder needs at least a bottleneck and an output layer");
  if (hidden[hidden.length - 1] !== inputDim) {
    throw new RangeError(`the output width must equal the input dimension ${inputDim}`);
  }
  const inner = hidden.slice(0, -1);
  const narrowest = Math.min(...inner);
  const bottleneck = inner.indexOf(narrowest);
  const widths = [inputDim, ...hidden];
  const L = hidden.length;
  const activations = Array.from({length: L}, (_, l): Activation =>
    linear || l === bottleneck || l === L - 1 ? "linear" : "relu"
  );
  const spec = {widths, activations, encoderLayers: bottleneck + 1};
  validateSpec(spec);
  return spec;
}

export function sheetModel(name: ModelName): AutoencoderSpec {
  return autoencoderSpec(SHEET_HIDDEN[name], 2, name === "pca");
}

export function bottleneckWidth(spec: AutoencoderSpec): number {
  return spec.widths[spec.encoderLayers];
}

/** The codes of n points (row-major [n, inputDim]) → [n, bottleneck]. */
export function encode(
  spec: AutoencoderSpec,
  params: Float64Array,
  points: ArrayLike<number>,
  n: number
): Float64Array {
  return forward(spec, params, points, n, 0, spec.encoderLayers);
}

/** The decoder's image of n codes → [n, inputDim]. */
export function decode(
  spec: AutoencoderSpec,
  params: Float64Array,
  codes: ArrayLike<number>,
  n: number
): Float64Array {
  return forward(spec, params, codes, n, spec.encoderLayers, layerCount(spec));
}

export function reconstruct(
  spec: AutoencoderSpec,
  params: Float64Array,
  points: ArrayLike<number>,
  n: number
): Float64Array {
  return forward(spec, params, points, n);
}

/** Mean squared error over all coordinates of all n points (PyTorch's `MSELoss`). */
export function reconstructionMse(
  spec: AutoencoderSpec,
  params: Float64Array,
  points: ArrayLike<number>,
  n: number
): number {
  const y = reconstruct(spec, params, points, n);
  let s = 0;
  for (let k = 0; k < y.length; ++k) {
    const e = y[k] - points[k];
    s += e * e;
  }
  return s / y.length;
}
