import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {pca2} from "../../src/core/autoencoder/pca.js";
import {rectangleData} from "../../src/core/autoencoder/rectangle.js";
import {createRng} from "../../src/core/engine/random.js";

describe("pca2", () => {
  it("finds the principal axes of a rotated, stretched cloud", () => {
    const angle = 0.6;
    const rng = createRng(11);
    const n = 4000;
    const pts = new Float64Array(2 * n);
    for (let i = 0; i < n; ++i) {
      const a = 3 * rng.normal();
      const b = 0.5 * rng.normal();
      pts[2 * i] = 1 + a * Math.cos(angle) - b * Math.sin(angle);
      pts[2 * i + 1] = -2 + a * Math.sin(angle) + b * Math.cos(angle);
    }
    const p = pca2(pts, n);
    assert.ok(Math.abs(p.components[0][0] - Math.cos(angle)) < 0.01);
    assert.ok(Math.abs(p.components[0][1] - Math.sin(angle)) < 0.01);
    assert.ok(Math.abs(p.eigenvalues[0] / 9 - 1) < 0.06 && Math.abs(p.eigenvalues[1] / 0.25 - 1) < 0.06);
    assert.ok(Math.abs(p.mean[0] - 1) < 0.15 && Math.abs(p.mean[1] + 2) < 0.15);
  });

  it("gives λ_min / 2 as the optimum, equal to the MSE of projecting onto the first axis", () => {
    const x = rectangleData(100, createRng(6));
    const p = pca2(x, 100);
    const [v] = p.components;
    let err = 0;
    for (let i = 0; i < 100; ++i) {
      const dx = x[2 * i] - p.mean[0];
      const dy = x[2 * i + 1] - p.mean[1];
      const t = dx * v[0] + dy * v[1];
      err += (dx - t * v[0]) ** 2 + (dy - t * v[1]) ** 2;
    }
    assert.ok(Math.abs(err / 200 - p.optimumMse) < 1e-12);
    // For this rectangle the minor axis is x2, with variance near 1/3.
    assert.ok(Math.abs(p.components[1][1]) > 0.99);
  });
});
