import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {sheetData} from "../../src/core/autoencoder/snapshot.js";
import {decode, encode, reconstruct, reconstructionMse} from "../../src/core/autoencoder/models.js";
import {rectangleData} from "../../src/core/autoencoder/rectangle.js";
import {paramCount} from "../../src/core/engine/mlp.js";
import {
  distinctRows,
  forwardFloat32,
  perfectAutoencoder,
  separatingDirection
} from "../../src/core/exercises/e/perfect-ae.js";
import {createRng} from "../../src/core/engine/random.js";

function maxAbsError(points: Float64Array, n: number, p: number): number {
  const ae = perfectAutoencoder(points, n, p);
  const y = reconstruct(ae.spec, ae.params, points, n);
  let m = 0;
  for (let k = 0; k < y.length; ++k) m = Math.max(m, Math.abs(y[k] - points[k]));
  return m;
}

function gaussianPoints(n: number, p: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({length: n * p}, () => rng.normal());
}

describe("the constructed autoencoder of exercise 1 (e)", () => {
  const data = sheetData();
  const ae = perfectAutoencoder(data, 100, 2);

  it("reconstructs the sheet's 100 points to float64 rounding", () => {
    const mse = reconstructionMse(ae.spec, ae.params, data, 100);
    assert.ok(mse < 1e-20, `MSE ${mse}`);
    assert.ok(maxAbsError(data, 100, 2) < 1e-9);
  });

  it("has a one-number bottleneck, one hidden layer of n − 1 ReLUs and the core's layout", () => {
    assert.deepEqual(ae.spec.widths, [2, 1, 99, 2]);
    assert.deepEqual(ae.spec.activations, ["linear", "relu", "linear"]);
    assert.equal(ae.spec.encoderLayers, 1);
    assert.equal(ae.params.length, paramCount(ae.spec));
    assert.equal(ae.params.length, 401);
    // encode then decode is the whole network
    const codes = encode(ae.spec, ae.params, data, 100);
    assert.equal(codes.length, 100);
    assert.deepEqual(decode(ae.spec, ae.params, codes, 100), reconstruct(ae.spec, ae.params, data, 100));
  });

  it("gives every point its own code, and the knots are those codes in increasing order", () => {
    const codes = encode(ae.spec, ae.params, data, 100);
    assert.equal(new Set(codes).size, 100);
    for (let k = 1; k < ae.knots.length; ++k) assert.ok(ae.knots[k] > ae.knots[k - 1]);
    assert.deepEqual(Float64Array.from(codes).sort(), ae.knots);
    assert.ok(ae.minGap > 0);
    assert.equal(ae.sufficientCandidates, (1 * 100 * 99) / 2 + 1);
  });

  it("works for other random data sets, other sizes and other dimensions", () => {
    for (const [n, seed] of [
      [2, 1],
      [10, 2],
      [57, 3],
      [250, 4]
    ]) {
      const points = rectangleData(n, createRng(seed));
      assert.ok(maxAbsError(points, n, 2) < 1e-9, `rectangle n=${n}`);
    }
    for (const [n, p] of [
      [40, 1],
      [60, 3],
      [30, 5]
    ]) {
      const points = gaussianPoints(n, p, n + p);
      const ae = perfectAutoencoder(points, n, p);
      assert.deepEqual(ae.spec.widths, [p, 1, n - 1, p]);
      assert.ok(maxAbsError(points, n, p) < 1e-9, `gaussian n=${n}, p=${p}`);
    }
  });

  it("handles repeated points: they share a code and are all reconstructed", () => {
    const base = rectangleData(20, createRng(5));
    const points = new Float64Array(2 * 26);
    points.set(base);
    for (let r = 0; r < 6; ++r) points.set(base.subarray(2 * r, 2 * r + 2), 2 * (20 + r));
    assert.equal(distinctRows(points, 26, 2).length, 20);
    const ae = perfectAutoencoder(points, 26, 2);
    assert.equal(ae.distinct, 20);
    assert.deepEqual(ae.spec.widths, [2, 1, 19, 2]);
    assert.ok(maxAbsError(points, 26, 2) < 1e-9);
  });

  it("refuses when no candidate direction separates the points", () => {
    // Two points with equal first coordinate; the only candidate is t = 0, u = (1, 0).
    const points = Float64Array.from([0.5, 0, 0.5, 1]);
    assert.throws(() => separatingDirection(points, [0, 1], 2, 1), /no separating direction/);
    // With enough candidates (here 2: (p − 1)·K(K − 1)/2 + 1), one works.
    assert.ok(separatingDirection(points, [0, 1], 2).minGap > 0);
  });

  it("loses accuracy in float32, as the precision caveat says", () => {
    const y32 = forwardFloat32(ae.spec, ae.params, data, 100);
    let s = 0;
    for (let k = 0; k < 200; ++k) s += (y32[k] - data[k]) ** 2;
    const mse32 = s / 200;
    assert.ok(mse32 > 1e-14 && mse32 < 1e-4, `float32 MSE ${mse32}`);
  });
});
