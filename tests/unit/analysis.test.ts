import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {autoencoderSpec, sheetModel} from "../../src/core/autoencoder.js";
import {axisAngle, curveShape, linearGeometry, pearson} from "../../src/core/ae-analysis.js";

describe("analysis helpers", () => {
  it("measure angles between axes regardless of orientation", () => {
    assert.ok(Math.abs(axisAngle([1, 0], [0, 2]) - 90) < 1e-9);
    assert.ok(Math.abs(axisAngle([1, 1], [-2, -2])) < 1e-6);
    assert.ok(Math.abs(axisAngle([1, 0], [1, 1]) - 45) < 1e-9);
  });

  it("correlate", () => {
    assert.ok(Math.abs(pearson([1, 2, 3], [2, 4, 6]) - 1) < 1e-12);
    assert.ok(Math.abs(pearson([1, 2, 3], [3, 2, 1]) + 1) < 1e-12);
  });

  it("read the linear model's geometry", () => {
    // z = 2 x1, x̂ = (0.5 z, 0): the projection onto the x1 axis with the code stretched by 2.
    const g = linearGeometry([2, 0, 0, 0.5, 0, 0, 0], [1, 0]);
    assert.equal(g.encoderAngle, 0);
    assert.equal(g.decoderAngle, 0);
    assert.equal(g.gain, 1);
    assert.equal(g.codeScale, 2);
  });

  it("count the pieces and turns of a hand-built decoder curve", () => {
    // Decoder 1 → 3 → 2 with ReLU: hidden units switch on at z = 0, 1, 2.
    const spec = autoencoderSpec([1, 3, 2]);
    assert.deepEqual(spec.activations, ["linear", "relu", "linear"]);
    // Encoder 2 → 1 (unused here), then hidden h_k = relu(z − k), output x̂ = Σ_k a_k h_k.
    const params = Float64Array.from([1, 0, 0, /* W1 */ 1, 1, 1, /* b1 */ 0, -1, -2, /* W2 [2,3] */ 1, -2, 2, 0, 1, -2, /* b2 */ 0, 0]);
    const shape = curveShape(spec, params, -1, 3, 4001);
    // Flat for z < 0 (not a piece), then slopes change at z = 1 and z = 2: 3 pieces.
    assert.equal(shape.pieces, 3);
    // x1 slope: 1, −1, 1 → two turns; x2 slope: 0, 1, −1 → one turn.
    assert.equal(shape.turnsX1, 2);
    assert.equal(shape.turnsX2, 1);
  });

  it("find no kink in the linear model's straight line", () => {
    const spec = sheetModel("pca");
    const shape = curveShape(spec, Float64Array.from([1, 0, 0, 0.7, 0.2, 0.1, -0.3]), -3, 3);
    assert.equal(shape.pieces, 1);
    assert.ok(shape.bend < 1e-12);
  });
});

describe("homogeneity of decoders", () => {
  it("holds exactly with tfjs's zero biases, and not with PyTorch's initialisation", async () => {
    const {initParams} = await import("../../src/core/mlp.js");
    const {createRng} = await import("../../src/core/random.js");
    const {homogeneity} = await import("../../src/core/ae-analysis.js");
    for (const name of ["small", "big"] as const) {
      const spec = sheetModel(name);
      const zero = homogeneity(spec, initParams(spec, "tfjs", createRng(3)), 5);
      assert.equal(zero.atZero, 0);
      assert.ok(zero.rayDeviation < 1e-12, `${name}: ${zero.rayDeviation}`);
      const torch = homogeneity(spec, initParams(spec, "torch", createRng(3)), 5);
      assert.ok(torch.atZero > 1e-3, `${name}: D(0) = ${torch.atZero}`);
    }
  });
});
