/**
 * Exercise 1 (f)–(h): what an encoder can do for a fixed decoder D. The loss
 * (1/2n) Σ_i ‖x_i − D(E(x_i))‖² splits into one term per point, and each term
 * depends on the encoder only through the code z_i = E(x_i). So no encoder can
 * beat the one that gives every point its best code z*_i = argmin_z ‖x_i − D(z)‖².
 * `bestCodes` finds those codes by a dense search along the latent axis, refined
 * by golden-section search around the best grid value.
 */
import type {AutoencoderSpec} from "../../autoencoder/models.js";
import {median} from "../../stats.js";
import {decode} from "../../autoencoder/models.js";
import {linspace} from "../../autoencoder/rectangle.js";

/** ‖x_i − y_i‖² for every row of two row-major arrays of width `width`. */
export function rowSquaredErrors(x: ArrayLike<number>, y: ArrayLike<number>, width: number): Float64Array {
  const n = x.length / width;
  const out = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    let s = 0;
    for (let m = 0; m < width; ++m) {
      const e = x[i * width + m] - y[i * width + m];
      s += e * e;
    }
    out[i] = s;
  }
  return out;
}

/** The mean of squared errors per row, over all coordinates (PyTorch's MSELoss). */
export function meanOverCoordinates(rowErrors: ArrayLike<number>, width: number): number {
  let s = 0;
  for (let i = 0; i < rowErrors.length; ++i) s += rowErrors[i];
  return s / (rowErrors.length * width);
}

export interface SearchOptions {
  /** The latent interval searched. */
  readonly lo: number;
  readonly hi: number;
  /** Grid values (default 20,001). */
  readonly count?: number;
  /** Golden-section iterations in the bracket around the best grid value (default 80). */
  readonly refine?: number;
}

export interface BestCodes {
  /** The best code of every point. */
  readonly z: Float64Array;
  /** ‖x_i − D(z*_i)‖² of every point. */
  readonly err: Float64Array;
  /** Local minima of z ↦ ‖x_i − D(z)‖² on the grid, per point (a measure of non-convexity). */
  readonly localMinima: Int32Array;
  /** Points whose best grid value lies at an end of the interval (the search may have been too narrow). */
  readonly atBoundary: number;
  /**
   * Per point: the median distance along the latent axis between neighbouring
   * local minima of z ↦ ‖x_i − D(z)‖² on the grid (NaN with fewer than two).
   * How far a code must travel to change basin.
   */
  readonly basinSpacing: Float64Array;
}

/** The best code of each of n points (row-major [n, dim]) under the decoder of `spec` with `params`. */
export function bestCodes(
  spec: AutoencoderSpec,
  params: Float64Array,
  points: ArrayLike<number>,
  n: number,
  options: SearchOptions
): BestCodes {
  const {lo, hi, count = 20001, refine = 80} = options;
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi))
    throw new RangeError(`bad search interval [${lo}, ${hi}]`);
  const dim = spec.widths[spec.widths.length - 1];
  const grid = linspace(lo, hi, count);
  const curve = decode(spec, params, grid, count);
  const z = new Float64Array(n);
  const err = new Float64Array(n);
  const localMinima = new Int32Array(n);
  const basinSpacing = new Float64Array(n);
  let atBoundary = 0;
  const f = new Float64Array(count);
  const distance = (i: number, y: ArrayLike<number>, j: number) => {
    let s = 0;
    for (let m = 0; m < dim; ++m) {
      const e = y[j * dim + m] - points[i * dim + m];
      s += e * e;
    }
    return s;
  };
  for (let i = 0; i < n; ++i) {
    let k = 0;
    for (let j = 0; j < count; ++j) {
      f[j] = distance(i, curve, j);
      if (f[j] < f[k]) k = j;
    }
    const at: number[] = f[0] < f[1] ? [0] : [];
    for (let j = 1; j + 1 < count; ++j) if (f[j] < f[j - 1] && f[j] <= f[j + 1]) at.push(j);
    if (f[count - 1] < f[count - 2]) at.push(count - 1);
    localMinima[i] = at.length;
    basinSpacing[i] = median(at.slice(1).map((j, k) => grid[j] - grid[at[k]]));
    if (k === 0 || k === count - 1) ++atBoundary;
    // Golden-section search in the bracket of the best grid value; keep the grid value if it is better.
    const lossAt = (zz: number) => distance(i, decode(spec, params, [zz], 1), 0);
    let a = grid[Math.max(0, k - 1)];
    let b = grid[Math.min(count - 1, k + 1)];
    const g = (Math.sqrt(5) - 1) / 2;
    let c = b - g * (b - a);
    let d = a + g * (b - a);
    let fc = lossAt(c);
    let fd = lossAt(d);
    for (let it = 0; it < refine && b - a > 1e-15 * Math.max(1, Math.abs(a)); ++it) {
      if (fc <= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - g * (b - a);
        fc = lossAt(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + g * (b - a);
        fd = lossAt(d);
      }
    }
    const [zBest, fBest] = fc <= fd ? [c, fc] : [d, fd];
    if (fBest < f[k]) {
      z[i] = zBest;
      err[i] = fBest;
    } else {
      z[i] = grid[k];
      err[i] = f[k];
    }
  }
  return {z, err, localMinima, atBoundary, basinSpacing};
}

/** The interval [min, max] of `values`, widened by `widen` times its length on each side. */
export function widenedRange(values: ArrayLike<number>, widen: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; ++i) {
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  const pad = widen * (hi - lo || 1);
  return [lo - pad, hi + pad];
}

/** The largest |a_k − b_k| over positions [from, to) of two parameter vectors. */
export function maxChange(a: ArrayLike<number>, b: ArrayLike<number>, from = 0, to = a.length): number {
  let m = 0;
  for (let k = from; k < to; ++k) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
}
