/**
 * `npx tsx bench/step-cost.ts`: the constants of the wall-time model of exercise
 * 1 (h). Times a training step of each problem of (h) (the frozen-decoder step of
 * the big autoencoder, and the whole small and big autoencoders) for several batch
 * sizes with plain SGD and with Adam, on one thread, and fits ms per update =
 * perUpdateMs + perExampleMs · batch size by least squares. Times are the
 * thread's CPU time, which other processes inflate less than wall time. Prints one
 * JSON object; its `stepCost` goes into src/core/exercises/h/step-cost.ts with the date. Run
 * it on an otherwise idle machine: other processes on the same cores still
 * inflate both constants somewhat.
 */
import {cpus, loadavg} from "node:os";
import {SHEET_HIDDEN} from "../src/core/autoencoder/models.js";
import {sheetData} from "../src/core/autoencoder/snapshot.js";
import {initParams} from "../src/core/engine/mlp.js";
import {sheetModel} from "../src/core/autoencoder/models.js";
import {adam, sgd} from "../src/core/engine/problem.js";
import {createRng} from "../src/core/engine/random.js";
import {startAutoencoder} from "../src/core/autoencoder/run.js";
import {PROBLEMS} from "../src/core/exercises/h/gd-sgd.js";
import type {ProblemKey} from "../src/core/exercises/h/gd-sgd.js";
import {round} from "./node-speed.js";

const BATCHES = [1, 2, 4, 8, 16, 32, 50, 100];
const REPEATS = 5;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Median ms per update over REPEATS timings of at least `minMs` each, after a warm-up. */
function msPerUpdate(problem: ProblemKey, optimizer: "sgd" | "adam", batchSize: number, minMs = 150): number {
  const data = sheetData();
  const frozen = problem === "frozen-decoder";
  const model = problem === "whole-small" ? "small" : "big";
  const initial = frozen ? initParams(sheetModel("big"), "torch", createRng(0)) : undefined;
  const {loop} = startAutoencoder(
    {
      hidden: SHEET_HIDDEN[model],
      linear: false,
      seed: 1000,
      batchSize,
      init: "torch",
      optimizer: optimizer === "sgd" ? sgd(0.01) : adam(1e-3),
      freezeDecoder: frozen,
      reinitEncoder: frozen
    },
    data,
    {},
    initial
  );
  for (let e = 0; e < 3; ++e) loop.runEpoch();
  const samples: number[] = [];
  for (let r = 0; r < REPEATS; ++r) {
    const steps0 = loop.stepLosses.length;
    const t0 = cpuMs();
    while (cpuMs() - t0 < minMs) loop.runEpoch();
    samples.push((cpuMs() - t0) / (loop.stepLosses.length - steps0));
  }
  loop.engine.dispose();
  return samples.sort((a, b) => a - b)[REPEATS >> 1];
}

/** Least squares y = a + b·x. */
function fit(xs: number[], ys: number[]): {a: number; b: number} {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; ++k) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
  }
  const b = sxy / sxx;
  return {a: my - b * mx, b};
}

const result: Record<string, unknown> = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  cpu: cpus()[0]?.model,
  loadAverageBefore: loadavg().map((x) => round(x, 2))
};
const stepCost: Record<string, Record<string, {perUpdateMs: number; perExampleMs: number}>> = {};
const measured: Record<string, Record<string, Record<number, number>>> = {};
for (const problem of PROBLEMS.map((p) => p.key)) {
  stepCost[problem] = {};
  measured[problem] = {};
  for (const optimizer of ["sgd", "adam"] as const) {
    const ms = BATCHES.map((b) => msPerUpdate(problem, optimizer, b));
    measured[problem][optimizer] = Object.fromEntries(BATCHES.map((b, k) => [b, round(ms[k])]));
    const {a, b} = fit(BATCHES, ms);
    stepCost[problem][optimizer] = {perUpdateMs: round(a, 3), perExampleMs: round(b, 3)};
  }
}
result.msPerUpdate = measured;
result.stepCost = stepCost;
result.loadAverageAfter = loadavg().map((x) => round(x, 2));
process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
