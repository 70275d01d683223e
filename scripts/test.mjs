// `npm test`: every check of the project, in order, stopping at the first failure.
//   1. a Chromium for the browser tests (found, or installed as root with apt-get)
//   2. type checking (tsc --noEmit)
//   3. lint (ESLint with typescript-eslint) and format (Prettier --check)
//   4. unit tests (node's test runner, TypeScript through tsx, two files at a time)
//   5. a build of the site (every loader runs unless its output is cached)
//   6. browser tests (Playwright against the built site in Chromium)
// Each phase prints its time, and the end a table of them.
import {spawnSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {ensureChromium} from "./ensure-browser.mjs";

const phases = [];
const suiteStarted = Date.now();

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, {stdio: "inherit"});
  if (result.status !== 0) {
    console.error(`✘ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  const seconds = (Date.now() - started) / 1000;
  phases.push([label, seconds]);
  console.log(`✔ ${label} (${seconds.toFixed(1)} s)`);
}

const unitTests = readdirSync(join("tests", "unit"))
  .filter((f) => f.endsWith(".test.ts"))
  .sort()
  .map((f) => join("tests", "unit", f));

const chromium = ensureChromium();
console.log(`Chromium: ${chromium}`);
run("type check", "npx", ["tsc", "--noEmit"]);
run("lint", "npx", ["eslint", "."]);
run("format", "npx", ["prettier", "--check", "."]);
run("unit tests", process.execPath, [
  "--import",
  "tsx",
  "--test",
  "--test-concurrency=2",
  "--test-reporter=spec",
  ...unitTests
]);
run("build", "npx", ["observable", "build"]);
run("browser tests", "npx", ["playwright", "test"]);
console.log("\nPhase times:");
for (const [label, seconds] of phases)
  console.log(`  ${label.padEnd(14)} ${seconds.toFixed(1).padStart(7)} s`);
console.log(`  ${"total".padEnd(14)} ${((Date.now() - suiteStarted) / 1000).toFixed(1).padStart(7)} s`);
