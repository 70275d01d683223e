// Every loader is computed ahead by the build's pretraining (src/data/lib/pretrain.ts writes
// each entry of LOADER_OUTPUTS into Framework's cache): a loader without an entry would make
// Framework start it on its own, and an entry without a loader would be a file no page gets.
// The disk cache's lock lets two processes that need one result compute it once.
import assert from "node:assert/strict";
import {spawn} from "node:child_process";
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, it} from "node:test";
import {createRequire} from "node:module";
import {pathToFileURL} from "node:url";

describe("loaders", () => {
  it("each loader prints its own entry of LOADER_OUTPUTS, and every entry has its loader", async () => {
    const {LOADER_OUTPUTS} = await import("../../src/data/lib/outputs.js");
    const loaders = readdirSync(join("src", "data")).filter((f) => /\.(json|js)\.ts$/.test(f));
    assert.deepEqual(loaders.map((f) => f.replace(/\.ts$/, "")).sort(), Object.keys(LOADER_OUTPUTS).sort());
    for (const f of loaders) {
      const source = readFileSync(join("src", "data", f), "utf8");
      assert.ok(
        source.includes(`LOADER_OUTPUTS["${f.replace(/\.ts$/, "")}"]`),
        `${f} prints another entry than its own`
      );
    }
  });
});

describe("the disk cache across processes", () => {
  const memoUrl = pathToFileURL(resolve("src/data/lib/memo.ts")).href;
  // tsx by its path: the children run in a folder without node_modules.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  /** A process that asks for one result, computing it slowly and noting each computation in `log`. */
  const child = (dir: string, log: string) =>
    new Promise<string>((done, fail) => {
      const code = `
        import {appendFileSync} from "node:fs";
        const {memo} = await import(${JSON.stringify(memoUrl)});
        const value = await memo("lock-test", {n: 1}, async () => {
          appendFileSync(${JSON.stringify(log)}, process.pid + "\\n");
          await new Promise((r) => setTimeout(r, 400));
          return {answer: 42};
        });
        process.stdout.write(JSON.stringify(value));`;
      const p = spawn(process.execPath, ["--import", tsx, "--input-type=module", "-e", code], {cwd: dir});
      let out = "";
      p.stdout.on("data", (d) => (out += d));
      p.on("close", (status) => (status === 0 ? done(out) : fail(new Error(`exit ${status}`))));
    });
  const sandbox = () => {
    const dir = mkdtempSync(join(tmpdir(), "memo-"));
    // The cache key hashes these folders; empty ones will do.
    mkdirSync(join(dir, "src", "core"), {recursive: true});
    mkdirSync(join(dir, "src", "data", "lib"), {recursive: true});
    return dir;
  };

  it("computes a result once when two processes ask for it at the same time", {timeout: 30_000}, async () => {
    const dir = sandbox();
    const log = join(dir, "computed.txt");
    writeFileSync(log, "");
    const outs = await Promise.all([child(dir, log), child(dir, log)]);
    assert.deepEqual(
      outs.map((o) => JSON.parse(o)),
      [{answer: 42}, {answer: 42}]
    );
    assert.equal(readFileSync(log, "utf8").trim().split("\n").length, 1, "computed by one process only");
    assert.deepEqual(
      readdirSync(join(dir, ".cache", "loaders")).filter((f) => !f.endsWith(".json")),
      [],
      "no lock or temporary file left"
    );
    rmSync(dir, {recursive: true, force: true});
  });

  it("takes over a lock left by a process that died", {timeout: 30_000}, async () => {
    const dir = sandbox();
    const log = join(dir, "computed.txt");
    writeFileSync(log, "");
    // A finished process's pid is a dead holder.
    const dead = await new Promise<number>((done) => {
      const p = spawn(process.execPath, ["-e", "0"]);
      p.on("close", () => done(p.pid!));
    });
    await child(dir, log);
    const result = readdirSync(join(dir, ".cache", "loaders")).find((f) => f.endsWith(".json"))!;
    rmSync(join(dir, ".cache", "loaders", result));
    writeFileSync(join(dir, ".cache", "loaders", `${result}.lock`), String(dead));
    writeFileSync(log, "");
    assert.deepEqual(JSON.parse(await child(dir, log)), {answer: 42});
    assert.equal(readFileSync(log, "utf8").trim().split("\n").length, 1, "computed again, not waited for");
    rmSync(dir, {recursive: true, force: true});
  });
});
