/**
 * Key figures of exercise 1 (f)–(g): the frozen decoder with a fresh encoder, per
 * published seed (in the order of ex1.seeds), and the sweep over learning rates.
 */
import {sweepEntries} from "../../../core/exercises/fg/sweep.js";
import type {RetrainSweepEntry} from "../../../core/exercises/fg/sweep.js";
import {encoderRetrain, retrainSweep} from "../experiments.js";

export interface RetrainSummary {
  retrain: {
    mseBefore: number[];
    mseAfterReinit: number[];
    mseAfterRetrain: number[];
    optimalEncoderMse: number[];
  };
  /** (g) over learning rates and training lengths. */
  retrainSweep: RetrainSweepEntry[];
}

export async function retrainSummary(seeds: readonly number[]): Promise<RetrainSummary> {
  const retrain = await encoderRetrain();
  const runs = seeds.map((seed) => {
    const run = retrain.runs.find((r) => r.seed === seed);
    if (!run) throw new Error(`no encoder retrain for seed ${seed}`);
    return run;
  });
  return {
    retrain: {
      mseBefore: runs.map((r) => r.mseBefore),
      mseAfterReinit: runs.map((r) => r.mseAfterReinit),
      mseAfterRetrain: runs.map((r) => r.mseAfterRetrain),
      optimalEncoderMse: runs.map((r) => r.optimalEncoderMse)
    },
    retrainSweep: sweepEntries(await retrainSweep())
  };
}
