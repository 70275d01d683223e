// Browser side of the benchmark, in headless Chromium against the built site:
// ms per step in the training worker, the time for the three default models to
// retrain 1000 epochs from the page's button, the longest main-thread task
// meanwhile (with the page's default engine), and the JavaScript a page loads before
// any interaction. Then the fused and the WebAssembly step side by side in a bare
// module worker (the same measurement as in Node, bench/engine-speed.ts, served by
// tests/browser/serve-modules.ts).
import {chromium} from "@playwright/test";
import type {Page} from "@playwright/test";
import {spawn} from "node:child_process";
import {readdirSync} from "node:fs";
// @ts-expect-error: a plain ES module without type declarations
import {findChromium} from "../scripts/chromium.mjs";
import {serveModules} from "../tests/browser/serve-modules.js";
import {EPOCHS, MODELS} from "./engine-speed.js";
import type {EngineComparison} from "./engine-speed.js";
import {REPS, round} from "./node-speed.js";

/** BENCH_PORT: another port when several benchmarks share the machine. */
const PORT = Number(process.env.BENCH_PORT ?? 4190);
const BASE = `http://127.0.0.1:${PORT}`;

export async function runUntilDone(
  page: Page,
  url: string,
  click: boolean,
  beforeClick?: () => Promise<void>
): Promise<{ms: number; longestTaskMs: number}> {
  await page.goto(url, {waitUntil: "networkidle"});
  // Let the page finish its first render (fonts, figures) before measuring.
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as {longest: number};
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({type: "longtask", buffered: false});
  });
  await beforeClick?.();
  const t0 = Date.now();
  if (click) await page.getByRole("button", {name: "Retrain in this page"}).click();
  await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll(".progress-row")];
      return (
        rows.length > 0 &&
        rows.every(
          (r) => r.getAttribute("data-phase") !== "training" && r.getAttribute("data-phase") !== "starting"
        )
      );
    },
    undefined,
    {timeout: 300_000, polling: 50}
  );
  const ms = Date.now() - t0;
  const longestTaskMs = await page.evaluate(() => (window as unknown as {longest: number}).longest);
  return {ms, longestTaskMs};
}

export async function browserSpeed(): Promise<Record<string, unknown>> {
  const server = spawn(process.execPath, ["scripts/serve.mjs", String(PORT)], {stdio: "ignore"});
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
  });
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 1000}});
    // JavaScript before first interaction, per page: every script resource fetched by then (uncompressed bytes).
    const jsBytes: Record<string, number> = {};
    const paths = readdirSync("dist")
      .filter((f) => f.endsWith(".html") && f !== "404.html")
      .map((f) => (f === "index.html" ? "/" : `/${f.slice(0, -5)}`));
    for (const path of paths) {
      await page.goto(BASE + path, {waitUntil: "networkidle"});
      jsBytes[path] = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((e) => e.name.endsWith(".js"))
          .reduce((sum, e) => sum + (e as PerformanceResourceTiming).decodedBodySize, 0)
      );
    }
    // Per-model worker speed: each model alone in one worker, through the page's own trainer
    // module, for every engine the reader can choose (tfjs: fewer epochs, its first steps included).
    const trainer = readdirSync("dist/_import/components/training").find((f) =>
      /^trainer\.[0-9a-f]+\.js$/.test(f)
    );
    if (!trainer) throw new Error("no built trainer module: run npm run build first");
    await page.goto(`${BASE}/ex1-b`);
    const perStep: Record<string, Record<string, number>> = {};
    const WORKER_EPOCHS: Record<string, Record<string, number>> = {
      wasm: {pca: 1000, small: 1000, big: 1000},
      fused: {pca: 1000, small: 1000, big: 300},
      tfjs: {pca: 30, small: 20, big: 10}
    };
    for (const engine of ["wasm", "fused", "tfjs"]) {
      perStep[engine] = {};
      for (const model of MODELS) {
        const epochs = WORKER_EPOCHS[engine][model];
        const elapsedMs = await page.evaluate(
          async ({url, model, epochs, engine}) => {
            const {start} = await import(url);
            const hidden = {pca: [1, 2], small: [20, 10, 1, 10, 20, 2], big: [50, 50, 50, 1, 50, 50, 50, 2]}[
              model
            ];
            const job = {
              model,
              hidden,
              linear: model === "pca",
              seed: 0,
              lr: 1e-3,
              epochs,
              batchSize: 8,
              init: "torch",
              optimizer: "adam"
            };
            const view = {
              grid: {rect: {x: [-2, 2], y: [-1, 1]}, nx: 8, ny: 4},
              curvePoints: 5,
              curveMargin: 0.1
            };
            const handle = start([job], () => {}, {view, channel: "bench", viewMs: 1e9, engine});
            const state = await handle.done;
            return state.jobs[0].elapsedMs;
          },
          {url: `/_import/components/training/${trainer}`, model, epochs, engine}
        );
        perStep[engine][model] = round(elapsedMs / (epochs * 12));
      }
    }
    // The three default models, 1000 epochs, from the page's button.
    const all = await runUntilDone(page, `${BASE}/ex1-b`, true);
    const engines = await engineWorkerSpeed(await browser.newPage());
    const pick = (key: keyof EngineComparison, digits = 4) =>
      Object.fromEntries(MODELS.map((m) => [m, round(engines[m][key], digits)]));
    return {
      workerMsPerStep: perStep,
      retrainThreeDefault1000EpochsMs: all.ms,
      longestMainThreadTaskMs: all.longestTaskMs,
      jsBytesBeforeInteraction: jsBytes,
      moduleWorker: {
        repetitions: REPS,
        fusedMsPerStep: pick("fused"),
        wasmMsPerStep: pick("wasm"),
        wasmSpeedupOverFused: pick("speedup", 3)
      }
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

/** The fused and the WebAssembly step in one module worker, interleaved, medians of REPS runs per model. */
async function engineWorkerSpeed(page: Page): Promise<Record<string, EngineComparison>> {
  const prefix = "/__bench/";
  await serveModules(page, prefix, {
    "worker.js": `import {compareEngines} from "./bench/engine-speed.js";
      onmessage = (event) => postMessage(event.data.map(([name, epochs, reps]) => [name, compareEngines(name, epochs, reps)]));`
  });
  await page.goto(`${BASE}${prefix}index.html`);
  const jobs = MODELS.map((m) => [m, EPOCHS[m], REPS] as const);
  const results = await page.evaluate(
    ({url, jobs}) =>
      new Promise<[string, EngineComparison][]>((resolve, reject) => {
        const worker = new Worker(url, {type: "module"});
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage(jobs);
      }),
    {url: `${prefix}worker.js`, jobs}
  );
  return Object.fromEntries(results);
}
