// A worker thread of pool.ts: runs named tasks from tasks.ts and posts back their results.
import {parentPort} from "node:worker_threads";
import {TASKS} from "./tasks.js";
import type {TaskName} from "./tasks.js";

interface Request {
  id: number;
  task: TaskName;
  args: unknown[];
}

parentPort!.on("message", ({id, task, args}: Request) => {
  try {
    const fn = TASKS[task] as (...a: unknown[]) => unknown;
    parentPort!.postMessage({id, result: fn(...args)});
  } catch (error) {
    parentPort!.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error)
    });
  }
});
