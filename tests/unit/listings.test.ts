import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import {MODEL_NAMES, sheetModel} from "../../src/core/autoencoder/models.js";
import {
  stateDict,
  stateDictShapes,
  tfjsListing,
  torchListing,
  torchModules
} from "../../src/core/autoencoder/listings.js";
import {forward, initParams, paramCount} from "../../src/core/engine/mlp.js";
import {createRng} from "../../src/core/engine/random.js";

await tf.setBackend("cpu");

/** Reads the PyTorch listing as PyTorch would number it: Sequential indices of each Linear. */
function parseTorchListing(code: string): [string, number[]][] {
  const out: [string, number[]][] = [];
  for (const part of ["encoder", "decoder"]) {
    const body = code.split(`self.${part} = nn.Sequential(`)[1].split("\n        )")[0];
    let index = 0;
    for (const m of body.matchAll(/nn\.(Linear)\((\d+), (\d+)\)|nn\.(ReLU)\(\)/g)) {
      if (m[1]) {
        out.push(
          [`${part}.${index}.weight`, [Number(m[3]), Number(m[2])]],
          [`${part}.${index}.bias`, [Number(m[3])]]
        );
      }
      index += 1;
    }
  }
  return out;
}

describe("code listings and weight export", () => {
  for (const name of MODEL_NAMES) {
    const spec = sheetModel(name);

    it(`${name}: the state_dict has the keys and shapes of the PyTorch listing`, () => {
      const listing = torchListing(spec, "Model", "test");
      assert.deepEqual(parseTorchListing(listing), stateDictShapes(spec));
      const params = initParams(spec, "torch", createRng(1));
      const dict = stateDict(spec, params);
      for (const [key, shape] of stateDictShapes(spec)) {
        const value = dict[key];
        assert.ok(value, key);
        if (shape.length === 2) {
          assert.equal((value as number[][]).length, shape[0]);
          assert.ok((value as number[][]).every((row) => row.length === shape[1]));
        } else {
          assert.equal((value as number[]).length, shape[0]);
        }
      }
      // encoder.0.weight is [out, in] and holds the first layer's weights in order.
      assert.equal((dict["encoder.0.weight"] as number[][])[0][1], params[1]);
      const count = Object.values(dict).reduce((s, v) => s + (v as unknown[]).flat().length, 0);
      assert.equal(count, paramCount(spec));
    });

    it(`${name}: the tfjs listing builds the same network as the core`, () => {
      const build = new Function("tf", `${tfjsListing(spec, "model")}\nreturn model;`) as (
        t: typeof tf
      ) => tf.Sequential;
      const model = build(tf);
      assert.equal(model.countParams(), paramCount(spec));
      const params = initParams(spec, "torch", createRng(2));
      const dense = model.layers.flatMap((l) => (l as tf.Sequential).layers);
      const modules = torchModules(spec);
      assert.equal(dense.length, modules.length);
      const dict = stateDict(spec, params);
      dense.forEach((layer, k) => {
        const m = modules[k];
        const w = dict[`${m.part}.${m.index}.weight`] as number[][];
        layer.setWeights([
          tf.tensor2d(w).transpose(),
          tf.tensor1d(dict[`${m.part}.${m.index}.bias`] as number[])
        ]);
      });
      const x = [0.5, -0.3, -1.7, 0.9, 1.2, 0.1];
      const ours = forward(spec, params, x, 3);
      const theirs = (model.predict(tf.tensor2d(x, [3, 2])) as tf.Tensor).dataSync();
      for (let k = 0; k < 6; ++k)
        assert.ok(Math.abs(ours[k] - theirs[k]) < 1e-5, `output ${k}: ${ours[k]} vs ${theirs[k]}`);
      model.dispose();
    });
  }
});
