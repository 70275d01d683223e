import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {SHEET_HIDDEN, autoencoderSpec, sheetModel} from "../../src/core/autoencoder/models.js";
import {activate, forward, initParams, layout, paramCount, weightMask} from "../../src/core/engine/mlp.js";
import type {Activation, MlpSpec} from "../../src/core/engine/mlp.js";
import {createRng} from "../../src/core/engine/random.js";

describe("autoencoder architectures", () => {
  it("have the parameter counts of the sheet's models", () => {
    assert.equal(paramCount(sheetModel("small")), 563);
    assert.equal(paramCount(sheetModel("big")), 10603);
    assert.equal(paramCount(sheetModel("pca")), 7);
  });

  it("put ReLU after every hidden layer except the bottleneck and the output", () => {
    const small = sheetModel("small");
    assert.deepEqual(small.widths, [2, 20, 10, 1, 10, 20, 2]);
    assert.deepEqual(small.activations, ["relu", "relu", "linear", "relu", "relu", "linear"]);
    assert.equal(small.encoderLayers, 3);
    const big = sheetModel("big");
    assert.deepEqual(big.activations, ["relu", "relu", "relu", "linear", "relu", "relu", "relu", "linear"]);
    assert.equal(big.encoderLayers, 4);
    const pca = sheetModel("pca");
    assert.deepEqual(pca.activations, ["linear", "linear"]);
    assert.equal(pca.encoderLayers, 1);
  });

  it("rejects an output width that differs from the input", () => {
    assert.throws(() => autoencoderSpec([10, 1, 3]), /output width/);
    assert.deepEqual(SHEET_HIDDEN.pca, [1, 2]);
  });
});

describe("initialisation", () => {
  it("draws PyTorch's U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weights and biases", () => {
    const spec = sheetModel("big");
    const p = initParams(spec, "torch", createRng(1));
    for (const ly of layout(spec)) {
      const bound = 1 / Math.sqrt(ly.in);
      const block = p.subarray(ly.w, ly.b + ly.out);
      assert.ok(block.every((x) => Math.abs(x) <= bound));
      // Wide layers fill most of the interval: the extremes come near the bound.
      if (ly.in * ly.out >= 100) assert.ok(Math.max(...block.map(Math.abs)) > 0.9 * bound);
    }
    const biases = layout(spec).flatMap((ly) => Array.from(p.subarray(ly.b, ly.b + ly.out)));
    assert.ok(
      biases.some((b) => b !== 0),
      "PyTorch biases are not zero"
    );
  });

  it("draws tfjs's glorot-normal weights and zero biases", () => {
    const spec = sheetModel("big");
    const p = initParams(spec, "tfjs", createRng(2));
    const mask = weightMask(spec);
    const ly = layout(spec)[1]; // 50 → 50
    const w = Array.from(p.subarray(ly.w, ly.w + ly.in * ly.out));
    const sd = Math.sqrt(w.reduce((s, x) => s + x * x, 0) / w.length);
    // A normal truncated at 2 sd keeps 88 % of its variance.
    assert.ok(Math.abs(sd - Math.sqrt(2 / 100) * Math.sqrt(0.774)) < 0.02, `sd ${sd}`);
    assert.ok(p.every((x, k) => mask[k] === 1 || x === 0));
  });

  it("is reproducible from the seed and differs between seeds", () => {
    const spec = sheetModel("small");
    assert.deepEqual(initParams(spec, "torch", createRng(5)), initParams(spec, "torch", createRng(5)));
    assert.notDeepEqual(initParams(spec, "torch", createRng(5)), initParams(spec, "torch", createRng(6)));
  });
});

describe("forward", () => {
  it("computes an affine map for the linear model", () => {
    const spec = sheetModel("pca");
    // encoder: z = 2 x1 − x2 + 0.5; decoder: x̂ = (3 z, −z) + (1, 0)
    const params = Float64Array.from([2, -1, 0.5, 3, -1, 1, 0]);
    const y = forward(spec, params, [1, 1], 1);
    const z = 2 - 1 + 0.5;
    assert.deepEqual(Array.from(y), [3 * z + 1, -z]);
  });

  it("gives the bits of a plain triple loop, for every activation, odd row counts and widths, NaN and −0", () => {
    // The reference: each sum starts at the bias and adds the products in input order.
    const plain = (spec: MlpSpec, params: Float64Array, input: readonly number[], n: number) => {
      let x = Float64Array.from(input);
      layout(spec).forEach(({in: nin, out: nout, w, b}, l) => {
        const y = new Float64Array(n * nout);
        for (let r = 0; r < n; ++r)
          for (let j = 0; j < nout; ++j) {
            let s = params[b + j];
            for (let i = 0; i < nin; ++i) s += params[w + j * nin + i] * x[r * nin + i];
            y[r * nout + j] = activate(spec.activations[l], s);
          }
        x = y;
      });
      return x;
    };
    const rng = createRng(11);
    const kinds: Activation[] = ["relu", "tanh", "sigmoid", "linear"];
    for (const widths of [
      [2, 50, 50, 1, 50, 2],
      [3, 7, 5, 9, 2],
      [1, 4, 1]
    ]) {
      for (const act of kinds) {
        const spec: MlpSpec = {widths, activations: widths.slice(1).map((_, l) => (l % 2 ? "linear" : act))};
        const params = initParams(spec, "torch", rng);
        for (const n of [1, 2, 7, 100]) {
          const input = Array.from({length: n * widths[0]}, (_, i) =>
            i % 13 === 5 ? -0 : Math.sin(3 * i) * 2
          );
          if (n === 7) input[3] = NaN;
          const got = forward(spec, params, input, n);
          const want = plain(spec, params, input, n);
          assert.ok(
            got.every((v, i) => Object.is(v, want[i])),
            `${widths.join("-")} ${act}, ${n} rows`
          );
        }
      }
    }
  });
});
