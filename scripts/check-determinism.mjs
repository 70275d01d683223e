// Builds the site twice from clean clones of HEAD (no caches) and compares every
// loader output byte for byte. Usage: node scripts/check-determinism.mjs
// Exits non-zero if any file differs. Takes two cold builds (about a minute each here).
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

function coldBuild(label) {
  const dir = mkdtempSync(join(tmpdir(), `determinism-${label}-`));
  execFileSync("git", ["clone", "-q", ".", dir]);
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], {cwd: dir, stdio: "ignore"});
  execFileSync("npm", ["run", "build"], {cwd: dir, stdio: "ignore"});
  const dataDir = join(dir, "dist", "_file", "data");
  const files = Object.fromEntries(readdirSync(dataDir).map((f) => [f, readFileSync(join(dataDir, f))]));
  return {dir, files};
}

const a = coldBuild("a");
const b = coldBuild("b");
let differ = 0;
for (const name of new Set([...Object.keys(a.files), ...Object.keys(b.files)])) {
  const same = a.files[name] && b.files[name] && Buffer.compare(a.files[name], b.files[name]) === 0;
  console.log(`${same ? "identical" : "DIFFERENT"}  ${name}  (${a.files[name]?.length ?? "missing"} bytes)`);
  if (!same) ++differ;
}
rmSync(a.dir, {recursive: true, force: true});
rmSync(b.dir, {recursive: true, force: true});
console.log(
  differ ? `${differ} loader outputs differ` : "every loader output is byte-identical across two cold builds"
);
process.exit(differ ? 1 : 0);
