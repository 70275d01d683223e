// The WebAssembly step computes the same bits in Chromium as in Node: on a page's main
// thread and in a module worker, the losses of every step and the final parameters
// (their sha256) equal Node's. The engine's modules are served to the browser under
// /__wasm-engine/ by Playwright's routing (serve-modules.ts): no page of the site is involved.
import {expect} from "@playwright/test";
import {test} from "./fixtures.js";
import {sheetModel} from "../../src/core/autoencoder/models.js";
import {rectangleData} from "../../src/core/autoencoder/rectangle.js";
import type {MlpSpec} from "../../src/core/engine/mlp.js";
import {initParams, layerCount} from "../../src/core/engine/mlp.js";
import type {Problem} from "../../src/core/engine/problem.js";
import {adam, sgd} from "../../src/core/engine/problem.js";
import {createRng} from "../../src/core/engine/random.js";
import type {Scenario, ScenarioResult} from "./wasm-engine-run.js";
import {runScenario} from "./wasm-engine-run.js";
import {serveModules} from "./serve-modules.js";

const PREFIX = "/__wasm-engine/";

function scenario(
  name: string,
  problem: Omit<Problem, "inputs" | "targets">,
  inputs: Float64Array,
  targets: Float64Array,
  initial: Float64Array,
  steps: number,
  batchSize: number
): Scenario {
  const rng = createRng(21);
  const order = Int32Array.from({length: problem.n}, (_, i) => i);
  const perEpoch = Math.floor(problem.n / batchSize);
  const batches: number[][] = [];
  for (let s = 0; s < steps; ++s) {
    if (s % perEpoch === 0) rng.shuffle(order);
    batches.push([...order.subarray((s % perEpoch) * batchSize, ((s % perEpoch) + 1) * batchSize)]);
  }
  return {
    name,
    problem: {...problem, inputs: [...inputs], targets: [...targets]},
    initial: [...initial],
    batches
  };
}

function scenarios(): Scenario[] {
  const data = rectangleData(100, createRng(6));
  const big = sheetModel("big");
  const small = sheetModel("small");
  const frozen = Array.from({length: layerCount(small)}, (_, l) => l < small.encoderLayers);
  const playground: MlpSpec = {widths: [2, 8, 6, 1], activations: ["tanh", "sigmoid", "tanh"]};
  const labels = Float64Array.from({length: 100}, (_, i) => (data[2 * i] * data[2 * i + 1] > 0 ? 1 : -1));
  const ae = {n: 100, loss: "mse" as const, optimizer: adam()};
  const pg = {spec: playground, n: 100, loss: "half-se" as const};
  return [
    scenario("big, Adam", {spec: big, ...ae}, data, data, initParams(big, "torch", createRng(1)), 300, 8),
    scenario(
      "small, frozen decoder",
      {spec: small, ...ae, trainable: frozen},
      data,
      data,
      initParams(small, "torch", createRng(2)),
      300,
      8
    ),
    scenario(
      "tanh/sigmoid, SGD + L1",
      {...pg, optimizer: sgd(0.03), regularization: {kind: "l1", rate: 0.05}},
      data,
      labels,
      initParams(playground, "playground", createRng(3)),
      300,
      10
    ),
    scenario(
      "tanh/sigmoid, SGD + L2, batch 7",
      {...pg, optimizer: sgd(0.1), regularization: {kind: "l2", rate: 0.01}},
      data,
      labels,
      initParams(playground, "playground", createRng(4)),
      300,
      7
    )
  ];
}

test("the WebAssembly step gives Node's bytes in Chromium, on the main thread and in a module worker", async ({
  page
}) => {
  test.setTimeout(120_000);
  const cases = scenarios();
  const inNode: ScenarioResult[] = [];
  for (const s of cases) inNode.push(await runScenario(s));

  await serveModules(page, PREFIX, {
    "worker.js": `import {runScenario} from "./tests/browser/wasm-engine-run.js";
      onmessage = async (event) => postMessage(await Promise.all(event.data.map(runScenario)));`
  });
  await page.goto(`${PREFIX}index.html`);

  const onPage = await page.evaluate(
    async ({url, cases}) => {
      const {runScenario} = await import(url);
      const results = [];
      for (const s of cases) results.push(await runScenario(s));
      return results;
    },
    {url: `${PREFIX}tests/browser/wasm-engine-run.js`, cases}
  );

  const inWorker = await page.evaluate(
    ({url, cases}) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(url, {type: "module"});
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage(cases);
      }),
    {url: `${PREFIX}worker.js`, cases}
  );

  for (const r of inNode) expect(r.losses.every(Number.isFinite), `${r.name}: finite losses`).toBe(true);
  expect(onPage).toEqual(inNode);
  expect(inWorker).toEqual(inNode);
});
