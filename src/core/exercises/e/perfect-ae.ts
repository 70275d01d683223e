/**
 * Exercise 1 (e), by construction: an MLP autoencoder with a one-dimensional
 * bottleneck whose weights are computed (not trained) so that it reconstructs
 * every point of a finite data set in R^p.
 *
 * - Encoder, one linear layer: z = u·x for a direction u on which all distinct
 *   points have distinct projections. u is searched on the moment curve
 *   u(t) ∝ (1, t, …, t^{p−1}): for two distinct points, (x_i − x_j)·u(t) is a
 *   non-zero polynomial in t of degree ≤ p − 1, so at most (p − 1)·K(K − 1)/2
 *   values of t fail for K distinct points, and any larger set of candidates
 *   contains one that separates all of them. Among those, the one with the
 *   widest smallest gap between neighbouring codes is kept (best conditioned).
 * - Decoder, one ReLU layer and a linear output: with the codes sorted,
 *   z_(1) < … < z_(K), and s_k the slope (x_(k+1) − x_(k)) / (z_(k+1) − z_(k)),
 *   x̂(z) = x_(1) + Σ_{k=1}^{K−1} (s_k − s_{k−1}) ReLU(z − z_(k)), s_0 = 0:
 *   the piecewise-linear curve through the points in the order of their codes.
 *
 * The result uses the layout of `mlp.ts` and `autoencoder.ts`, so the core's
 * own `forward`, `encode` and `decode` evaluate it.
 */
import type {AutoencoderSpec} from "../../autoencoder/models.js";
import {autoencoderSpec} from "../../autoencoder/models.js";
import {activate, layout, paramCount} from "../../engine/mlp.js";
import type {MlpSpec} from "../../engine/mlp.js";

export interface PerfectAutoencoder {
  readonly spec: AutoencoderSpec;
  readonly params: Float64Array;
  /** The encoder's direction (unit length, length p). */
  readonly direction: Float64Array;
  /** Number of distinct points K (duplicates share a code and a reconstruction). */
  readonly distinct: number;
  /** Indices of the distinct points, sorted by code. */
  readonly order: Int32Array;
  /** The sorted codes z_(1) < … < z_(K). */
  readonly knots: Float64Array;
  /** The decoder's slopes s_1 … s_{K−1}, row-major [K − 1, p]. */
  readonly slopes: Float64Array;
  /** Smallest gap between neighbouring codes. */
  readonly minGap: number;
  /** How many candidate directions were tried, and the guaranteed-sufficient number. */
  readonly candidates: number;
  readonly sufficientCandidates: number;
}

/** Indices of the first occurrence of each distinct row of `points` ([n, p], row-major). */
export function distinctRows(points: ArrayLike<number>, n: number, p: number): number[] {
  const seen = new Set<string>();
  const keep: number[] = [];
  for (let i = 0; i < n; ++i) {
    const key = Array.from({length: p}, (_, m) => points[i * p + m]).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    keep.push(i);
  }
  return keep;
}

/** The unit vector along the moment curve (1, t, t², …, t^{p−1}). */
export function momentDirection(t: number, p: number): Float64Array {
  const u = new Float64Array(p);
  let norm = 0;
  for (let m = 0; m < p; ++m) {
    u[m] = t ** m;
    norm += u[m] * u[m];
  }
  norm = Math.sqrt(norm);
  for (let m = 0; m < p; ++m) u[m] /= norm;
  return u;
}

function project(
  points: ArrayLike<number>,
  rowsOf: readonly number[],
  p: number,
  u: Float64Array
): Float64Array {
  const z = new Float64Array(rowsOf.length);
  rowsOf.forEach((i, r) => {
    let s = 0;
    for (let m = 0; m < p; ++m) s += u[m] * points[i * p + m];
    z[r] = s;
  });
  return z;
}

function smallestGap(z: Float64Array): number {
  const s = Float64Array.from(z).sort();
  let gap = Infinity;
  for (let k = 1; k < s.length; ++k) gap = Math.min(gap, s[k] - s[k - 1]);
  return gap;
}

/**
 * A direction on which the given rows have pairwise distinct projections, with
 * the widest smallest gap among `count` candidates t ∈ [−1, 1] (default: the
 * number that guarantees success, capped at 20,001).
 */
