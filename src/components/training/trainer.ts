/**
 * The page-side training handle. `start(jobs, onProgress, options)` trains each
 * job in its own module worker (the same core the loaders use) and returns
 * `{pause, resume, step, stop, done}`. Jobs are of one kind of `core/live/jobs.ts`
 * (`options.kind`, the autoencoders of exercise 1 by default). Progress reaches
 * `onProgress` at most every ~100 ms, with the job's view at a lower rate.
 * Starting a run on a channel stops the previous run on that channel; `stop()`
 * terminates the workers. Failures (a worker that cannot start or crashes, a
 * loss that is no longer finite) end that job with a message and keep its last
 * good view.
 */
import {FileAttachment} from "observablehq:stdlib";
import type {EngineKind} from "../../core/engine/engine.js";
import {DEFAULT_ENGINE} from "../../core/engine/engine.js";
import type {JobKind, JobSpec, JobSummary, JobView, JobViewOptions} from "../../core/live/jobs.js";
import type {Checkpoint} from "../../core/live/sliced-job.js";
import type {RunPhase} from "../../core/live/run-progress.js";
import {RateEstimate} from "../../core/live/run-progress.js";
import type {FromWorker, ToWorker} from "./protocol.js";

export type JobPhase = RunPhase;

export interface JobProgress<K extends JobKind = "autoencoder"> {
  readonly job: JobSpec<K>;
  phase: JobPhase;
  epoch: number;
  /** The epoch the job ends at (Infinity: it runs until stopped). */
  epochs: number;
  examplesSeen: number;
  /** Every loss the job has recorded so far (one per epoch). */
  epochLoss: number[];
  /** Full-data MSE checkpoints so far (autoencoder jobs with `evalEvery`). */
  checkpoints: Checkpoint[];
  /** Every test loss so far, for kinds that have a test set. */
  testLoss: number[];
  /** The latest view with finite numbers. */
  view?: JobView<K>;
  /** The parameters of that view (autoencoder jobs), flat in the layout of `mlp.ts`. */
  params?: Float64Array;
  message?: string;
  /** Time spent training, pauses excluded. */
  elapsedMs: number;
  /** Live tfjs tensors in the worker at the end of the job (tfjs engine only). */
  tensors?: number;
  /** What the kind measured at the end, in the worker (autoencoders: `measureRun`'s analysis, if asked for). */
  summary?: JobSummary<K>;
}

export interface TrainingState<K extends JobKind = "autoencoder"> {
  readonly jobs: JobProgress<K>[];
  readonly running: boolean;
  readonly paused: boolean;
  /** Estimated training time left for the slowest job, in ms, from its recent pace (undefined before the first epoch or without an end). */
  readonly remainingMs?: number;
  readonly handle: TrainHandle<K>;
}

export interface TrainHandle<K extends JobKind = "autoencoder"> {
  pause(): void;
  resume(): void;
  /** While paused: every job trains one more epoch and reports it. */
  step(): void;
  stop(): void;
  readonly done: Promise<TrainingState<K>>;
}

interface CommonOptions<K extends JobKind> {
  readonly engine?: EngineKind;
  readonly view: JobViewOptions<K>;
  /** Runs on the same channel replace each other. */
  readonly channel?: string;
  readonly reportMs?: number;
  readonly viewMs?: number;
  /** Start paused: the first report (epoch 0, with a view) still arrives. */
  readonly paused?: boolean;
}

/** The job kind, which may be left out only for the autoencoders. */
export type StartOptions<K extends JobKind = "autoencoder"> = CommonOptions<K> &
  (K extends "autoencoder" ? {readonly kind?: K} : {readonly kind: K});

const WORKER_URL = import.meta.resolve("./worker.js");
/** tfjs for the tfjs engine: a file of the site (src/data/tfjs.js.ts), not an npm import Framework would bundle. */
const TFJS_URL = FileAttachment("../../data/tfjs.js").href;
const current = new Map<string, {stop(): void}>();

