// `npm test`: every check of the project, stopping at the first failure.
//   1. a Chromium for the browser tests (found, or installed as root with apt-get)
//   2. type checking (tsc --noEmit), lint (ESLint with typescript-eslint) and format
//      (Prettier --check), side by side: each keeps one core busy
//   3. a build of the site (scripts/build.mjs: Framework's build beside the loaders' training)
//   4. unit tests (node's test runner, TypeScript through tsx) in two processes side by
//      side, each running its share of the files (tests/unit/shard.ts), split by the
//      files' times in the previous run; after the build, so the experiments they share
//      with the loaders come from its cache
//   5. browser tests (Playwright against the built site in Chromium)
// The build is not run beside the checks: on two cores that was slower (the loaders
// already use both). A phase that runs beside others prints its output when it ends,
// so outputs do not interleave. Each phase prints its time, and the end a table of them.
import {spawn} from "node:child_process";
import {mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {ensureChromium} from "./ensure-browser.mjs";

const phases = [];
const running = new Set();
const suiteStarted = Date.now();

/**
 * Runs one phase. `quiet` collects its output and prints it when the phase ends
 * (for phases that run beside others); otherwise the output streams. Resolves when
 * the phase passes; on a failure, stops every other phase and exits.
 */
function run(label, command, args, {quiet = false} = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}${quiet ? " (output when it ends)" : ""}`);
  const started = Date.now();
  const child = spawn(command, args, {stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", detached: true});
  running.add(child);
  const output = [];
  if (quiet)
    for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      running.delete(child);
      if (quiet && output.length) {
        console.log(`\n── ${label} output ──`);
        process.stdout.write(Buffer.concat(output));
      }
      if (code !== 0) {
        console.error(`✘ ${label} failed (exit ${code ?? signal})`);
        for (const other of running) {
          try {
            process.kill(-other.pid, "SIGTERM");
          } catch {
            // already gone
          }
        }
        process.exit(code || 1);
      }
      const seconds = (Date.now() - started) / 1000;
      phases.push([label, seconds]);
      console.log(`✔ ${label} (${seconds.toFixed(1)} s)`);
      resolve();
    });
  });
}

const unitTests = readdirSync(join("tests", "unit"))
  .filter((f) => f.endsWith(".test.ts"))
  .sort()
  .map((f) => join("tests", "unit", f));

/** Where the shards write their files' times, and the times of the last run (ms per file). */
const TIMES_DIR = join(".cache", "unit-times");
const TIMES_FILE = join(".cache", "unit-times.json");

/**
 * Splits the files into `count` shards of about equal time: the longest first, each to
 * the shard with the least time so far. A file without a time from the last run counts as
 * the median of the others (every file alike on a clean clone).
 */
function unitShards(files, count) {
  let last = {};
  try {
    last = JSON.parse(readFileSync(TIMES_FILE, "utf8"));
  } catch {
    // no earlier run
  }
  const known = files
    .map((f) => last[f])
    .filter((t) => t > 0)
    .sort((a, b) => a - b);
  const guess = known.length ? known[Math.floor(known.length / 2)] : 1;
  const cost = (f) => (last[f] > 0 ? last[f] : guess);
  const shards = Array.from({length: count}, () => ({files: [], time: 0}));
  for (const f of [...files].sort((a, b) => cost(b) - cost(a) || a.localeCompare(b))) {
    const shard = shards.reduce((a, b) => (b.time < a.time ? b : a));
    shard.files.push(f);
    shard.time += cost(f);
  }
  return shards.map((s) => s.files.sort()).filter((s) => s.length);
}

/** Merges the shards' times into the file the next run balances by. */
function saveUnitTimes() {
  const times = {};
  for (const f of readdirSync(TIMES_DIR))
    Object.assign(times, JSON.parse(readFileSync(join(TIMES_DIR, f), "utf8")));
  writeFileSync(TIMES_FILE, JSON.stringify(times, null, 1));
}

const chromium = ensureChromium();
console.log(`Chromium: ${chromium}`);
await Promise.all([
  run("type check", "npx", ["tsc", "--noEmit"], {quiet: true}),
  run("lint", "npx", ["eslint", "."], {quiet: true}),
  run("format", "npx", ["prettier", "--check", "."], {quiet: true})
]);
await run("build", process.execPath, ["scripts/build.mjs"]);
const unitStarted = Date.now();
rmSync(TIMES_DIR, {recursive: true, force: true});
mkdirSync(TIMES_DIR, {recursive: true});
await Promise.all(
  unitShards(unitTests, 2).map((files, i, all) =>
    run(
      `unit tests ${i + 1}/${all.length}`,
      process.execPath,
      [
        "--import",
        "tsx",
        "--test-reporter=spec",
        "tests/unit/shard.ts",
        `--times=${join(TIMES_DIR, `${i}.json`)}`,
        ...files
      ],
      {quiet: true}
    )
  )
);
saveUnitTimes();
phases.push(["unit tests", (Date.now() - unitStarted) / 1000]);
await run("browser tests", "npx", ["playwright", "test"]);
console.log("\nPhase times (type check, lint and format side by side; the unit shards side by side):");
for (const [label, seconds] of phases)
  console.log(`  ${label.padEnd(14)} ${seconds.toFixed(1).padStart(7)} s`);
console.log(`  ${"total".padEnd(14)} ${((Date.now() - suiteStarted) / 1000).toFixed(1).padStart(7)} s`);
