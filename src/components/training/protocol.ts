// Messages between the page-side training handle (trainer.ts) and its worker (worker.ts).
import type {EngineKind} from "../../core/engine/engine.js";
import type {JobKind, JobSpec, JobSummary, JobView, JobViewOptions} from "../../core/live/jobs.js";
import type {JobReport} from "../../core/live/sliced-job.js";

export type ToWorker<K extends JobKind = JobKind> =
  | {
      readonly type: "start";
      readonly kind: K;
      readonly job: JobSpec<K>;
      readonly engine: EngineKind;
      /** Where tfjs's ES module is (the tfjs engine loads it). */
      readonly tfjsUrl: string;
      readonly view: JobViewOptions<K>;
      readonly reportMs: number;
      readonly viewMs: number;
      /** Begin paused (after the first report). */
      readonly paused?: boolean;
    }
  | {readonly type: "pause"}
  | {readonly type: "resume"}
  /** While paused: train exactly one epoch and report it with a view. */
  | {readonly type: "step"};

export type FromWorker<K extends JobKind = JobKind> =
  | {readonly type: "ready"}
  | {
      readonly type: "progress";
      readonly report: JobReport;
      readonly view?: JobView<K>;
      /** The parameters the view was computed from (kinds that expose them). */
      readonly params?: Float64Array;
      /** Time spent training so far, pauses excluded. */
      readonly elapsedMs: number;
      readonly tensors?: number;
      /** With the last report of a finished job: what the kind measures at the end (if asked for). */
      readonly summary?: JobSummary<K>;
    }
  | {readonly type: "error"; readonly message: string};