export function createTrainWorker(): Worker {
  return new Worker(WORKER_URL, {type: "module", name: "training"});
}

/** A worker started before it is needed: its modules loaded and the WebAssembly step compiled. */
interface Spare {
  readonly worker: Worker;
  ready: boolean;
}
const spares: Spare[] = [];

/**
 * Starts up to `count` workers ahead of a run (loading the training code and
 * compiling the WebAssembly step take a noticeable moment on a slow machine), so
 * the next `start` begins training at once. A page calls it when a reader may
 * soon retrain; spares that fail to start are dropped silently (`start` then
 * makes its own and reports the failure where the reader looks).
 */
export function prewarm(count: number): void {
  while (spares.length < count) {
    let worker: Worker;
    try {
      worker = createTrainWorker();
    } catch {
      return;
    }
    const spare: Spare = {worker, ready: false};
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (event.data.type === "ready") spare.ready = true;
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const k = spares.indexOf(spare);
      if (k >= 0) spares.splice(k, 1);
      worker.terminate();
    };
    spares.push(spare);
  }
}

/** A spare worker if there is one (and whether it said "ready"), else a new one. */
function takeWorker(): {worker: Worker; ready: boolean} {
  const spare = spares.shift();
  return spare ?? {worker: createTrainWorker(), ready: false};
}

