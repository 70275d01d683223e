/**
 * `node --import tsx src/data/lib/pretrain.ts`: computes every loader's output into
 * Framework's loader cache (src/.observablehq/cache/data/), where `observable build` finds
 * it fresh and runs no loader. scripts/build.mjs starts this beside Framework's build,
 * whose first seconds (resolving and bundling npm imports) keep only one core busy: the
 * training fills the other. A loader Framework reaches before its output is here runs as
 * usual and waits for the computation under way (memo.ts) instead of repeating it.
 *
 * Always rewrites the outputs from the current sources (each computation is cached by a
 * hash of the sources, see memo.ts), so a build never serves an output of older code:
 * Framework alone judges an output fresh by the loader file's date.
 */
import {mkdirSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {log} from "./experiments.js";
import {LOADER_OUTPUTS} from "./outputs.js";
import type {LoaderName} from "./outputs.js";

const CACHE = join("src", ".observablehq", "cache", "data");

const t0 = Date.now();
mkdirSync(CACHE, {recursive: true});
for (const name of Object.keys(LOADER_OUTPUTS) as LoaderName[]) {
  const text = await LOADER_OUTPUTS[name]();
  const file = join(CACHE, name);
  const tmp = `${file}.pretrain-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
log(`pretrain: every loader's output in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
