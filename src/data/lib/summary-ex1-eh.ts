/**
 * Key figures of exercise 1 (e)–(h), read from the same results the pages draw.
 * Per-seed values follow the order of ex1.seeds.
 */
import {encoderRetrain, gdSgd, perfectReconstruction} from "./experiments.js";

export interface Ex1EhSummary {
  perfectReconstruction: {n: number; mse: number};
  retrain: {mseBefore: number[]; mseAfterReinit: number[]; mseAfterRetrain: number[]; optimalEncoderMse: number[]};
  gdVsSgd: {optimizer: string; batchSize: number; learningRate: number; examplesSeen: number; finalMse: number[]}[];
}

export async function ex1EhSummary(seeds: readonly number[]): Promise<Ex1EhSummary> {
  const perfect = await perfectReconstruction();
  const retrain = await encoderRetrain();
  const bySeed = (seed: number) => {
    const run = retrain.runs.find((r) => r.seed === seed);
    if (!run) throw new Error(`no encoder retrain for seed ${seed}`);
    return run;
  };
  const runs = seeds.map(bySeed);
  const gd = await gdSgd();
  const groups = new Map<string, typeof gd.curves>();
  for (const c of gd.curves) {
    const key = `${c.optimizer} ${c.batchSize}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const gdVsSgd = [...groups.values()].map((curves) => {
    const [first] = curves;
    const examples = new Set(curves.map((c) => c.examplesSeen));
    if (examples.size !== 1) throw new Error(`${first.optimizer} ${first.batchSize}: seeds saw different numbers of examples`);
    return {
      optimizer: first.optimizer,
      batchSize: first.batchSize,
      learningRate: first.learningRate,
      examplesSeen: first.examplesSeen,
      finalMse: seeds.map((s) => {
        const c = curves.find((x) => x.seed === s);
        if (!c) throw new Error(`no ${first.optimizer} ${first.batchSize} curve for seed ${s}`);
        return c.finalMse;
      })
    };
  });
  return {
    perfectReconstruction: {n: perfect.n, mse: perfect.mse},
    retrain: {
      mseBefore: runs.map((r) => r.mseBefore),
      mseAfterReinit: runs.map((r) => r.mseAfterReinit),
      mseAfterRetrain: runs.map((r) => r.mseAfterRetrain),
      optimalEncoderMse: runs.map((r) => r.optimalEncoderMse)
    },
    gdVsSgd
  };
}
