/**
 * A disk cache for expensive, deterministic computations shared by several
 * loaders (the summary reads the same trained models as the figures, without
 * training them twice). The key covers the computation's name, its config and
 * the source of everything under src/core, so any change to the training code
 * invalidates it. A clean checkout has no cache; results are byte-identical
 * either way, because every computation is seeded.
 *
 * Several processes may ask for the same result at once (the build's pretraining and
 * Framework's loaders, two unit-test shards): the first takes a lock file and computes,
 * the others wait for its result instead of computing it again. A lock whose process
 * has died is taken over.
 */
import {createHash} from "node:crypto";
import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
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

function readCached<T>(name: string, file: string): T | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, "utf8")) as T;
    process.stderr.write(`${name}: reusing ${file}\n`);
    return cached;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock of a computation; false while another live computation holds it (in this
 * process or another). A lock left by a process that died is removed and taken.
 */
function takeLock(lock: string): boolean {
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), {flag: "wx"});
      return true;
    } catch {
      // held, or left behind
    }
    let holder: number;
    let age: number;
    try {
      holder = Number(readFileSync(lock, "utf8"));
      age = Date.now() - statSync(lock).mtimeMs;
    } catch {
      continue; // released meanwhile: try again
    }
    // An empty lock is one being written, unless it is old.
    if (holder > 0 ? alive(holder) : age < 5000) return false;
    rmSync(lock, {force: true});
  }
}

export async function memo<T>(name: string, config: unknown, compute: () => T | Promise<T>): Promise<T> {
  const file = join(CACHE_DIR, `${name}-${cacheKey(name, config)}.json`);
  const lock = `${file}.lock`;
  mkdirSync(CACHE_DIR, {recursive: true});
  let waited = false;
  for (;;) {
    const cached = readCached<T>(name, file);
    if (cached !== undefined) return cached;
    if (takeLock(lock)) break;
    if (!waited) process.stderr.write(`${name}: waiting for another process that computes it\n`);
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    // Round-trip through JSON so a fresh result and a cached one are the same value.
    const text = JSON.stringify(await compute());
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return JSON.parse(text) as T;
  } finally {
    rmSync(lock, {force: true});
  }
}
