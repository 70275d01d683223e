/**
 * A disk cache for expensive, deterministic computations shared by several
 * loaders (the summary reads the same trained models as the figures, without
 * training them twice). The key covers the computation's name, its config and
 * the source of everything under src/core, so any change to the training code
 * invalidates it. A clean checkout has no cache; results are byte-identical
 * either way, because every computation is seeded.
 */
import {createHash} from "node:crypto";
import {mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";

const CACHE_DIR = join(".cache", "loaders");
const SOURCE_DIRS = [join("src", "core"), join("src", "data", "lib")];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
    )
    .sort();
}

/**
 * The sources are hashed once, when the loader starts (with the modules it runs),
 * not when a result is stored: a source edited while a loader computes must not
 * label the result of the old code with the new code's key.
 */
const SOURCE_HASH = (() => {
  const hash = createHash("sha256");
  for (const file of SOURCE_DIRS.flatMap(sourceFiles))
    hash.update("\0").update(file).update(readFileSync(file));
  return hash.digest();
})();

export function cacheKey(name: string, config: unknown): string {
  const hash = createHash("sha256");
  hash.update(name).update("\0").update(JSON.stringify(config)).update(SOURCE_HASH);
  return hash.digest("hex").slice(0, 24);
}

export async function memo<T>(name: string, config: unknown, compute: () => T | Promise<T>): Promise<T> {
  const file = join(CACHE_DIR, `${name}-${cacheKey(name, config)}.json`);
  try {
    const cached = JSON.parse(readFileSync(file, "utf8")) as T;
    process.stderr.write(`${name}: reusing ${file}\n`);
    return cached;
  } catch {
    // not cached yet
  }
  // Round-trip through JSON so a fresh result and a cached one are the same value.
  const text = JSON.stringify(await compute());
  mkdirSync(CACHE_DIR, {recursive: true});
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return JSON.parse(text) as T;
}
