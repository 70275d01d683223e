/**
 * The expensive results of the report, computed once per build (see memo.ts)
 * and shared by every loader that needs them.
 */
import {DEFAULT_SNAPSHOT_CONFIG, buildAutoencoderSnapshot} from "../../core/ae-snapshot.js";
import type {AutoencoderSnapshot} from "../../core/ae-snapshot.js";
import {memo} from "./memo.js";

export const log = (line: string): void => void process.stderr.write(`${line}\n`);

export function autoencoderSnapshot(): Promise<AutoencoderSnapshot> {
  return memo("autoencoders", DEFAULT_SNAPSHOT_CONFIG, () => buildAutoencoderSnapshot(DEFAULT_SNAPSHOT_CONFIG, log));
}
