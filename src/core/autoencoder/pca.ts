/**
 * Principal component analysis of two-dimensional data, in closed form. The
 * best reconstruction through a one-dimensional affine subspace keeps the
 * leading principal direction; the residual mean squared error per coordinate
 * (PyTorch's `MSELoss`, averaged over both coordinates) is λ_min / 2, where
 * λ_min is the smaller eigenvalue of the covariance (normalised by n).
 */

export interface Pca2 {
  readonly mean: [number, number];
  /** Covariance [[sxx, sxy], [sxy, syy]], normalised by n. */
  readonly covariance: [[number, number], [number, number]];
  /** Eigenvalues, largest first. */
  readonly eigenvalues: [number, number];
  /** Unit eigenvectors, matching `eigenvalues`; each with a non-negative first coordinate. */
  readonly components: [[number, number], [number, number]];
  /** The smallest reachable MSE of any rank-one affine reconstruction: λ_min / 2. */
  readonly optimumMse: number;
}

export function pca2(points: ArrayLike<number>, n: number): Pca2 {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; ++i) {
    mx += points[2 * i];
    my += points[2 * i + 1];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; ++i) {
    const dx = points[2 * i] - mx;
    const dy = points[2 * i + 1] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  sxx /= n;
  sxy /= n;
  syy /= n;
  const half = (sxx + syy) / 2;
  const root = Math.hypot((sxx - syy) / 2, sxy);
  const l1 = half + root;
  const l2 = half - root;
  const v1 = unitEigenvector(sxx, sxy, syy, l1);
  const v2: [number, number] = v1[1] >= 0 ? [v1[1], -v1[0]] : [-v1[1], v1[0]];
  return {
    mean: [mx, my],
    covariance: [
      [sxx, sxy],
      [sxy, syy]
    ],
    eigenvalues: [l1, l2],
    components: [v1, v2],
    optimumMse: l2 / 2
  };
}

function unitEigenvector(sxx: number, sxy: number, syy: number, lambda: number): [number, number] {
  // (A − λI)v = 0: take the better conditioned of the two rows.
  let v: [number, number] =
    Math.abs(sxx - lambda) > Math.abs(syy - lambda) ? [-sxy, sxx - lambda] : [syy - lambda, -sxy];
  if (v[0] === 0 && v[1] === 0) v = [1, 0];
  const norm = Math.hypot(v[0], v[1]);
  const sign = v[0] < 0 ? -1 : 1;
  return [(sign * v[0]) / norm, (sign * v[1]) / norm];
}
