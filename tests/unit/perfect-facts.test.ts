// Exercise 1 (e): the numbers the page quotes about the constructed autoencoder, as the page printed
// them when it computed them inline; its layer table; its error rows, with the page's recomputation.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {buildPerfectSnapshot} from "../../src/core/exercises/e/snapshot.js";
import {FRESH_SHOWN, layerRows, perfectFacts} from "../../src/core/exercises/e/facts.js";

// Without trained big models: their fresh-point MSE is not needed here.
const perfect = buildPerfectSnapshot([]);
const trained = {bigFinalMse: [0.004, 0.002, 0.003, 0.001], pcaOptimum: 0.178};

describe("exercise 1 (e): the page's facts", () => {
  const e = perfectFacts(perfect, trained);
  it("quotes the construction's sizes and numbers as the page printed them", () => {
    assert.equal(e.n, 100);
    assert.equal(e.points, "100 points");
    assert.equal(e.distinct, "100 distinct points");
    assert.equal(e.terms, "100 terms");
    assert.equal(e.segments, "99 segments");
    assert.equal(e.candidates, "4,951 directions");
    assert.equal(e.minGap, "2.70·10⁻³");
    assert.equal(e.maxSlope, "420.696");
    assert.equal(e.maxWeight, "423.675");
    assert.equal(e.maxAbs, "2.2·10⁻¹³");
    assert.equal(e.mse, "3.2·10⁻²⁷");
    assert.equal(e.widths, perfect.widths.join(", "));
    assert.equal(e.params, `${perfect.params.toLocaleString("en-US")} parameters`);
    assert.deepEqual(e.u, [perfect.direction[0].toFixed(4), perfect.direction[1].toFixed(4)]);
    assert.equal(e.freshPoints, "1,000 fresh points");
    assert.equal(e.freshShown, FRESH_SHOWN);
    assert.equal(e.fresh.fresh.length, FRESH_SHOWN);
    assert.equal(e.shape.points.length, 100);
  });

  it("takes the median of the trained runs and names their seeds", () => {
    assert.equal(e.bigTrain, "0.0025");
    assert.equal(e.seeds, "4 seeds");
    assert.equal(e.pcaOptimum, "0.178");
  });

  it("recomputes the loader's error with the core's forward pass", () => {
    const [mse, recomputed, maxAbs, float32, fresh] = e.errors;
    assert.equal(mse.value, perfect.mse);
    // The snapshot stores four significant digits; the page's float64 recomputation agrees to them.
    assert.equal(Number(recomputed.value.toPrecision(4)), perfect.mse);
    assert.equal(recomputed.text, mse.text);
    assert.equal(maxAbs.value, perfect.maxAbsError);
    assert.equal(float32.value, perfect.mseFloat32);
    assert.ok(float32.value > 1e6 * mse.value, "float32 rounds far more coarsely");
    assert.equal(fresh.label, "MSE on 1,000 fresh points");
    assert.equal(fresh.text, perfect.freshMse.toFixed(3));
  });

  it("lists the three layers with their roles and parameter counts", () => {
    const rows = layerRows(perfect);
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[0], {
      layer: 1,
      shape: "2 → 1",
      activation: "none (linear)",
      role: "encoder: z = u·x (bottleneck)",
      parameters: 3
    });
    assert.equal(rows[1].role, "decoder: ReLU(z − z₍ₖ₎)");
    assert.equal(rows[1].activation, "ReLU");
    assert.equal(rows[2].role, "decoder: output");
    assert.equal(
      rows.reduce((s, r) => s + r.parameters, 0),
      perfect.params
    );
  });
});
