/**
 * Numbers the report argues from, computed from trained weights: the geometry
 * of the linear model against PCA, the linear pieces and turns of a decoder
 * curve, correlations of codes with coordinates. No DOM; pages and loaders share it.
 */
import type {AutoencoderSpec} from "./models.js";
import {decode} from "./models.js";
import {linspace} from "./rectangle.js";

/** Angle between two directions in degrees, ignoring orientation (0–90°). */
export function axisAngle(u: readonly number[], v: readonly number[]): number {
  // atan2 of |cross| and |dot| stays accurate near 0° and 90°, where acos does not.
  const dot = u[0] * v[0] + u[1] * v[1];
  const cross = u[0] * v[1] - u[1] * v[0];
  return (Math.atan2(Math.abs(cross), Math.abs(dot)) * 180) / Math.PI;
}

export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; ++i) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

export interface LinearGeometry {
  /** Encoder weights w (z = w·x + b) and decoder weights u (x̂ = u z + c). */
  readonly w: [number, number];
  readonly u: [number, number];
  /** Angles of w and u to the first principal direction, in degrees. */
  readonly encoderAngle: number;
  readonly decoderAngle: number;
  /** u·w: 1 when x̂ is the orthogonal projection onto the line (any rescaling of z cancels in it). */
  readonly gain: number;
  /** |w|: how much the code stretches the principal score; arbitrary at the optimum. */
  readonly codeScale: number;
}

/** For the PCA-like model {1, 2}: its flat parameters are [w1, w2, b, u1, u2, c1, c2]. */
export function linearGeometry(params: ArrayLike<number>, pc1: readonly number[]): LinearGeometry {
  const w: [number, number] = [params[0], params[1]];
  const u: [number, number] = [params[3], params[4]];
  return {
    w,
    u,
    encoderAngle: axisAngle(w, pc1),
    decoderAngle: axisAngle(u, pc1),
    gain: u[0] * w[0] + u[1] * w[1],
    codeScale: Math.hypot(w[0], w[1])
  };
}

export interface CurveShape {
  /** Linear pieces of the decoder curve on the interval (kinks + 1). */
  readonly pieces: number;
  /** How often the curve reverses its direction along x1 and along x2. */
  readonly turnsX1: number;
  readonly turnsX2: number;
  /** Length of the curve on the interval. */
  readonly length: number;
  /** Largest distance of the curve from the straight line through its end points. */
  readonly bend: number;
}

/**
 * The shape of the decoder's image of [lo, hi], sampled at `samples` points. A
 * kink is counted where the direction of consecutive segments changes by more
 * than `tol` radians (a kink that falls between two samples bends two
 * consecutive segments and counts once); a ReLU decoder is exactly piecewise
 * linear, so between kinks the sampled direction is constant up to rounding.
 * Kinks closer than the sampling step merge: the count is a lower bound.
 */
export function curveShape(
  spec: AutoencoderSpec,
  params: Float64Array,
  lo: number,
  hi: number,
  samples = 4001,
  tol = 1e-6
): CurveShape {
  const z = linspace(lo, hi, samples);
  const x = decode(spec, params, z, samples);
  let pieces = 1;
  let turnsX1 = 0;
  let turnsX2 = 0;
  let length = 0;
  let prevAngle = NaN;
  let prevDx = 0;
  let prevDy = 0;
  let lastKink = -2;
  for (let k = 1; k < samples; ++k) {
    const dx = x[2 * k] - x[2 * k - 2];
    const dy = x[2 * k + 1] - x[2 * k - 1];
    const seg = Math.hypot(dx, dy);
    length += seg;
    if (seg < 1e-12) continue; // a flat stretch (all ReLUs off) is not a direction
    const angle = Math.atan2(dy, dx);
    if (!Number.isNaN(prevAngle)) {
      let d = Math.abs(angle - prevAngle);
      if (d > Math.PI) d = 2 * Math.PI - d;
      // A kink between two samples bends two consecutive segments: count it once.
      if (d > tol) {
        if (k - lastKink > 1) ++pieces;
        lastKink = k;
      }
    }
    if (prevDx !== 0 && Math.sign(dx) !== Math.sign(prevDx) && dx !== 0) ++turnsX1;
    if (prevDy !== 0 && Math.sign(dy) !== Math.sign(prevDy) && dy !== 0) ++turnsX2;
    if (dx !== 0) prevDx = dx;
    if (dy !== 0) prevDy = dy;
    prevAngle = angle;
  }
  const ax = x[0];
  const ay = x[1];
  const bx = x[2 * samples - 2];
  const by = x[2 * samples - 1];
  const chord = Math.hypot(bx - ax, by - ay) || 1;
  let bend = 0;
  for (let k = 0; k < samples; ++k) {
    const d = Math.abs((bx - ax) * (ay - x[2 * k + 1]) - (ax - x[2 * k]) * (by - ay)) / chord;
    bend = Math.max(bend, d);
  }
  return {pieces, turnsX1, turnsX2, length, bend};
}

export interface Homogeneity {
  /** |D(0)|: zero for a decoder without biases. */
  readonly atZero: number;
  /** max over t in (0, a] of |D(±t) − t·D(±1)|: zero when the image is two rays from D(0) = 0. */
  readonly rayDeviation: number;
  /** Angle between the two rays D(1) and D(−1), in degrees (0–180). */
  readonly raysAngle: number;
}

/**
 * Tests positive homogeneity of a decoder, D(t z) = t D(z) for t ≥ 0, which
 * holds for ReLU networks with zero biases: the image of [−a, a] is then two
 * rays from the origin.
 */
export function homogeneity(
  spec: AutoencoderSpec,
  params: Float64Array,
  a: number,
  samples = 201
): Homogeneity {
  const z = linspace(-a, a, samples);
  const x = decode(spec, params, z, samples);
  const unit = decode(spec, params, [1, -1, 0], 3);
  const [p1, p2, m1, m2, o1, o2] = unit;
  let dev = 0;
  for (let k = 0; k < samples; ++k) {
    const t = Math.abs(z[k]);
    const [r1, r2] = z[k] >= 0 ? [p1, p2] : [m1, m2];
    dev = Math.max(dev, Math.hypot(x[2 * k] - t * r1, x[2 * k + 1] - t * r2));
  }
  const cos = (p1 * m1 + p2 * m2) / (Math.hypot(p1, p2) * Math.hypot(m1, m2) || 1);
  return {
    atZero: Math.hypot(o1, o2),
    rayDeviation: dev,
    raysAngle: (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI
  };
}
