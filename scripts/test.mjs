// `npm test`: every check of the project, stopping at the first failure.
//   1. a Chromium for the browser tests (found, or installed as root with apt-get)
//   2. type checking (tsc --noEmit), lint (ESLint with typescript-eslint) and format
//      (Prettier --check), side by side: each keeps one core busy
//   3. a build of the site (every loader runs unless its output is cached)
//   4. unit tests (node's test runner, TypeScript through tsx, two files at a time); after
//      the build, so the experiments they share with the loaders come from its cache
//   5. browser tests (Playwright against the built site in Chromium)
// The build is not run beside the checks: on two cores that was slower (the loaders
// already use both). A phase that runs beside others prints its output when it ends,
// so outputs do not interleave. Each phase prints its time, and the end a table of them.
import {spawn} from "node:child_process";
import {readdirSync} from "node:fs";
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

const chromium = ensureChromium();
console.log(`Chromium: ${chromium}`);
await Promise.all([
  run("type check", "npx", ["tsc", "--noEmit"], {quiet: true}),
  run("lint", "npx", ["eslint", "."], {quiet: true}),
  run("format", "npx", ["prettier", "--check", "."], {quiet: true})
]);
await run("build", "npx", ["observable", "build"]);
await run("unit tests", process.execPath, [
  "--import",
  "tsx",
  "--test",
  "--test-concurrency=2",
  "--test-reporter=spec",
  ...unitTests
]);
await run("browser tests", "npx", ["playwright", "test"]);
console.log("\nPhase times (type check, lint and format ran side by side):");
for (const [label, seconds] of phases)
  console.log(`  ${label.padEnd(14)} ${seconds.toFixed(1).padStart(7)} s`);
console.log(`  ${"total".padEnd(14)} ${((Date.now() - suiteStarted) / 1000).toFixed(1).padStart(7)} s`);
