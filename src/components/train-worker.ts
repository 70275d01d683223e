/**
 * The training worker: runs one autoencoder job of the shared core off the main
 * thread, in slices of a few milliseconds, and posts throttled progress. It can
 * be paused, resumed and stopped; the page terminates it when it is done with it.
 * The fused engine needs nothing else; tfjs is loaded only if the job asks for it.
 */
import type {StateView} from "../core/ae-snapshot.js";
import type {EngineOptions} from "../core/engine.js";
import {TrainJob} from "../core/train-job.js";
import type {Tf} from "../core/tfjs-engine.js";
import type {FromWorker, ToWorker} from "./train-protocol.js";

const scope = self as unknown as {postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null};
const SLICE_MS = 12;

let paused = false;
let stopped = false;
let wake: (() => void) | null = null;

// A zero-delay yield that lets pause/stop messages in (setTimeout would clamp to ≥ 4 ms).
const channel = new MessageChannel();
let pendingYield: (() => void) | null = null;
channel.port1.onmessage = () => pendingYield?.();
const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    pendingYield = resolve;
    channel.port2.postMessage(null);
  });

async function loadTf(): Promise<Tf> {
  const tf: Tf = await import("@tensorflow/tfjs/dist/tf.fesm.min.js");
  await tf.setBackend("cpu");
  await tf.ready();
  return tf;
}

async function run(message: Extract<ToWorker, {type: "start"}>): Promise<void> {
  const started = performance.now();
  const tf = message.engine === "tfjs" ? await loadTf() : undefined;
  const engine: EngineOptions = {kind: message.engine, tf};
  const job = new TrainJob(message.job, engine);
  const tensors = () => (tf ? tf.memory().numTensors : undefined);
  let lastReport = -Infinity;
  let lastView = -Infinity;
  try {
    scope.postMessage({type: "progress", report: job.report(), view: job.view(message.view), elapsedMs: 0, tensors: tensors()});
    while (!stopped) {
      if (paused) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const end = job.advance(SLICE_MS) !== "training";
      const now = performance.now();
      if (end || now - lastReport >= message.reportMs) {
        const report = job.report();
        let view: StateView | undefined;
        if (end || now - lastView >= message.viewMs) {
          view = job.view(message.view);
          lastView = now;
        }
        if (end) job.dispose();
        scope.postMessage({type: "progress", report, view, elapsedMs: now - started, tensors: end ? tensors() : undefined});
        lastReport = now;
        if (end) return;
      }
      await yieldToEvents();
    }
    job.dispose();
  } catch (error) {
    scope.postMessage({type: "error", message: error instanceof Error ? error.message : String(error)});
  }
}

scope.onmessage = (event) => {
  const m = event.data;
  switch (m.type) {
    case "start":
      void run(m);
      break;
    case "pause":
      paused = true;
      break;
    case "resume":
      paused = false;
      wake?.();
      wake = null;
      break;
    case "stop":
      stopped = true;
      paused = false;
      wake?.();
      break;
  }
};

scope.postMessage({type: "ready"});
