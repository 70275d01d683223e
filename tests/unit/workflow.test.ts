// The publishing workflow runs the README's commands: the set-up and test command
// (`npm ci && npm test`, whose test script builds dist/), on the Node the README
// names, and publishes the directory the build writes. So the README, package.json
// and the workflow cannot drift apart.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {test} from "node:test";

const readme = readFileSync("README.md", "utf8");
const workflow = readFileSync(".github/workflows/pages.yml", "utf8");
const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;

/** The README's two commands, from the code block under "Two commands". */
function readmeCommands(): string[] {
  const section = readme.slice(readme.indexOf("## Two commands"));
  const block = section.match(/```sh\n([\s\S]*?)```/)![1];
  return block
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter(Boolean);
}

/** The workflow's `run:` steps in order (single-line steps only). */
const runSteps = () => [...workflow.matchAll(/^\s*-?\s*run:\s*(.+)$/gm)].map((m) => m[1].trim());

test("the README has exactly two commands, one that builds and serves and one that tests", () => {
  assert.deepEqual(readmeCommands(), ["npm ci && npm start", "npm ci && npm test"]);
});

test("the workflow runs the README's test command, step by step, in order", () => {
  const steps = runSteps();
  const [setup, check] = readmeCommands()[1]
    .split("&&")
    .map((s) => s.trim());
  assert.ok(steps.includes(setup), `no step runs ${setup}`);
  assert.ok(steps.includes(check), `no step runs ${check}`);
  assert.ok(steps.indexOf(setup) < steps.indexOf(check), `${setup} must come before ${check}`);
});

test("npm test and npm start build the site the same way, and the workflow publishes what they build", () => {
  const build = scripts.build;
  assert.equal(build, "node scripts/build.mjs");
  assert.ok(scripts.start.startsWith(`${build} && `), "npm start builds with the build script");
  assert.match(
    readFileSync("scripts/test.mjs", "utf8"),
    /run\("build", process\.execPath, \["scripts\/build\.mjs"\]\)/
  );
  assert.match(readFileSync("scripts/build.mjs", "utf8"), /run\("npx", \["observable", "build"\]\)/);
  assert.match(workflow, /upload-pages-artifact@v\d+\s*\n\s*with:\s*\n\s*path: dist\s*$/m);
  assert.match(workflow, /deploy-pages@v\d+/);
});

test("the workflow uses the Node the README and package.json name", () => {
  const node = Number(workflow.match(/node-version:\s*(\d+)/)![1]);
  assert.match(readme, new RegExp(`Node ${node}\\b`));
  assert.equal(JSON.parse(readFileSync("package.json", "utf8")).engines.node, `>=${node}`);
});
