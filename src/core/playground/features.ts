/**
 * The Playground's seven input features of a point (x₁, x₂), always in this
 * order; a network sees the chosen ones, unscaled.
 */
import {sin} from "../engine/portable-math.js";

export type FeatureName = "x1" | "x2" | "x1sq" | "x2sq" | "x1x2" | "sinx1" | "sinx2";

export interface Feature {
  readonly name: FeatureName;
  /** How the page writes it. */
  readonly label: string;
  readonly f: (x1: number, x2: number) => number;
}

export const FEATURES: readonly Feature[] = [
  {name: "x1", label: "X₁", f: (x1) => x1},
  {name: "x2", label: "X₂", f: (_, x2) => x2},
  {name: "x1sq", label: "X₁²", f: (x1) => x1 * x1},
  {name: "x2sq", label: "X₂²", f: (_, x2) => x2 * x2},
  {name: "x1x2", label: "X₁X₂", f: (x1, x2) => x1 * x2},
  {name: "sinx1", label: "sin X₁", f: (x1) => sin(x1)},
  {name: "sinx2", label: "sin X₂", f: (_, x2) => sin(x2)}
];

export const FEATURE_NAMES: readonly FeatureName[] = FEATURES.map((f) => f.name);

export function featureLabel(name: FeatureName): string {
  return FEATURES.find((f) => f.name === name)?.label ?? name;
}

/** The chosen features in the canonical order, whatever order they were given in. */
export function canonicalFeatures(names: readonly string[]): FeatureName[] {
  for (const n of names)
    if (!FEATURE_NAMES.includes(n as FeatureName)) throw new RangeError(`unknown feature ${n}`);
  return FEATURE_NAMES.filter((n) => names.includes(n));
}

/** Maps points (row-major [n, 2]) to their feature rows (row-major [n, features.length]). */
export function featurize(xy: ArrayLike<number>, features: readonly FeatureName[]): Float64Array {
  const chosen = canonicalFeatures(features).map((n) => FEATURES.find((f) => f.name === n)!.f);
  if (chosen.length === 0) throw new RangeError("choose at least one feature");
  const n = xy.length / 2;
  const d = chosen.length;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; ++i) {
    const x1 = xy[2 * i];
    const x2 = xy[2 * i + 1];
    for (let k = 0; k < d; ++k) out[i * d + k] = chosen[k](x1, x2);
  }
  return out;
}
