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
    const out = execFileSync(python, [join("bench", "torch_bench.py"), "200"], {encoding: "utf8", env: {...process.env, OMP_NUM_THREADS: "1"}});
    return {python, ...JSON.parse(out)};
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
    return {npmCiSeconds: time("npm", ["ci", "--no-audit", "--no-fund"]), buildSeconds: time("npm", ["run", "build"])};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const result: Record<string, unknown> = {date: new Date().toISOString().slice(0, 10), node: process.version};
log("node: fused, WebAssembly and tfjs steps …");
const node = await nodeSpeed();
result.node = node;
if (!args.has("--no-browser")) {
  if (!existsSync("dist/ex1-b.html")) throw new Error("no built site: run `npm run build` first, or pass --no-browser");
  log("browser: worker steps and the in-page retrain …");
  result.browser = await browserSpeed();
}
log("pytorch …");
const torch = torchSpeed();
result.pytorch = torch ?? "not found: install Debian's python3-torch to compare";
if (torch) {
  const browser = result.browser as {workerMsPerStep: Record<string, number>; moduleWorker: {wasmMsPerStep: Record<string, number>}} | undefined;
  const fused = node.fusedMsPerStep as Record<string, number>;
  const wasm = node.wasmMsPerStep as Record<string, number>;
  const worker = browser?.workerMsPerStep ?? {};
  const wasmWorker = browser?.moduleWorker.wasmMsPerStep ?? {};
  for (const m of ["pca", "small", "big"]) {
    const t = torch[m] as {msPerStepPlain: number; msPerStepDataLoader: number};
    // Against PyTorch's faster loop (plain index batches), to be fair to it.
    result[`ratio_${m}_node_over_pytorch`] = round(fused[m] / t.msPerStepPlain, 3);
    if (worker[m]) result[`ratio_${m}_browser_over_pytorch`] = round(worker[m] / t.msPerStepPlain, 3);
    result[`ratio_${m}_wasm_node_over_pytorch`] = round(wasm[m] / t.msPerStepPlain, 3);
    if (wasmWorker[m]) result[`ratio_${m}_wasm_browser_over_pytorch`] = round(wasmWorker[m] / t.msPerStepPlain, 3);
  }
}
if (!args.has("--no-cold-build")) {
  log("cold build in a clean clone …");
  result.coldBuild = coldBuild();
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
