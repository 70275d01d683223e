/**
 * Connects a page to the training handle, for every job kind of core/live/jobs.ts:
 * starts the jobs, pauses them while the watched elements are off-screen (or the
 * tab is hidden) unless the reader runs them, and stops them when the page drops
 * the run. The trainer module, and through it the worker, loads on first use.
 *
 * `liveRun` returns the run's controls (the reader's pause, resume and step, and
 * stop); `startLive` is the same run as the disposer a page hands to
 * `Generators.observe` (so re-running the cell or leaving the page stops it).
 */
import type {EngineKind} from "../../core/engine/engine.js";
import type {JobKind, JobSpec, JobViewOptions} from "../../core/live/jobs.js";
import type {TrainHandle, TrainingState} from "./trainer.js";

export interface LiveOptions<K extends JobKind = "autoencoder"> {
  /** The job kind (default: the autoencoders of exercise 1). */
  readonly kind?: K;
  readonly channel: string;
  readonly view: JobViewOptions<K>;
  readonly engine?: EngineKind;
  /** The elements (or their ids) whose visibility keeps the run going. */
  readonly watch: readonly (string | Element)[];
  /** Set by the reader's pause button; an off-screen pause does not override it. */
  readonly readerPause?: {paused: boolean};
  /** How often the figures' view is recomputed (ms). */
  readonly viewMs?: number;
  /** How often progress reaches the page (ms). */
  readonly reportMs?: number;
  /** Start paused by the reader (the first report, epoch 0 with a view, still arrives). */
  readonly paused?: boolean;
}

/** A run's controls: the reader's pause, resume and single epoch, and stop. */
export interface LiveRun {
  pause(): void;
  resume(): void;
  /** While paused: every job trains one more epoch. */
  step(): void;
  stop(): void;
}

type Jobs<K extends JobKind> = readonly JobSpec<K>[] | (() => Promise<readonly JobSpec<K>[]>);

/**
 * `jobs` may be a function that prepares them asynchronously (e.g. after loading
 * published weights); it is awaited together with the trainer module.
 */
export function liveRun<K extends JobKind = "autoencoder">(
  jobs: Jobs<K>,
  notify: (state: TrainingState<K>) => void,
  options: LiveOptions<K>
): LiveRun {
  // A new run starts as the reader asks (running unless `paused`), whatever the previous one did.
  const readerPause = options.readerPause ?? {paused: false};
  readerPause.paused = options.paused ?? false;
  let stopped = false;
  let handle: TrainHandle<K> | undefined;
  let release = () => {};
  Promise.all([import("./trainer.js"), typeof jobs === "function" ? jobs() : jobs])
    .then(([{start, pauseWhenHidden}, ready]) => {
      if (stopped) return;
      const started = start<K>(ready, notify, {
        kind: options.kind,
        view: options.view,
        channel: options.channel,
        engine: options.engine,
        viewMs: options.viewMs,
        reportMs: options.reportMs,
        paused: readerPause.paused
      } as unknown as Parameters<typeof start<K>>[2]);
      handle = started;
      const elements = options.watch
        .map((e) => (typeof e === "string" ? document.getElementById(e) : e))
        .filter((e): e is HTMLElement => e instanceof HTMLElement);
      release = pauseWhenHidden(started, elements, () => readerPause.paused);
    })
    .catch((error: unknown) => {
      // Nothing trains; the published results stay on screen. The console says why.
      console.error("The training could not start:", error);
    });
  return {
    pause() {
      readerPause.paused = true;
      handle?.pause();
    },
    resume() {
      readerPause.paused = false;
      handle?.resume();
    },
    step() {
      handle?.step();
    },
    stop() {
      stopped = true;
      release();
      handle?.stop();
    }
  };
}

/** `liveRun` as a disposer, for `Generators.observe`. */
export function startLive<K extends JobKind = "autoencoder">(
  jobs: Jobs<K>,
  notify: (state: TrainingState<K>) => void,
  options: LiveOptions<K>
): () => void {
  const run = liveRun(jobs, notify, options);
  return () => run.stop();
}

/**
 * Starts `count` training workers ahead of a run once `element` comes near the
 * screen and the page is idle, so pressing "Retrain" starts training at once.
 */
export function prewarmNear(element: Element, count: number): void {
  if (count <= 0 || typeof IntersectionObserver === "undefined") return;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      const idle = (globalThis as {requestIdleCallback?: (f: () => void, o: object) => void})
        .requestIdleCallback;
      const go = () => void import("./trainer.js").then((t) => t.prewarm(count));
      if (idle) idle(go, {timeout: 2000});
      else setTimeout(go, 200);
    },
    {rootMargin: "400px"}
  );
  observer.observe(element);
}
