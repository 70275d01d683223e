/**
 * What the figures of exercise 1 (g) draw, whether it comes from the build-time
 * result or from a retrain in the page: one `ShownRetrain`. The old and the best
 * codes depend only on the published network and its frozen decoder, so a run
 * in the page reuses them; its own codes are decoded by that same decoder.
 */
import {decode, sheetModel} from "../core/autoencoder.js";
import type {EncoderRetrainRun, EncoderRetrainConfig} from "../core/encoder-retrain.js";
import {atBestFlags} from "../core/encoder-retrain.js";
import type {Checkpoint} from "../core/train-job.js";
import type {JobPhase, TrainingState} from "./trainer.js";

type Rows = readonly (readonly number[])[];

export interface ShownRetrain {
  readonly seed: number;
  readonly phase: JobPhase | "published";
  readonly message?: string;
  readonly codes: {readonly old: readonly number[]; readonly retrained: readonly number[]; readonly best: readonly number[]};
  readonly recon: {readonly old: Rows; readonly retrained: Rows; readonly best: Rows};
  readonly atBest: readonly boolean[];
  readonly checkpoints: readonly Checkpoint[];
  readonly mseBefore: number;
  readonly mseAfterRetrain?: number;
  readonly optimalEncoderMse: number;
  readonly run: EncoderRetrainRun;
}

export interface RetrainSnapshotLike {
  readonly config: EncoderRetrainConfig;
  readonly runs: readonly EncoderRetrainRun[];
}

export function runOf(snap: RetrainSnapshotLike, seed: number): EncoderRetrainRun {
  return snap.runs.find((r) => r.seed === seed) ?? snap.runs[0];
}

export function publishedRetrain(snap: RetrainSnapshotLike, seed: number): ShownRetrain {
  const run = runOf(snap, seed);
  return {
    seed: run.seed,
    phase: "published",
    codes: run.codes,
    recon: run.recon,
    atBest: run.atBestFlags.retrained,
    checkpoints: run.checkpoints,
    mseBefore: run.mseBefore,
    mseAfterRetrain: run.mseAfterRetrain,
    optimalEncoderMse: run.optimalEncoderMse,
    run
  };
}

/** The state of a run in the page (one job), or undefined before its first view. */
export function liveRetrain(state: TrainingState, snap: RetrainSnapshotLike, seed: number): ShownRetrain | undefined {
  const job = state.jobs[0];
  const run = runOf(snap, seed);
  if (!job?.view || !job.job.initial) return undefined;
  const codes = job.view.codes;
  const spec = sheetModel("big");
  const recon = decode(spec, Float64Array.from(job.job.initial), codes, codes.length);
  const rows: number[][] = codes.map((_, i) => [recon[2 * i], recon[2 * i + 1]]);
  return {
    seed,
    phase: job.phase,
    message: job.message,
    codes: {old: run.codes.old, retrained: codes, best: run.codes.best},
    recon: {old: run.recon.old, retrained: rows, best: run.recon.best},
    atBest: atBestFlags(codes, run.codes.best, run.tolerance),
    checkpoints: job.checkpoints,
    mseBefore: run.mseBefore,
    mseAfterRetrain: job.view.mse,
    optimalEncoderMse: run.optimalEncoderMse,
    run
  };
}

/** The point whose retrained reconstruction is furthest above its best possible one. */
export function worstPoint(shown: ShownRetrain, points: Rows): number {
  const err = (r: readonly number[], p: readonly number[]) => (r[0] - p[0]) ** 2 + (r[1] - p[1]) ** 2;
  let worst = 0;
  let gap = -Infinity;
  points.forEach((p, i) => {
    const g = err(shown.recon.retrained[i], p) - err(shown.recon.best[i], p);
    if (g > gap) {
      gap = g;
      worst = i;
    }
  });
  return worst;
}
