/**
 * The four classification data sets of the TensorFlow Playground, re-implemented
 * from the facts of its public source (see the bonus page): every generator
 * takes the number of points, the noise as a fraction (the slider's 0–50 divided
 * by 100) and the one seeded random source, and returns points with labels ±1.
 * `playgroundData` then shuffles them and splits them into training and test
 * points by the training ratio, as the Playground does.
 */
import {cos, sin} from "../engine/portable-math.js";
import type {Rng} from "../engine/random.js";

export type DatasetName = "circle" | "xor" | "gauss" | "spiral";
export const DATASET_NAMES: readonly DatasetName[] = ["circle", "xor", "gauss", "spiral"];
export const DATASET_LABELS: Record<DatasetName, string> = {
  circle: "circle",
  xor: "exclusive or",
  gauss: "gaussian",
  spiral: "spiral"
};

/** The Playground's classification data sets have 500 points. */
export const PLAYGROUND_POINTS = 500;

/** Points as parallel arrays: coordinates row-major [n, 2] and labels ±1. */
export interface Points {
  readonly xy: Float64Array;
  readonly label: Float64Array;
}

export type Generator = (n: number, noise: number, rng: Rng) => Points;

function collect(n: number, fill: (push: (x: number, y: number, label: number) => void) => void): Points {
  const xy = new Float64Array(2 * n);
  const label = new Float64Array(n);
  let k = 0;
  fill((x, y, l) => {
    xy[2 * k] = x;
    xy[2 * k + 1] = y;
    label[k++] = l;
  });
  if (k !== n) throw new Error(`generator made ${k} points, expected ${n}`);
  return {xy, label};
}

/**
 * Two interleaved spiral arms, n/2 points each, the second turned by π. Point i
 * of an arm sits at radius 5i/(n/2) and angle 1.75·2π·i/(n/2); each coordinate
 * then moves by U(−1, 1)·noise.
 */
export function spiral(n: number, noise: number, rng: Rng): Points {
  const half = Math.floor(n / 2);
  return collect(2 * half, (push) => {
    for (const [turn, l] of [
      [0, 1],
      [Math.PI, -1]
    ] as const) {
      for (let i = 0; i < half; ++i) {
        const r = (5 * i) / half;
        const t = (1.75 * 2 * Math.PI * i) / half + turn;
        const x = r * sin(t) + rng.uniform(-1, 1) * noise;
        const y = r * cos(t) + rng.uniform(-1, 1) * noise;
        push(x, y, l);
      }
    }
  });
}

/**
 * A disc of radius 2.5 (label +1) inside a ring from 3.5 to 5 (label −1). The
 * points stay where they are drawn; noise moves the point at which the label is
 * decided, by U(−5, 5)·noise in each coordinate, so it flips labels near the gap.
 */
export function circle(n: number, noise: number, rng: Rng): Points {
  const half = Math.floor(n / 2);
  const radius = 5;
  return collect(2 * half, (push) => {
    for (const [lo, hi] of [
      [0, radius / 2],
      [radius * 0.7, radius]
    ] as const) {
      for (let i = 0; i < half; ++i) {
        const r = rng.uniform(lo, hi);
        const angle = rng.uniform(0, 2 * Math.PI);
        const x = r * sin(angle);
        const y = r * cos(angle);
        const nx = rng.uniform(-radius, radius) * noise;
        const ny = rng.uniform(-radius, radius) * noise;
        const dx = x + nx;
        const dy = y + ny;
        push(x, y, Math.sqrt(dx * dx + dy * dy) < radius / 2 ? 1 : -1);
      }
    }
  });
}

/**
 * Uniform points in [−5, 5]², each coordinate pushed 0.3 away from zero; the label
 * is the sign of x·y (+1 for ≥ 0) taken at a point moved by U(−5, 5)·noise.
 */
export function xor(n: number, noise: number, rng: Rng): Points {
  const pad = (v: number) => v + (v > 0 ? 0.3 : -0.3);
  return collect(n, (push) => {
    for (let i = 0; i < n; ++i) {
      const x = pad(rng.uniform(-5, 5));
      const y = pad(rng.uniform(-5, 5));
      const nx = rng.uniform(-5, 5) * noise;
      const ny = rng.uniform(-5, 5) * noise;
      push(x, y, (x + nx) * (y + ny) >= 0 ? 1 : -1);
    }
  });
}

/** The variance of each gaussian: 0.5 at noise 0, growing linearly to 4 at noise 0.5. */
export function gaussVariance(noise: number): number {
  return 0.5 + (noise / 0.5) * (4 - 0.5);
}

/** Two round gaussians, n/2 points each, centred at (2, 2) (label +1) and (−2, −2) (label −1). */
export function gauss(n: number, noise: number, rng: Rng): Points {
  const half = Math.floor(n / 2);
  const sd = Math.sqrt(gaussVariance(noise));
  return collect(2 * half, (push) => {
    for (const [c, l] of [
      [2, 1],
      [-2, -1]
    ] as const) {
      for (let i = 0; i < half; ++i) push(c + sd * rng.normal(), c + sd * rng.normal(), l);
    }
  });
}

export const GENERATORS: Record<DatasetName, Generator> = {circle, xor, gauss, spiral};

export interface PlaygroundData {
  readonly train: Points;
  readonly test: Points;
}

export interface DataConfig {
  readonly dataset: DatasetName;
  /** The slider's value, 0–50; the generators receive noise / 100. */
  readonly noise: number;
  /** Percentage of the points used for training, 10–90. */
  readonly trainRatio: number;
}

function pick(points: Points, order: Int32Array, from: number, to: number): Points {
  const m = to - from;
  const xy = new Float64Array(2 * m);
  const label = new Float64Array(m);
  for (let k = 0; k < m; ++k) {
    const i = order[from + k];
    xy[2 * k] = points.xy[2 * i];
    xy[2 * k + 1] = points.xy[2 * i + 1];
    label[k] = points.label[i];
  }
  return {xy, label};
}

/** Generates 500 points, shuffles them and splits off the first ⌊500 · ratio / 100⌋ for training. */
export function playgroundData(config: DataConfig, rng: Rng, n = PLAYGROUND_POINTS): PlaygroundData {
  const generator = GENERATORS[config.dataset];
  if (!generator) throw new RangeError(`unknown data set ${config.dataset as string}`);
  if (!(config.noise >= 0 && config.noise <= 50))
    throw new RangeError(`noise must be in [0, 50], got ${config.noise}`);
  if (!(config.trainRatio >= 10 && config.trainRatio <= 90))
    throw new RangeError(`training ratio must be in [10, 90], got ${config.trainRatio}`);
  const points = generator(n, config.noise / 100, rng);
  const total = points.label.length;
  const order = rng.shuffle(Int32Array.from({length: total}, (_, i) => i));
  const split = Math.floor((total * config.trainRatio) / 100);
  return {train: pick(points, order, 0, split), test: pick(points, order, split, total)};
}
