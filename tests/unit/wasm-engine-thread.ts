// A fixed training run of the WebAssembly step, for the determinism test: it runs
// once in the test's thread and once in a worker thread (which imports this module).
import {createHash} from "node:crypto";
import {sheetModel} from "../../src/core/autoencoder/models.js";
import {rectangleData} from "../../src/core/autoencoder/rectangle.js";
import {initParams} from "../../src/core/engine/mlp.js";
import {adam} from "../../src/core/engine/problem.js";
import {createRng} from "../../src/core/engine/random.js";
import {createWasmEngine} from "../../src/core/engine/wasm/wasm-engine.js";

/** sha256 of the big autoencoder's parameters (float64 bytes) and of its step losses after 300 Adam steps. */
export function trainBig(): {params: string; losses: string} {
  const data = rectangleData(100, createRng(6));
  const spec = sheetModel("big");
  const engine = createWasmEngine(
    {spec, inputs: data, targets: data, n: 100, loss: "mse", optimizer: adam()},
    initParams(spec, "torch", createRng(12))
  );
  const rng = createRng(11);
  const order = Int32Array.from({length: 100}, (_, i) => i);
  const losses = new Float64Array(300);
  for (let s = 0; s < losses.length; ++s) {
    if (s % 12 === 0) rng.shuffle(order);
    losses[s] = engine.step(order.subarray((s % 12) * 8, (s % 12) * 8 + 8), 8);
  }
  const hash = (a: Float64Array) => createHash("sha256").update(new Uint8Array(a.buffer)).digest("hex");
  return {params: hash(engine.getParams()), losses: hash(losses)};
}
