/**
 * A multilayer perceptron as data: its widths, its activations and the layout of
 * all its parameters in one flat Float64Array. No DOM, no tfjs: this module is
 * shared by the build-time loaders, the browser pages and the training worker.
 *
 * Layout: for every layer l (input width `in`, output width `out`), first the
 * weight matrix in PyTorch's `nn.Linear` layout, row-major [out, in], then the
 * bias [out]. The flat vector is what the fast training step updates in place,
 * what snapshots store and what the weight export reshapes into a `state_dict`.
 */
import {sigmoid, tanh} from "./portable-math.js";
import type {Rng} from "./random.js";

export type Activation = "relu" | "tanh" | "sigmoid" | "linear";

/** How the report writes each activation. */
export const ACTIVATION_LABELS: Readonly<Record<Activation, string>> = {
  relu: "ReLU",
  tanh: "tanh",
  sigmoid: "sigmoid",
  linear: "linear"
};
export const ACTIVATIONS: readonly Activation[] = ["relu", "tanh", "sigmoid", "linear"];

export interface MlpSpec {
  /** widths[0] is the input dimension, widths[widths.length - 1] the output dimension. */
  readonly widths: readonly number[];
  /** The activation after each layer: one per layer, widths.length - 1 in all. */
  readonly activations: readonly Activation[];
}

export interface LayerLayout {
  readonly in: number;
  readonly out: number;
  /** Offset of the weight matrix [out, in] in the flat parameter vector. */
  readonly w: number;
  /** Offset of the bias [out]. */
  readonly b: number;
}

export function layerCount(spec: MlpSpec): number {
  return spec.widths.length - 1;
}

export function validateSpec(spec: MlpSpec): void {
  const L = layerCount(spec);
  if (L < 1) throw new RangeError("an MLP needs at least one layer");
  if (spec.activations.length !== L) {
    throw new RangeError(`expected ${L} activations, got ${spec.activations.length}`);
  }
  for (const w of spec.widths) {
    if (!Number.isInteger(w) || w < 1)
      throw new RangeError(`layer widths must be positive integers, got ${w}`);
  }
  for (const a of spec.activations) {
    if (!ACTIVATIONS.includes(a)) throw new RangeError(`unknown activation ${a}`);
  }
}

export function layout(spec: MlpSpec): LayerLayout[] {
  const layers: LayerLayout[] = [];
  let offset = 0;
  for (let l = 0; l < layerCount(spec); ++l) {
    const nin = spec.widths[l];
    const nout = spec.widths[l + 1];
    layers.push({in: nin, out: nout, w: offset, b: offset + nin * nout});
    offset += nin * nout + nout;
  }
  return layers;
}

/** The number of trainable parameters (weights and biases). */
export function paramCount(spec: MlpSpec): number {
  let n = 0;
  for (let l = 0; l < layerCount(spec); ++l) n += (spec.widths[l] + 1) * spec.widths[l + 1];
  return n;
}

/** Which positions of the flat vector are weights (true) rather than biases (false). */
export function weightMask(spec: MlpSpec): Uint8Array {
  const mask = new Uint8Array(paramCount(spec));
  for (const layer of layout(spec)) mask.fill(1, layer.w, layer.w + layer.in * layer.out);
  return mask;
}

/**
 * How initial parameters are drawn.
 * - `torch`: PyTorch's `nn.Linear` default, weights and biases from U(−1/√fan_in, 1/√fan_in).
 * - `tfjs`: TensorFlow.js' `dense` default, glorot-normal weights (a normal with
 *   variance 2/(fan_in + fan_out), truncated at two standard deviations) and zero biases.
 * - `playground`: the TensorFlow Playground's, weights from U(−0.5, 0.5) and biases 0.1.
 */
export type InitScheme = "torch" | "tfjs" | "playground";
export const INIT_SCHEMES: readonly InitScheme[] = ["torch", "tfjs", "playground"];

/** Draws the initial parameters of one layer into `params` (in place). */
export function initLayer(params: Float64Array, layer: LayerLayout, scheme: InitScheme, rng: Rng): void {
  const {in: nin, out: nout, w, b} = layer;
  const nw = nin * nout;
  switch (scheme) {
    case "torch": {
      const bound = 1 / Math.sqrt(nin);
      for (let k = 0; k < nw; ++k) params[w + k] = rng.uniform(-bound, bound);
      for (let k = 0; k < nout; ++k) params[b + k] = rng.uniform(-bound, bound);
      break;
    }
    case "tfjs": {
      const sd = Math.sqrt(2 / (nin + nout));
      for (let k = 0; k < nw; ++k) {
        let z: number;
        do z = rng.normal();
        while (Math.abs(z) > 2);
        params[w + k] = sd * z;
      }
      params.fill(0, b, b + nout);
      break;
    }
    case "playground": {
      for (let k = 0; k < nw; ++k) params[w + k] = rng.uniform(-0.5, 0.5);
      params.fill(0.1, b, b + nout);
      break;
    }
    default:
      throw new RangeError(`unknown initialisation ${scheme as string}`);
  }
}

