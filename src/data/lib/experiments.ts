/**
 * The expensive results of the report, computed once per build (see memo.ts),
 * in parallel on every core (see pool.ts), and shared by every loader that needs them.
 */
import {DEFAULT_SNAPSHOT_CONFIG, assembleAutoencoderSnapshot} from "../../core/ae-snapshot.js";
import type {AutoencoderSnapshot} from "../../core/ae-snapshot.js";
import {memo} from "./memo.js";
import {runAll} from "./pool.js";

export const log = (line: string): void => void process.stderr.write(`${line}\n`);

export function autoencoderSnapshot(): Promise<AutoencoderSnapshot> {
  const config = DEFAULT_SNAPSHOT_CONFIG;
  return memo("autoencoders", config, async () => {
    const t0 = Date.now();
    const tasks = config.models.flatMap((name) => config.seeds.map((seed) => ({task: "autoencoderRun" as const, args: [name, seed, config] as const})));
    const runs = await runAll(tasks);
    log(`autoencoders: ${runs.length} runs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return assembleAutoencoderSnapshot(config, runs);
  });
}
