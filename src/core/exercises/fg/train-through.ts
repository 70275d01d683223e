/**
 * Training a frozen-decoder (or any retrain) job to its end outside the page's
 * worker: in one go, or epoch by epoch with readings at chosen epochs and an
 * early stop once the loss diverges (the sweeps of (g) and (h)).
 */
import {SHEET_SETUP} from "../../autoencoder/setup.js";
import type {RetrainJob} from "../../settings/retrain.js";
import type {Checkpoint} from "../../live/sliced-job.js";
import {TrainJob} from "../../live/sliced-job.js";
import {stepsPerEpoch} from "../../engine/train.js";
import {sig} from "../../format/round.js";

/** Trains a job to its end in one go (tests); returns the parameters before and after, and the checkpoints. */
export function runJob(job: RetrainJob): {
  start: Float64Array;
  end: Float64Array;
  checkpoints: Checkpoint[];
  examplesSeen: number;
  status: string;
} {
  const t = new TrainJob(job);
  const start = t.params();
  while (t.advance(Infinity) === "training");
  const report = t.report();
  const end = t.params();
  t.dispose();
  return {start, end, checkpoints: t.checkpoints, examplesSeen: report.examplesSeen, status: report.status};
}

/**
 * A run whose full-data MSE passes this value at a checkpoint (or stops being
 * finite) is stopped there and counted as diverged: the sweeps' early stop.
 */
export const DIVERGED_MSE = 1e4;

export interface Divergence {
  /** Examples seen when the run was stopped, and the loss that stopped it (null: not finite). */
  readonly examples: number;
  readonly updates: number;
  readonly epoch: number;
  readonly mse: number | null;
}

/**
 * Trains `job` epoch by epoch to its last epoch, calling `at(epoch, params)` after
 * each epoch listed in `stops` (sweeps read several training lengths off one run).
 * Stops early, with a `Divergence`, once a checkpoint passes DIVERGED_MSE or an
 * epoch's loss is no longer finite. Training never depends on how many epochs follow.
 */
export function trainThrough(
  job: RetrainJob,
  stops: readonly number[],
  at: (epoch: number, params: Float64Array) => void = () => {}
): {start: Float64Array; end: Float64Array; checkpoints: Checkpoint[]; diverged: Divergence | null} {
  const t = new TrainJob(job);
  const start = t.params();
  let diverged: Divergence | null = null;
  for (let status = t.status; status === "training";) {
    status = t.advance(0);
    const last = t.checkpoints[t.checkpoints.length - 1];
    if (status === "diverged") {
      diverged = {
        examples: t.examplesSeen,
        updates: t.epoch * stepsPerEpoch(SHEET_SETUP.n, job.batchSize),
        epoch: t.epoch,
        mse: null
      };
    } else if (last && !(last.mse <= DIVERGED_MSE)) {
      diverged = {
        examples: last.examples,
        updates: last.updates,
        epoch: t.epoch,
        mse: Number.isFinite(last.mse) ? sig(last.mse, 4) : null
      };
    }
    if (diverged) break;
    if (stops.includes(t.epoch)) at(t.epoch, t.params());
  }
  const end = t.params();
  t.dispose();
  // When an epoch's loss stopped being finite, so did the parameters: a checkpoint taken after that epoch means nothing.
  const bad = diverged && diverged.mse === null ? diverged.examples : Infinity;
  return {
    start,
    end,
    checkpoints: t.checkpoints.filter((c) => c.examples < bad || c.examples === 0),
    diverged
  };
}