/** Fresh parameters for the whole network, layer by layer in order. */
export function initParams(spec: MlpSpec, scheme: InitScheme, rng: Rng): Float64Array {
  validateSpec(spec);
  const params = new Float64Array(paramCount(spec));
  for (const layer of layout(spec)) initLayer(params, layer, scheme, rng);
  return params;
}

/** Applies an activation to a pre-activation value. */
export function activate(a: Activation, z: number): number {
  switch (a) {
    case "relu":
      return z > 0 ? z : 0;
    case "tanh":
      return tanh(z);
    case "sigmoid":
      return sigmoid(z);
    default:
      return z;
  }
}

/**
 * y = W x + b for `n` rows (row-major x of width `nin`, W of `nout` rows of `nin`). Each sum
 * starts at the bias and adds the products in input order, exactly as a plain triple loop
 * would: the blocking (two rows by four outputs, so each weight and input read serves
 * several sums) changes only the speed, never a bit of the result.
 */
function dense(
  W: Float64Array,
  B: Float64Array,
  x: Float64Array,
  n: number,
  nin: number,
  nout: number
): Float64Array {
  const y = new Float64Array(n * nout);
  let r = 0;
  for (; r + 2 <= n; r += 2) {
    const xa = x.subarray(r * nin, (r + 1) * nin);
    const xb = x.subarray((r + 1) * nin, (r + 2) * nin);
    const ya = r * nout;
    const yb = ya + nout;
    let j = 0;
    for (; j + 4 <= nout; j += 4) {
      let a0 = B[j],
        a1 = B[j + 1],
        a2 = B[j + 2],
        a3 = B[j + 3];
      let b0 = a0,
        b1 = a1,
        b2 = a2,
        b3 = a3;
      const w0 = j * nin,
        w1 = w0 + nin,
        w2 = w1 + nin,
        w3 = w2 + nin;
      for (let i = 0; i < nin; ++i) {
        const u = xa[i];
        const v = xb[i];
        const p0 = W[w0 + i],
          p1 = W[w1 + i],
          p2 = W[w2 + i],
          p3 = W[w3 + i];
        a0 += p0 * u;
        a1 += p1 * u;
        a2 += p2 * u;
        a3 += p3 * u;
        b0 += p0 * v;
        b1 += p1 * v;
        b2 += p2 * v;
        b3 += p3 * v;
      }
      y[ya + j] = a0;
      y[ya + j + 1] = a1;
      y[ya + j + 2] = a2;
      y[ya + j + 3] = a3;
      y[yb + j] = b0;
      y[yb + j + 1] = b1;
      y[yb + j + 2] = b2;
      y[yb + j + 3] = b3;
    }
    for (; j < nout; ++j) {
      let a = B[j];
      let b = a;
      const wj = j * nin;
      for (let i = 0; i < nin; ++i) {
        const p = W[wj + i];
        a += p * xa[i];
        b += p * xb[i];
      }
      y[ya + j] = a;
      y[yb + j] = b;
    }
  }
  for (; r < n; ++r) {
    const xr = x.subarray(r * nin, (r + 1) * nin);
    for (let j = 0; j < nout; ++j) {
      let s = B[j];
      const wj = j * nin;
      for (let i = 0; i < nin; ++i) s += W[wj + i] * xr[i];
      y[r * nout + j] = s;
    }
  }
  return y;
}

/** Applies an activation to every value of `y` in place (ReLU sends NaN to 0, as `activate` does). */
function activateAll(a: Activation, y: Float64Array): void {
  if (a === "linear") return;
  if (a === "relu") {
    for (let k = 0; k < y.length; ++k) if (!(y[k] > 0)) y[k] = 0;
    return;
  }
  for (let k = 0; k < y.length; ++k) y[k] = activate(a, y[k]);
}

/**
 * Runs layers [from, to) of the network on `n` input rows (row-major, width
 * widths[from]) and returns the outputs (row-major, width widths[to]).
 * Plain loops in float64: the same arithmetic in Node and in every browser.
 */
export function forward(
  spec: MlpSpec,
  params: Float64Array,
  input: ArrayLike<number>,
  n: number,
  from = 0,
  to = layerCount(spec)
): Float64Array {
  const layers = layout(spec);
  let x: Float64Array = Float64Array.from(input);
  if (x.length !== n * spec.widths[from]) {
    throw new RangeError(`expected ${n} rows of width ${spec.widths[from]}, got ${x.length} values`);
  }
  for (let l = from; l < to; ++l) {
    const {in: nin, out: nout, w, b} = layers[l];
    x = dense(params.subarray(w, w + nin * nout), params.subarray(b, b + nout), x, n, nin, nout);
    activateAll(spec.activations[l], x);
  }
  return x;
}
