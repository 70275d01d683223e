/**
 * Connects a page to the training handle: starts the jobs, pauses them while
 * the watched elements are off-screen, and returns the disposer a page hands
 * to `Generators.observe` (so re-running the cell or leaving the page stops
 * the run). The trainer module, and through it the worker, loads on first use.
 */
import type {EngineKind} from "../core/engine.js";
import type {RetrainJob} from "../core/retrain.js";
import type {ViewOptions} from "../core/train-job.js";
import type {TrainingState} from "./trainer.js";

export interface LiveOptions {
  readonly channel: string;
  readonly view: ViewOptions;
  readonly engine?: EngineKind;
  /** Ids of the elements whose visibility keeps the run going. */
  readonly watch: readonly string[];
  /** Set by the progress panel's pause button; an off-screen pause does not override it. */
  readonly readerPause: {paused: boolean};
}

export function startLive(jobs: readonly RetrainJob[], notify: (state: TrainingState) => void, options: LiveOptions): () => void {
  let stopped = false;
  let dispose = () => {};
  import("./trainer.js").then(({start, pauseWhenHidden}) => {
    if (stopped) return;
    const handle = start(jobs, notify, {view: options.view, channel: options.channel, engine: options.engine});
    const elements = options.watch.map((id) => document.getElementById(id)).filter((e): e is HTMLElement => e !== null);
    const release = pauseWhenHidden(handle, elements, () => options.readerPause.paused);
    dispose = () => {
      release();
      handle.stop();
    };
  });
  return () => {
    stopped = true;
    dispose();
  };
}
