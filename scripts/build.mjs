// `npm run build`: Framework's build of the site into dist/, with every loader's output
// computed beside it from the start (src/data/lib/pretrain.ts): Framework spends its first
// seconds resolving npm imports on one core, and the training uses the other. Both must
// succeed; if one fails, the other is stopped.
import {spawn} from "node:child_process";

const started = Date.now();
const children = new Set();

function run(command, args) {
  const child = spawn(command, args, {stdio: "inherit", detached: true});
  children.add(child);
  return new Promise((resolve, reject) =>
    child.on("close", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (exit ${code ?? signal})`));
    })
  );
}

try {
  await Promise.all([
    run(process.execPath, ["--import", "tsx", "src/data/lib/pretrain.ts"]),
    run("npx", ["observable", "build"])
  ]);
  console.log(`build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error.message);
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  process.exit(1);
}
