/**
 * Connects a page to the training handle: starts the jobs, pauses them while
 * the watched elements are off-screen, and returns the disposer a page hands
 * to `Generators.observe` (so re-running the cell or leaving the page stops
 * the run). The trainer module, and through it the worker, loads on first use.
 */
import type {EngineKind} from "../../core/engine/engine.js";
import type {RetrainJob} from "../../core/settings/retrain.js";
import type {ViewOptions} from "../../core/live/sliced-job.js";
import type {TrainingState} from "./trainer.js";

export interface LiveOptions {
  readonly channel: string;
  readonly view: ViewOptions;
  readonly engine?: EngineKind;
  /** Ids of the elements whose visibility keeps the run going. */
  readonly watch: readonly string[];
  /** Set by the progress panel's pause button; an off-screen pause does not override it. */
  readonly readerPause: {paused: boolean};
  /** How often the figures' view is recomputed (ms). */
  readonly viewMs?: number;
}

/**
 * `jobs` may be a function that prepares them asynchronously (e.g. after loading
 * published weights); it is awaited together with the trainer module.
 */
export function startLive(
  jobs: readonly RetrainJob[] | (() => Promise<readonly RetrainJob[]>),
  notify: (state: TrainingState) => void,
  options: LiveOptions
): () => void {
  let stopped = false;
  let dispose = () => {};
  Promise.all([import("./trainer.js"), typeof jobs === "function" ? jobs() : jobs])
    .then(([{start, pauseWhenHidden}, ready]) => {
      if (stopped) return;
      const handle = start(ready, notify, {
        view: options.view,
        channel: options.channel,
        engine: options.engine,
        viewMs: options.viewMs
      });
      const elements = options.watch
        .map((id) => document.getElementById(id))
        .filter((e): e is HTMLElement => e !== null);
      const release = pauseWhenHidden(handle, elements, () => options.readerPause.paused);
      dispose = () => {
        release();
        handle.stop();
      };
    })
    .catch((error: unknown) => {
      // Nothing trains; the published results stay on screen. The console says why.
      console.error("The training could not start:", error);
    });
  return () => {
    stopped = true;
    dispose();
  };
}
