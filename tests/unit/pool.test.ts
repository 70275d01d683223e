import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {DEFAULT_SNAPSHOT_CONFIG} from "../../src/core/autoencoder/snapshot.js";
import {runAll} from "../../src/data/lib/pool.js";

describe("training several models together", () => {
  it("gives, in worker threads, exactly what one thread gives, in the order of the tasks", async () => {
    const config = {
      ...DEFAULT_SNAPSHOT_CONFIG,
      epochs: 20,
      history: {...DEFAULT_SNAPSHOT_CONFIG.history, seeds: []}
    };
    const tasks = [3, 1, 2].flatMap((seed) =>
      (["small", "pca"] as const).map((name) => ({
        task: "autoencoderRun" as const,
        args: [name, seed, config] as const
      }))
    );
    const alone = await runAll(tasks, 1);
    const together = await runAll(tasks, 2);
    assert.equal(JSON.stringify(together), JSON.stringify(alone));
    assert.deepEqual(
      together.map((r) => r.seed),
      [3, 3, 1, 1, 2, 2]
    );
  });
});