export function separatingDirection(
  points: ArrayLike<number>,
  rowsOf: readonly number[],
  p: number,
  count?: number
): {u: Float64Array; minGap: number; candidates: number; sufficient: number} {
  const K = rowsOf.length;
  const sufficient = ((p - 1) * K * (K - 1)) / 2 + 1;
  const candidates = count ?? Math.min(sufficient, 20001);
  let best = {u: momentDirection(0, p), minGap: K > 1 ? -Infinity : Infinity};
  for (let c = 0; c < candidates; ++c) {
    const t = candidates === 1 ? 0 : -1 + (2 * c) / (candidates - 1);
    const u = momentDirection(t, p);
    const gap = K > 1 ? smallestGap(project(points, rowsOf, p, u)) : Infinity;
    if (gap > best.minGap) best = {u, minGap: gap};
  }
  if (!(best.minGap > 0))
    throw new Error(`no separating direction among ${candidates} candidates (sufficient: ${sufficient})`);
  return {...best, candidates, sufficient};
}

/** Builds the autoencoder p → 1 → (K − 1) ReLUs → p that reconstructs all n points ([n, p], row-major). */
export function perfectAutoencoder(
  points: ArrayLike<number>,
  n: number,
  p: number,
  candidates?: number
): PerfectAutoencoder {
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`p must be a positive integer, got ${p}`);
  if (points.length !== n * p) throw new RangeError(`expected ${n * p} values, got ${points.length}`);
  for (let k = 0; k < points.length; ++k)
    if (!Number.isFinite(points[k])) throw new RangeError("every coordinate must be finite");
  const rowsOf = distinctRows(points, n, p);
  const K = rowsOf.length;
  const {u, minGap, candidates: tried, sufficient} = separatingDirection(points, rowsOf, p, candidates);
  const z = project(points, rowsOf, p, u);
  const sorted = Array.from({length: K}, (_, r) => r).sort((a, b) => z[a] - z[b]);
  const order = Int32Array.from(sorted, (r) => rowsOf[r]);
  const knots = Float64Array.from(sorted, (r) => z[r]);
  const row = (k: number, m: number) => points[order[k] * p + m];

  const hiddenUnits = Math.max(1, K - 1);
  const spec = autoencoderSpec([1, hiddenUnits, p], p);
  const params = new Float64Array(paramCount(spec));
  const [enc, hidden, out] = layout(spec);
  params.set(u, enc.w); // bias 0
  const slopes = new Float64Array(Math.max(0, K - 1) * p);
  for (let k = 0; k + 1 < K; ++k) {
    for (let m = 0; m < p; ++m) slopes[k * p + m] = (row(k + 1, m) - row(k, m)) / (knots[k + 1] - knots[k]);
  }
  for (let k = 0; k + 1 < K; ++k) {
    params[hidden.w + k] = 1;
    params[hidden.b + k] = -knots[k];
    for (let m = 0; m < p; ++m) {
      const previous = k === 0 ? 0 : slopes[(k - 1) * p + m];
      params[out.w + m * hiddenUnits + k] = slopes[k * p + m] - previous;
    }
  }
  for (let m = 0; m < p; ++m) params[out.b + m] = row(0, m);
  return {
    spec,
    params,
    direction: u,
    distinct: K,
    order,
    knots,
    slopes,
    minGap,
    candidates: tried,
    sufficientCandidates: sufficient
  };
}

/**
 * The forward pass of `mlp.ts` with every operation rounded to float32, as a
 * float32 framework (PyTorch's default dtype) would compute it, in one order of
 * summation. Weights and inputs are rounded to float32 first.
 */
export function forwardFloat32(
  spec: MlpSpec,
  params: Float64Array,
  input: ArrayLike<number>,
  n: number
): Float64Array {
  const f = Math.fround;
  let x = Float64Array.from(input, f);
  for (const [l, ly] of layout(spec).entries()) {
    const y = new Float64Array(n * ly.out);
    for (let r = 0; r < n; ++r) {
      for (let j = 0; j < ly.out; ++j) {
        let s = f(params[ly.b + j]);
        for (let i = 0; i < ly.in; ++i) s = f(s + f(f(params[ly.w + j * ly.in + i]) * x[r * ly.in + i]));
        y[r * ly.out + j] = f(activate(spec.activations[l], s));
      }
    }
    x = y;
  }
  return x;
}
