/**
 * What the figures of exercise 1 (g) draw, whether it comes from the build-time
 * result or from a retrain in the page: one `ShownRetrain`. The old and the best
 * codes depend only on the published network and its frozen decoder, so a run
 * in the page reuses them; its own codes are decoded by that same decoder, and
 * its fraction at best code and gap to the best possible loss are computed by
 * the same function as the published runs'.
 */
import {decode, sheetModel} from "../../core/autoencoder/models.js";
import type {
  CodeOutcome,
  EncoderRetrainConfig,
  EncoderRetrainRun
} from "../../core/exercises/fg/encoder-retrain.js";
import {atBestFlags, codeOutcome} from "../../core/exercises/fg/encoder-retrain.js";
import type {Checkpoint, TrainView} from "../../core/live/sliced-job.js";
import {rate} from "../../core/format/words.js";
import type {JobPhase, TrainingState} from "./trainer.js";

type Rows = readonly (readonly number[])[];

/** The settings a run was trained with, for captions and file names. */
export interface RetrainSettings {
  readonly seed: number;
  readonly lr: number;
  readonly epochs: number;
  readonly draw: number;
}

export interface ShownRetrain {
  readonly seed: number;
  readonly source: "published" | "page";
  readonly settings: RetrainSettings;
  readonly phase: JobPhase | "published";
  readonly message?: string;
  /** Epochs trained so far (the whole run for the published result). */
  readonly epoch: number;
  readonly codes: {
    readonly old: readonly number[];
    readonly retrained: readonly number[];
    readonly best: readonly number[];
  };
  readonly recon: {readonly old: Rows; readonly retrained: Rows; readonly best: Rows};
  readonly atBest: readonly boolean[];
  readonly checkpoints: readonly Checkpoint[];
  readonly mseBefore: number;
  readonly mseAfterRetrain?: number;
  readonly optimalEncoderMse: number;
  /** Fraction at best code, gap to the best possible loss, codes moved from the old ones. */
  readonly outcome?: CodeOutcome;
  /** The retrained parameters (a run in the page only, for the state_dict download). */
  readonly params?: readonly number[];
  /** The published run of the same seed (for comparison). */
  readonly run: EncoderRetrainRun;
}

export interface RetrainSnapshotLike {
  readonly config: EncoderRetrainConfig;
  readonly runs: readonly EncoderRetrainRun[];
}

export function runOf(snap: RetrainSnapshotLike, seed: number): EncoderRetrainRun {
  return snap.runs.find((r) => r.seed === seed) ?? snap.runs[0];
}

/** The reference a run's codes are measured against: the published run's best and old codes. */
function referenceOf(run: EncoderRetrainRun) {
  return {
    best: run.codes.best,
    old: run.codes.old,
    tolerance: run.tolerance,
    optimalEncoderMse: run.optimalEncoderMse
  };
}

export function publishedRetrain(snap: RetrainSnapshotLike, seed: number): ShownRetrain {
  const run = runOf(snap, seed);
  return {
    seed: run.seed,
    source: "published",
    settings: {seed: run.seed, lr: snap.config.lr, epochs: snap.config.epochs, draw: snap.config.draw},
    phase: "published",
    epoch: snap.config.epochs,
    codes: run.codes,
    recon: run.recon,
    atBest: run.atBestFlags.retrained,
    checkpoints: run.checkpoints,
    mseBefore: run.mseBefore,
    mseAfterRetrain: run.mseAfterRetrain,
    optimalEncoderMse: run.optimalEncoderMse,
    outcome: codeOutcome(
      snap.config.epochs,
      run.codes.retrained,
      run.mseAfterRetrain,
      referenceOf(run),
      run.codes.reinit
    ),
    run
  };
}

/** The state of a run in the page (one job), or undefined before its first view. */
export function liveRetrain(
  state: TrainingState,
  snap: RetrainSnapshotLike,
  settings: RetrainSettings
): ShownRetrain | undefined {
  const job = state.jobs[0];
  const run = runOf(snap, settings.seed);
  const view = job?.view as TrainView | undefined;
  if (!view || !job.job.initial) return undefined;
  const codes = view.codes;
  const spec = sheetModel("big");
  const recon = decode(spec, Float64Array.from(job.job.initial), codes, codes.length);
  const rows: number[][] = codes.map((_, i) => [recon[2 * i], recon[2 * i + 1]]);
  return {
    seed: settings.seed,
    source: "page",
    settings,
    phase: job.phase,
    message: job.message,
    epoch: job.epoch,
    codes: {old: run.codes.old, retrained: codes, best: run.codes.best},
    recon: {old: run.recon.old, retrained: rows, best: run.recon.best},
    atBest: atBestFlags(codes, run.codes.best, run.tolerance),
    checkpoints: job.checkpoints,
    mseBefore: run.mseBefore,
    mseAfterRetrain: view.mse,
    optimalEncoderMse: run.optimalEncoderMse,
    outcome: codeOutcome(job.epoch, codes, view.mse, referenceOf(run)),
    params: view.params,
    run
  };
}

/** "the published run (seed 0: learning rate 0.001, 1000 epochs)" or "your run (seed 0, draw 2: learning rate 0.01, epoch 300 of 1000)". */
export function runLabel(shown: Pick<ShownRetrain, "source" | "settings" | "epoch" | "phase">): string {
  const {seed, draw, lr, epochs} = shown.settings;
  if (shown.source === "published")
    return `the published run (seed ${seed}: learning rate ${rate(lr)}, ${epochs} epochs)`;
  const progress =
    shown.epoch >= epochs
      ? `${epochs} epochs`
      : `epoch ${shown.epoch} of ${epochs}${shown.phase === "stopped" ? ", stopped" : ""}`;
  return `your run (seed ${seed}${draw ? `, encoder draw ${draw}` : ""}: learning rate ${rate(lr)}, ${progress})`;
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
