/**
 * What the exercise 1 figures draw, whether it comes from the build-time
 * snapshot or from a run in the page: one `ShownModel` per autoencoder.
 */
import type {AutoencoderSnapshot, RunSnapshot} from "../../core/autoencoder/snapshot.js";
import type {ModelName} from "../../core/autoencoder/models.js";
import {SHEET_RECT} from "../../core/autoencoder/rectangle.js";
import type {ReaderModel} from "../../core/exercises/b/reader.js";
import type {ViewOptions} from "../../core/live/sliced-job.js";
import type {JobPhase, TrainingState} from "./trainer.js";

/** A model as the figures draw it: a reader's model (core/exercises/b/reader.ts), or a published run. */
export interface ShownModel extends ReaderModel {
  readonly epochs: number;
  readonly stepLoss?: readonly number[];
  /** Every seed's run, for the band (published results only). */
  readonly runs?: readonly RunSnapshot[];
  readonly grid: ViewOptions["grid"];
  readonly phase: JobPhase | "published";
  readonly message?: string;
}

/** The grid and curve the worker computes while training (coarser than the snapshot's); the run measured at its end. */
export const LIVE_VIEW: ViewOptions = {
  grid: {rect: SHEET_RECT, nx: 48, ny: 24},
  curvePoints: 121,
  curveMargin: 0.1,
  analysis: true
};

export const MODEL_TITLES: Record<ModelName, string> = {pca: "PCA-like (linear)", small: "small", big: "big"};

export function publishedModels(
  snap: AutoencoderSnapshot,
  seed: number,
  models: readonly ModelName[] = ["pca", "small", "big"]
): ShownModel[] {
  return models.map((model) => {
    const m = snap.models[model]!;
    const run = m.runs.find((r) => r.seed === seed) ?? m.runs[0];
    return {
      model,
      hidden: m.hidden,
      seed: run.seed,
      epochs: snap.config.epochs,
      epochLoss: run.epochLoss,
      stepLoss: run.stepLoss,
      runs: m.runs,
      view: run.final,
      grid: snap.config.grid,
      phase: "published"
    };
  });
}

export function liveModels(state: TrainingState): ShownModel[] {
  return state.jobs.map((p) => ({
    model: p.job.model,
    hidden: p.job.hidden,
    seed: p.job.seed,
    epochs: p.job.epochs,
    epochLoss: p.epochLoss,
    view: p.view,
    grid: LIVE_VIEW.grid,
    phase: p.phase,
    message: p.message,
    params: p.params,
    measured: p.summary
  }));
}