export function start<K extends JobKind = "autoencoder">(
  jobs: readonly JobSpec<K>[],
  onProgress: (state: TrainingState<K>) => void,
  options: StartOptions<K>
): TrainHandle<K> {
  const kind = (options.kind ?? "autoencoder") as K;
  const channel = options.channel ?? "default";
  current.get(channel)?.stop();
  const progress: JobProgress<K>[] = jobs.map((job) => ({
    job,
    phase: "starting",
    epoch: 0,
    epochs: Infinity,
    examplesSeen: 0,
    epochLoss: [],
    checkpoints: [],
    testLoss: [],
    elapsedMs: 0
  }));
  const workers: (Worker | undefined)[] = [];
  const pace = jobs.map(() => new RateEstimate());
  let paused = options.paused ?? false;
  let finished = false;
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  let resolveDone: (s: TrainingState<K>) => void = () => {};
  const done = new Promise<TrainingState<K>>((resolve) => (resolveDone = resolve));

  const isOver = (p: JobProgress<K>) => p.phase !== "starting" && p.phase !== "training";
  const snapshot = (): TrainingState<K> => {
    let remainingMs: number | undefined;
    progress.forEach((p, i) => {
      if (isOver(p)) return;
      const left = pace[i].remainingMs(p.epochs);
      if (left !== undefined) remainingMs = Math.max(remainingMs ?? 0, left);
    });
    return {
      jobs: progress.map((p) => ({...p, checkpoints: [...p.checkpoints]})),
      running: !finished,
      paused,
      remainingMs,
      handle
    };
  };
  const notify = (now = false) => {
    if (now) {
      clearTimeout(notifyTimer);
      notifyTimer = undefined;
      onProgress(snapshot());
    } else if (notifyTimer === undefined) {
      notifyTimer = setTimeout(() => {
        notifyTimer = undefined;
        onProgress(snapshot());
      }, options.reportMs ?? 100);
    }
  };
  /** Ends the run once every job is over (reporting it once); says whether the run is over. */
  const finishIfAllOver = (): boolean => {
    if (finished) return true;
    if (!progress.every(isOver)) return false;
    finished = true;
    if (current.get(channel) === handle) current.delete(channel);
    for (const w of workers) w?.terminate();
    notify(true);
    resolveDone(snapshot());
    return true;
  };
  const fail = (i: number, message: string) => {
    if (isOver(progress[i])) return;
    progress[i].phase = "failed";
    progress[i].message = message;
    workers[i]?.terminate();
    // The last state reaches the page once: a page may do real work when a run ends.
    if (!finishIfAllOver()) notify();
  };

  const handle: TrainHandle<K> = {
    pause() {
      if (finished || paused) return;
      paused = true;
      workers.forEach((w) => w?.postMessage({type: "pause"} satisfies ToWorker));
      notify(true);
    },
    resume() {
      if (finished || !paused) return;
      paused = false;
      workers.forEach((w) => w?.postMessage({type: "resume"} satisfies ToWorker));
      notify(true);
    },
    step() {
      if (finished || !paused) return;
      workers.forEach((w) => w?.postMessage({type: "step"} satisfies ToWorker));
    },
    stop() {
      if (finished) return;
      for (const p of progress) if (!isOver(p)) p.phase = "stopped";
      finishIfAllOver();
    },
    done
  };
  current.set(channel, handle);

  jobs.forEach((job, i) => {
    let worker: Worker;
    let ready: boolean;
    try {
      ({worker, ready} = takeWorker());
    } catch (error) {
      queueMicrotask(() =>
        fail(
          i,
          `The training worker could not start: ${error instanceof Error ? error.message : String(error)}`
        )
      );
      return;
    }
    workers[i] = worker;
    worker.onerror = (event) => {
      event.preventDefault();
      fail(i, `The training worker stopped with an error: ${event.message || "it could not be loaded"}`);
    };
    worker.onmessageerror = () => fail(i, "A message from the training worker could not be read.");
    const begin = () => {
      worker.postMessage({
        type: "start",
        kind,
        job,
        engine: options.engine ?? DEFAULT_ENGINE,
        tfjsUrl: TFJS_URL,
        view: options.view,
        reportMs: options.reportMs ?? 100,
        viewMs: options.viewMs ?? 400,
        paused
      } satisfies ToWorker<K>);
      if (paused) worker.postMessage({type: "pause"} satisfies ToWorker);
    };
    worker.onmessage = (event: MessageEvent<FromWorker<K>>) => {
      const m = event.data;
      const p = progress[i];
      if (m.type === "ready") {
        begin();
      } else if (m.type === "error") {
        fail(i, `Training failed: ${m.message}`);
      } else if (!isOver(p)) {
        p.phase = m.report.status === "training" ? "training" : m.report.status;
        p.epoch = m.report.epoch;
        p.epochs = m.report.epochs;
        p.examplesSeen = m.report.examplesSeen;
        p.epochLoss.push(...m.report.newEpochLosses);
        if (m.report.newCheckpoints) p.checkpoints.push(...m.report.newCheckpoints);
        if (m.report.newTestLosses) p.testLoss.push(...m.report.newTestLosses);
        p.elapsedMs = m.elapsedMs;
        pace[i].observe(m.elapsedMs, m.report.epoch);
        if (m.view) p.view = m.view;
        if (m.view && m.params) p.params = m.params;
        if (m.report.message) p.message = m.report.message;
        if (m.tensors !== undefined) p.tensors = m.tensors;
        if (m.summary !== undefined) p.summary = m.summary;
        if (isOver(p)) {
          if (!finishIfAllOver()) notify(true);
        } else {
          notify();
        }
      }
    };
    if (ready) begin();
  });
  notify(true);
  return handle;
}

/**
 * Pauses a run while all of `elements` are off-screen or the tab is hidden, and
 * resumes it when one is visible again (unless the reader paused it). Returns a disposer.
 */
export function pauseWhenHidden(
  handle: {pause(): void; resume(): void},
  elements: readonly Element[],
  isPausedByReader: () => boolean = () => false
): () => void {
  const visible = new Map<Element, boolean>(elements.map((e) => [e, true]));
  const update = () => {
    if (document.hidden || ![...visible.values()].some(Boolean)) handle.pause();
    else if (!isPausedByReader()) handle.resume();
  };
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) visible.set(e.target, e.isIntersecting);
    update();
  });
  for (const e of elements) observer.observe(e);
  document.addEventListener("visibilitychange", update);
  return () => {
    observer.disconnect();
    document.removeEventListener("visibilitychange", update);
  };
}
