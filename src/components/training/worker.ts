/**
 * The training worker: runs one job of the shared core (any kind of `jobs.ts`)
 * off the main thread, in slices of a few milliseconds, and posts throttled
 * progress. It can be paused, resumed and stepped one epoch at a time while
 * paused; the page stops it by terminating it. The WebAssembly and fused
 * engines need nothing else; tfjs is loaded only if the job asks for it.
 */
import type {EngineOptions} from "../../core/engine/engine.js";
import {createJob} from "../../core/live/jobs.js";
import type {JobKind, JobSummary} from "../../core/live/jobs.js";
import {Stopwatch} from "../../core/live/run-progress.js";
import type {Tf} from "../../core/engine/tfjs-engine.js";
import type {FromWorker, ToWorker} from "./protocol.js";

const scope = self as unknown as {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};
const SLICE_MS = 12;

let paused = false;
/** Single epochs asked for while paused. */
let steps = 0;
let wake: (() => void) | null = null;

// A zero-delay yield that lets pause and step messages in (setTimeout would clamp to ≥ 4 ms).
const channel = new MessageChannel();
let pendingYield: (() => void) | null = null;
channel.port1.onmessage = () => pendingYield?.();
const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    pendingYield = resolve;
    channel.port2.postMessage(null);
  });

async function loadTf(url: string): Promise<Tf> {
  const tf = (await import(url)) as Tf;
  await tf.setBackend("cpu");
  await tf.ready();
  return tf;
}

/** The job's current parameters, for kinds that expose them (sent with each view). */
function paramsOf(job: object): Float64Array | undefined {
  const p = (job as {params?: () => Float64Array}).params;
  return typeof p === "function" ? Float64Array.from(p.call(job)) : undefined;
}

/** What the kind measures at the end; a measurement that fails leaves the page to measure (the run stands). */
function summaryOf(
  job: {summary?(view: unknown, options: unknown): unknown},
  view: unknown,
  options: unknown
): JobSummary<JobKind> | undefined {
  try {
    return job.summary?.(view, options) as JobSummary<JobKind> | undefined;
  } catch {
    return undefined;
  }
}

async function run(message: Extract<ToWorker, {type: "start"}>): Promise<void> {
  // Time spent training: a pause (the reader's, or figures off-screen) does not count.
  const clock = new Stopwatch();
  let lastReport = -Infinity;
  let lastView = -Infinity;
  try {
    const tf = message.engine === "tfjs" ? await loadTf(message.tfjsUrl) : undefined;
    const engine: EngineOptions = {kind: message.engine, tf};
    const job = createJob(message.kind, message.job, engine);
    const tensors = () => (tf ? tf.memory().numTensors : undefined);
    const first = job.view(message.view);
    scope.postMessage({
      type: "progress",
      report: job.report(),
      view: first,
      params: first ? paramsOf(job) : undefined,
      elapsedMs: 0,
      tensors: tensors()
    });
    let viewedEpoch = job.epoch;
    for (;;) {
      if (paused && steps === 0) {
        clock.pause();
        // On pausing, the figures catch up with the last epoch trained.
        if (viewedEpoch !== job.epoch) {
          const view = job.view(message.view);
          viewedEpoch = job.epoch;
          scope.postMessage({
            type: "progress",
            report: job.report(),
            view,
            params: view ? paramsOf(job) : undefined,
            elapsedMs: clock.elapsed
          });
        }
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      clock.start();
      const single = paused;
      if (single) --steps;
      const end = job.advance(single ? 0 : SLICE_MS) !== "training";
      const now = performance.now();
      if (end || single || now - lastReport >= message.reportMs) {
        const report = job.report();
        const view = end || single || now - lastView >= message.viewMs ? job.view(message.view) : undefined;
        const params = view ? paramsOf(job) : undefined;
        if (view) {
          lastView = now;
          viewedEpoch = job.epoch;
        }
        const summary = end && view ? summaryOf(job, view, message.view) : undefined;
        if (end) job.dispose();
        if (single) clock.pause();
        scope.postMessage({
          type: "progress",
          report,
          view,
          params,
          elapsedMs: clock.elapsed,
          tensors: end ? tensors() : undefined,
          summary
        });
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
      paused = m.paused ?? paused;
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
    case "step":
      if (!paused) break;
      ++steps;
      wake?.();
      wake = null;
      break;
  }
};

// While the worker waits for its job (a spare started ahead of a run), compile the
// WebAssembly step and set up one tiny model, so the first real step starts at once.
try {
  createJob(
    "autoencoder",
    {
      model: "pca",
      hidden: [1, 2],
      linear: true,
      seed: 0,
      lr: 1e-3,
      epochs: 0,
      batchSize: 8,
      init: "torch",
      optimizer: "adam"
    },
    {kind: "wasm"}
  ).dispose();
} catch {
  // Nothing is lost: a job that needs the step reports the failure when it starts.
}
scope.postMessage({type: "ready"});
