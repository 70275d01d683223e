// Exercise 1 (a): the three networks with their parameter counts, the trained linear model's
// numbers as the prose writes them, and the training setup in words.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {linearFacts, parameterCounts, setupWords, sheetNetworks} from "../../src/core/exercises/a/facts.js";
import type {AutoencoderSnapshot} from "../../src/core/autoencoder/snapshot.js";
import {linearGeometry} from "../../src/core/autoencoder/analysis.js";

describe("exercise 1 (a): the page's facts", () => {
  it("heads each network's card with its parameter count", () => {
    const networks = sheetNetworks();
    assert.deepEqual(
      networks.map((n) => n.heading),
      ["small: 563 parameters", "big: 10,603 parameters", "PCA-like (linear): 7 parameters"]
    );
    assert.deepEqual(parameterCounts(networks), {small: "563", big: "10,603", pca: "7"});
    assert.deepEqual(networks[0].spec.widths, [2, 20, 10, 1, 10, 20, 2]);
    assert.equal(networks[2].className, "LinearAutoencoder");
  });

  it("writes the linear model's weights, angles, gain and code scale of the chosen seed", () => {
    // Two seeds of a linear model {1, 2}: weights w (2), bias b, decoder u (2), bias c (2).
    const runs = [
      {seed: 0, weights: [0.7712, 0.0183, 0.1, 1.2941, 0.0317, 0, 0]},
      {seed: 1, weights: [-0.5, 0.01, 0, -2.0, -0.04, 0, 0]}
    ];
    const snap = {pca: {components: [[1, 0]]}, models: {pca: {runs}}} as unknown as AutoencoderSnapshot;
    const f = linearFacts(snap, 0);
    const geo = linearGeometry(runs[0].weights, [1, 0]);
    assert.equal(f.w, "0.771, 0.018");
    assert.equal(f.u, "1.294, 0.032");
    assert.equal(f.encoderAngle, geo.encoderAngle.toFixed(2));
    assert.equal(f.decoderAngle, geo.decoderAngle.toFixed(2));
    assert.equal(f.gain, (0.7712 * 1.2941 + 0.0183 * 0.0317).toFixed(4));
    assert.equal(f.codeScale, Math.hypot(0.7712, 0.0183).toFixed(3));
    assert.equal(linearFacts(snap, 1).w, "-0.500, 0.010");
  });

  it("states the notebook's setup", () => {
    assert.deepEqual(setupWords(), {
      lr: "0.001",
      n: "100",
      batchSize: "8",
      epochs: "1,000 epochs",
      steps: "12 steps"
    });
  });
});
