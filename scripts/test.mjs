// `npm test`: every check of the project, in order, stopping at the first failure.
//   1. a Chromium for the browser tests (found, or installed as root with apt-get)
//   2. type checking (tsc --noEmit)
//   3. unit tests (node's test runner, TypeScript through tsx)
//   4. a build of the site (every loader runs unless its output is cached)
//   5. browser tests (Playwright against the built site in Chromium)
import {spawnSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {ensureChromium} from "./ensure-browser.mjs";

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, {stdio: "inherit"});
  if (result.status !== 0) {
    console.error(`✘ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const unitTests = readdirSync(join("tests", "unit"))
  .filter((f) => f.endsWith(".test.ts"))
  .sort()
  .map((f) => join("tests", "unit", f));

const chromium = ensureChromium();
console.log(`Chromium: ${chromium}`);
run("type check", "npx", ["tsc", "--noEmit"]);
run("unit tests", process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...unitTests]);
run("build", "npx", ["observable", "build"]);
run("browser tests", "npx", ["playwright", "test"]);
