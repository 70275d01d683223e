/**
 * Runs independent, deterministic tasks (one training run each) on every core,
 * in worker threads, and returns their results in the order of the tasks; the
 * output does not depend on how many threads ran them or in which order they
 * finished.
 */
import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import {TASKS} from "./tasks.js";
import type {TaskName} from "./tasks.js";

export interface Task<K extends TaskName = TaskName> {
  readonly task: K;
  readonly args: Readonly<Parameters<(typeof TASKS)[K]>>;
}

type Result<K extends TaskName> = ReturnType<(typeof TASKS)[K]>;

export async function runAll<K extends TaskName>(
  tasks: readonly Task<K>[],
  threads = availableParallelism()
): Promise<Result<K>[]> {
  const results = new Array<Result<K>>(tasks.length);
  const count = Math.max(1, Math.min(threads, tasks.length));
  if (count === 1) {
    tasks.forEach((t, i) => (results[i] = (TASKS[t.task] as (...a: unknown[]) => Result<K>)(...t.args)));
    return results;
  }
  let next = 0;
  const workers = Array.from(
    {length: count},
    () => new Worker(new URL("./pool-worker.mjs", import.meta.url))
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= tasks.length) return resolve();
              const id = next++;
              worker.postMessage({id, task: tasks[id].task, args: tasks[id].args});
            };
            worker.on("message", (m: {id: number; result?: Result<K>; error?: string}) => {
              if (m.error !== undefined)
                return reject(new Error(`task ${m.id} (${tasks[m.id].task}) failed: ${m.error}`));
              results[m.id] = m.result as Result<K>;
              feed();
            });
            worker.on("error", reject);
            feed();
          })
      )
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
