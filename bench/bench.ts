/**
 * `npm run bench`: the speed of the training paths, side by side, as one JSON
 * object on stdout (progress on stderr). Needs a built site (`npm run build`) for
 * the browser figures; PyTorch figures appear when a python3 with torch is found
 * (Debian's python3-torch), with ratios ours / PyTorch. The fused float64 step and the
 * WebAssembly SIMD step (src/core/engine/wasm/) are timed in turn, five times each, in Node
 * and in a Chromium module worker; medians and the median ratio are reported, since
 * the machine may be shared. Options:
 *   --no-browser     skip headless Chromium
 *   --no-cold-build  skip timing `npm ci` and `npm run build` in a clean clone (about two minutes)
 */
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {browserSpeed} from "./browser-speed.js";
import {nodeSpeed, round} from "./node-speed.js";

const args = new Set(process.argv.slice(2));
const log = (line: string) => process.stderr.write(`${line}\n`);

function torchSpeed(): Record<string, unknown> | null {
  for (const python of ["python3", "/usr/bin/python3"]) {
    const probe = spawnSync(python, ["-c", "import torch"], {stdio: "ignore"});
    if (probe.status !== 0) continue;
    try {
      const out = execFileSync(python, [join("bench", "torch_bench.py"), "200"], {
        encoding: "utf8",
        env: {...process.env, OMP_NUM_THREADS: "1"}
      });
      return {python, ...JSON.parse(out)};
    } catch (error) {
      log(
        `pytorch: ${python} failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); skipped`
      );
    }
  }
  return null;
}

function coldBuild(): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), "cold-build-"));
  try {
    execFileSync("git", ["clone", "-q", ".", dir]);
    const time = (cmd: string, a: string[]) => {
      const t0 = Date.now();
      execFileSync(cmd, a, {cwd: dir, stdio: "ignore"});
      return (Date.now() - t0) / 1000;
    };
    return {
      npmCiSeconds: time("npm", ["ci", "--no-audit", "--no-fund"]),
      buildSeconds: time("npm", ["run", "build"])
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const result: Record<string, unknown> = {date: new Date().toISOString().slice(0, 10), node: process.version};
log("node: fused, WebAssembly and tfjs steps …");
const node = await nodeSpeed();
result.node = node;
if (!args.has("--no-browser")) {
  if (!existsSync("dist/ex1-b.html"))
    throw new Error("no built site: run `npm run build` first, or pass --no-browser");
  log("browser: worker steps and the in-page retrain …");
  result.browser = await browserSpeed();
}
log("pytorch …");
const torch = torchSpeed();
result.pytorch = torch ?? "not found: install Debian's python3-torch to compare";
if (torch) {
  type PerModel = Record<string, number>;
  const browser = result.browser as {workerMsPerStep: Record<string, PerModel>} | undefined;
  const paths: Record<string, PerModel | undefined> = {
    wasm_node: node.wasmMsPerStep as PerModel,
    fused_node: node.fusedMsPerStep as PerModel,
    tfjs_wasm_node: (node.tfjsMsPerStep as Record<string, PerModel>).wasm,
    wasm_worker: browser?.workerMsPerStep.wasm,
    fused_worker: browser?.workerMsPerStep.fused,
    tfjs_worker: browser?.workerMsPerStep.tfjs
  };
  // Against PyTorch's faster loop (plain index batches), to be fair to it.
  const ratios: Record<string, PerModel> = {};
  for (const [path, ms] of Object.entries(paths)) {
    if (!ms) continue;
    ratios[path] = Object.fromEntries(
      ["pca", "small", "big"].map((m) => [
        m,
        round(ms[m] / (torch[m] as {msPerStepPlain: number}).msPerStepPlain, 3)
      ])
    );
  }
  result.ratioOverPytorch = ratios;
}
if (!args.has("--no-cold-build")) {
  log("cold build in a clean clone …");
  result.coldBuild = coldBuild();
}
result.targets = targets(result);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

/** Issue 15's targets against this run's numbers (null where a part was skipped). */
function targets(r: Record<string, unknown>): Record<string, boolean | null> {
  const node = r.node as {wasmMsPerStep: Record<string, number>};
  const browser = r.browser as
    | {
        workerMsPerStep: {wasm: Record<string, number>};
        retrainThreeDefault1000EpochsMs: number;
        longestMainThreadTaskMs: number;
      }
    | undefined;
  const build = r.coldBuild as {buildSeconds: number} | undefined;
  return {
    bigNodeAtMost0_1ms: node.wasmMsPerStep.big <= 0.1,
    smallNodeAtMost0_01ms: node.wasmMsPerStep.small <= 0.01,
    bigWorkerAtMost0_1ms: browser ? browser.workerMsPerStep.wasm.big <= 0.1 : null,
    smallWorkerAtMost0_01ms: browser ? browser.workerMsPerStep.wasm.small <= 0.01 : null,
    retrainThreeAtMost1500ms: browser ? browser.retrainThreeDefault1000EpochsMs <= 1500 : null,
    noMainThreadTaskOver50ms: browser ? browser.longestMainThreadTaskMs <= 50 : null,
    coldBuildAtMost60s: build ? build.buildSeconds <= 60 : null
  };
}
