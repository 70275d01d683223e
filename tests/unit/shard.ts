// Runs the unit test files named on the command line in this one process, each file as a
// suite named by its path. `node --test` starts a process for every file, and with tsx's
// import hook each start costs about half a second of CPU; scripts/test.mjs runs two of
// these shards side by side instead. `--times=FILE` writes how long each file took (ms),
// which scripts/test.mjs reads to balance the next run's shards.
import {writeFileSync} from "node:fs";
import {resolve} from "node:path";
import {after, describe} from "node:test";
import {pathToFileURL} from "node:url";

const args = process.argv.slice(2);
const timesFile = args.find((a) => a.startsWith("--times="))?.slice("--times=".length);
const files = args.filter((a) => !a.startsWith("--"));

// Suites run one after another, so a file's time is from the end of the previous suite to its own end.
const ends: [string, number][] = [];
for (const file of files)
  describe(file, async () => {
    after(() => void ends.push([file, performance.now()]));
    await import(pathToFileURL(resolve(file)).href);
  });

if (timesFile)
  process.on("exit", () => {
    const times: Record<string, number> = {};
    ends.forEach(([file, end], i) => (times[file] = Math.round(end - (i ? ends[i - 1][1] : 0))));
    writeFileSync(timesFile, JSON.stringify(times));
  });
