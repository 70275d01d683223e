/**
 * The page-side training handle. `start(jobs, onProgress)` trains each job in
 * its own module worker (the same core the loaders use) and returns
 * `{pause, resume, stop, done}`. Progress reaches `onProgress` at most every
 * ~100 ms, with the latent grid and decoder curve at a lower rate. Starting a
 * run on a channel stops the previous run on that channel; `stop()` terminates
 * the workers. Failures (a worker that cannot start or crashes, a loss that is
 * no longer finite) end that job with a message and keep its last good view.
 */
import type {StateView} from "../core/ae-snapshot.js";
import type {EngineKind} from "../core/engine.js";
import type {RetrainJob} from "../core/retrain.js";
import type {Checkpoint, ViewOptions} from "../core/train-job.js";
import type {FromWorker, ToWorker} from "./train-protocol.js";

export type JobPhase = "starting" | "training" | "done" | "diverged" | "stopped" | "failed";

export interface JobProgress {
  readonly job: RetrainJob;
  phase: JobPhase;
  epoch: number;
  examplesSeen: number;
  /** Every epoch's mean loss so far. */
  epochLoss: number[];
  /** Full-data MSE checkpoints so far (jobs with `evalEvery`). */
  checkpoints: Checkpoint[];
  /** The latest view with finite numbers. */
  view?: StateView;
  message?: string;
  elapsedMs: number;
  /** Live tfjs tensors in the worker at the end of the job (tfjs engine only). */
  tensors?: number;
}

export interface TrainingState {
  readonly jobs: JobProgress[];
  readonly running: boolean;
  readonly paused: boolean;
  /** Estimated time left for the slowest job, in ms (undefined before the first epoch). */
  readonly remainingMs?: number;
  readonly handle: TrainHandle;
}

export interface TrainHandle {
  pause(): void;
  resume(): void;
  stop(): void;
  readonly done: Promise<TrainingState>;
}

export interface StartOptions {
  readonly engine?: EngineKind;
  readonly view: ViewOptions;
  /** Runs on the same channel replace each other. */
  readonly channel?: string;
  readonly reportMs?: number;
  readonly viewMs?: number;
  /** For tests: a factory that replaces `new Worker(...)`. */
  readonly createWorker?: () => Worker;
}

const WORKER_URL = import.meta.resolve("./train-worker.js");
const current = new Map<string, TrainHandle>();

export function createTrainWorker(): Worker {
  return new Worker(WORKER_URL, {type: "module", name: "autoencoder training"});
}

export function start(jobs: readonly RetrainJob[], onProgress: (state: TrainingState) => void, options: StartOptions): TrainHandle {
  const channel = options.channel ?? "default";
  current.get(channel)?.stop();
  const progress: JobProgress[] = jobs.map((job) => ({job, phase: "starting", epoch: 0, examplesSeen: 0, epochLoss: [], checkpoints: [], elapsedMs: 0}));
  const workers: (Worker | undefined)[] = [];
  let paused = false;
  let finished = false;
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  let resolveDone: (s: TrainingState) => void = () => {};
  const done = new Promise<TrainingState>((resolve) => (resolveDone = resolve));

  const isOver = (p: JobProgress) => p.phase !== "starting" && p.phase !== "training";
  const snapshot = (): TrainingState => {
    let remainingMs: number | undefined;
    for (const p of progress) {
      if (isOver(p) || p.epoch === 0) continue;
      const left = (p.elapsedMs / p.epoch) * (p.job.epochs - p.epoch);
      remainingMs = Math.max(remainingMs ?? 0, left);
    }
    return {jobs: progress.map((p) => ({...p, checkpoints: [...p.checkpoints]})), running: !finished, paused, remainingMs, handle};
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
  const finishIfAllOver = () => {
    if (finished || !progress.every(isOver)) return;
    finished = true;
    if (current.get(channel) === handle) current.delete(channel);
    for (const w of workers) w?.terminate();
    notify(true);
    resolveDone(snapshot());
  };
  const fail = (i: number, message: string) => {
    if (isOver(progress[i])) return;
    progress[i].phase = "failed";
    progress[i].message = message;
    workers[i]?.terminate();
    finishIfAllOver();
    notify();
  };

  const handle: TrainHandle = {
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
    try {
      worker = (options.createWorker ?? createTrainWorker)();
    } catch (error) {
      queueMicrotask(() => fail(i, `The training worker could not start: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    workers[i] = worker;
    worker.onerror = (event) => {
      event.preventDefault();
      fail(i, `The training worker stopped with an error: ${event.message || "it could not be loaded"}`);
    };
    worker.onmessageerror = () => fail(i, "A message from the training worker could not be read.");
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      const p = progress[i];
      if (m.type === "ready") {
        worker.postMessage({
          type: "start",
          job,
          engine: options.engine ?? "fused",
          view: options.view,
          reportMs: options.reportMs ?? 100,
          viewMs: options.viewMs ?? 400
        } satisfies ToWorker);
        if (paused) worker.postMessage({type: "pause"} satisfies ToWorker);
      } else if (m.type === "error") {
        fail(i, `Training failed: ${m.message}`);
      } else if (!isOver(p)) {
        p.phase = m.report.status === "training" ? "training" : m.report.status;
        p.epoch = m.report.epoch;
        p.examplesSeen = m.report.examplesSeen;
        p.epochLoss.push(...m.report.newEpochLosses);
        p.checkpoints.push(...m.report.newCheckpoints);
        p.elapsedMs = m.elapsedMs;
        if (m.view) p.view = m.view;
        if (m.report.message) p.message = m.report.message;
        if (m.tensors !== undefined) p.tensors = m.tensors;
        if (isOver(p)) {
          finishIfAllOver();
          notify(true);
        } else {
          notify();
        }
      }
    };
  });
  notify(true);
  return handle;
}

/**
 * Pauses a run while all of `elements` are off-screen or the tab is hidden, and
 * resumes it when one is visible again (unless the reader paused it). Returns a disposer.
 */
export function pauseWhenHidden(handle: TrainHandle, elements: readonly Element[], isPausedByReader: () => boolean = () => false): () => void {
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
