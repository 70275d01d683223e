/**
 * The sheet's toy data set: n points drawn uniformly from the rectangle
 * [−2, 2] × [−1, 1], stored row-major as [x1, x2, x1, x2, …].
 */
import type {Rng} from "../engine/random.js";

export interface Rect {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export const SHEET_RECT: Rect = {x: [-2, 2], y: [-1, 1]};

export function rectangleData(n: number, rng: Rng, rect: Rect = SHEET_RECT): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; ++i) {
    out[2 * i] = rng.uniform(rect.x[0], rect.x[1]);
    out[2 * i + 1] = rng.uniform(rect.y[0], rect.y[1]);
  }
  return out;
}

/** The centres of an nx × ny grid of cells over `rect`, row by row from the bottom. */
export function gridPoints(rect: Rect, nx: number, ny: number): Float64Array {
  const out = new Float64Array(2 * nx * ny);
  const dx = (rect.x[1] - rect.x[0]) / nx;
  const dy = (rect.y[1] - rect.y[0]) / ny;
  for (let j = 0; j < ny; ++j) {
    for (let i = 0; i < nx; ++i) {
      const k = j * nx + i;
      out[2 * k] = rect.x[0] + (i + 0.5) * dx;
      out[2 * k + 1] = rect.y[0] + (j + 0.5) * dy;
    }
  }
  return out;
}

/** `count` evenly spaced values from lo to hi inclusive. */
export function linspace(lo: number, hi: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let k = 0; k < count; ++k) out[k] = count === 1 ? lo : lo + ((hi - lo) * k) / (count - 1);
  return out;
}
