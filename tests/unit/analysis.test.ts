import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {autoencoderSpec, sheetModel} from "../../src/core/autoencoder/models.js";
import {axisAngle, curveShape, linearGeometry, pearson} from "../../src/core/autoencoder/analysis.js";

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
    const params = Float64Array.from([
      1, 0, 0, /* W1 */ 1, 1, 1, /* b1 */ 0, -1, -2, /* W2 [2,3] */ 1, -2, 2, 0, 1, -2, /* b2 */ 0, 0
    ]);
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
    const {initParams} = await import("../../src/core/engine/mlp.js");
    const {createRng} = await import("../../src/core/engine/random.js");
    const {homogeneity} = await import("../../src/core/autoencoder/analysis.js");
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

describe("verdicts of (c), for the published runs and for a reader's", () => {
  it("measure a run rebuilt from its weights exactly as the build measured it", async () => {
    const {DEFAULT_SNAPSHOT_CONFIG, sheetData, snapshotRun} =
      await import("../../src/core/autoencoder/snapshot.js");
    const {SHEET_HIDDEN} = await import("../../src/core/autoencoder/models.js");
    const {measureRun} = await import("../../src/core/autoencoder/decoder-verdicts.js");
    const {pca2} = await import("../../src/core/autoencoder/pca.js");
    const config = {...DEFAULT_SNAPSHOT_CONFIG, epochs: 30};
    const data = sheetData(config);
    const pca = pca2(data, data.length / 2);
    for (const model of ["small", "pca"] as const) {
      const {run} = snapshotRun(model, 2, data, config);
      const {analysis} = measureRun(
        {
          hidden: SHEET_HIDDEN[model],
          linear: model === "pca",
          seed: 2,
          params: run.weights,
          finalView: run.final
        },
        data,
        pca
      );
      // Same untrained draw, same interval: identical; the trained weights are stored to 7 digits.
      assert.deepEqual(analysis.initShape, run.analysis.initShape, model);
      assert.equal(analysis.finalShape.pieces, run.analysis.finalShape.pieces, model);
      assert.equal(analysis.finalShape.turnsX2, run.analysis.finalShape.turnsX2, model);
      assert.ok(
        Math.abs(analysis.finalShape.length - run.analysis.finalShape.length) <=
          1e-3 * run.analysis.finalShape.length,
        model
      );
      assert.ok(Math.abs(analysis.corrX1 - run.analysis.corrX1) < 1e-3, model);
    }
  });

  it("judge one run with the same thresholds, in sentences that agree in number", async () => {
    const {decoderVerdicts, lineOffset} = await import("../../src/core/autoencoder/decoder-verdicts.js");
    const titles = {pca: "PCA-like", small: "small", big: "big"};
    const linear = {initBend: 0, trainedBend: 1e-17, decoderAngle: 0.5, meanOffset: 1e-4};
    const relu = {
      initPieces: 1,
      initLength: 0.01,
      finalPieces: 20,
      finalTurns: 1,
      finalLength: 6,
      torchAtZero: 0.2,
      tfjsAtZero: 0,
      tfjsRayDeviation: 0
    };
    const big = {...relu, initPieces: 12, finalPieces: 90};
    const v = decoderVerdicts({pca: [linear], small: [relu], big: [big]}, titles);
    assert.equal(v.length, 7);
    assert.deepEqual(
      v.map((r) => r.held),
      [true, true, true, false, true, true, false]
    );
    assert.match(v[2].measured, /^1 piece; length 0\.010 against 6\.0 trained; \|D\(0\)\| = 0\.200$/);
    assert.equal(v[3].what, "the untrained big model has 12 pieces");
    // The small model's curve turns only once: not the predicted zigzag.
    assert.match(v[6].measured, /small 20 pieces and 1 turn in x₂; big 90 pieces and 1 turn/);
    // Over several seeds: ranges, "at most", and the median.
    const many = decoderVerdicts(
      {
        pca: [linear, {...linear, decoderAngle: 1.5}],
        small: [relu, {...relu, finalTurns: 3}],
        big: [big, big]
      },
      titles
    );
    assert.match(many[1].measured, /^direction 1\.50° from it at most; mean at most/);
    assert.match(many[6].measured, /1–3 turns in x₂/);
    // The mean (1, 1) is √2 from the line through the origin along (1, −1).
    assert.ok(Math.abs(lineOffset([0, 0, 0, 1, -1, 0, 0], [1, 1]) - Math.SQRT2) < 1e-12);
  });
});
