/**
 * The kinds of training job the in-page trainer can run, by name: what a job is
 * made from, what its view needs and what the view is. The worker creates jobs
 * through `createJob`; the page-side handle is typed by the same table.
 */
import type {MeasuredRun} from "../autoencoder/decoder-verdicts.js";
import type {StateView} from "../autoencoder/snapshot.js";
import type {EngineOptions} from "../engine/engine.js";
import {PlaygroundJob} from "../playground/job.js";
import type {PlaygroundSettings} from "../playground/settings.js";
import type {PlaygroundView, PlaygroundViewOptions} from "../playground/view.js";
import type {RetrainJob} from "../settings/retrain.js";
import {TrainJob} from "./sliced-job.js";
import type {SlicedJob, ViewOptions} from "./sliced-job.js";

export interface JobKinds {
  /** An autoencoder of exercise 1. */
  autoencoder: {spec: RetrainJob; options: ViewOptions; view: StateView; summary: MeasuredRun};
  /** A classifier of the bonus exercise's playground. */
  playground: {
    spec: PlaygroundSettings;
    options: PlaygroundViewOptions;
    view: PlaygroundView;
    summary: never;
  };
}

export type JobKind = keyof JobKinds;
export const JOB_KINDS: readonly JobKind[] = ["autoencoder", "playground"];
export type JobSpec<K extends JobKind> = JobKinds[K]["spec"];
export type JobViewOptions<K extends JobKind> = JobKinds[K]["options"];
export type JobView<K extends JobKind> = JobKinds[K]["view"];
/** What a job of this kind measures once at its end (when its view options ask for it). */
export type JobSummary<K extends JobKind> = JobKinds[K]["summary"];
export type JobOf<K extends JobKind> = SlicedJob<JobViewOptions<K>, JobView<K>>;

export function createJob<K extends JobKind>(
  kind: K,
  spec: JobSpec<K>,
  engine: EngineOptions = {}
): JobOf<K> {
  switch (kind) {
    case "autoencoder":
      return new TrainJob(spec as RetrainJob, engine) as unknown as JobOf<K>;
    case "playground":
      return new PlaygroundJob(spec as PlaygroundSettings, engine) as unknown as JobOf<K>;
    default:
      throw new RangeError(`unknown job kind ${kind as string}`);
  }
}
