// Reads a loader's output from the built site, as the pages see it.
import {readFileSync, readdirSync} from "node:fs";

export function builtData<T = unknown>(name: string): T {
  const dir = "dist/_file/data";
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`no ${name}.json in ${dir}`);
  return JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as T;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
