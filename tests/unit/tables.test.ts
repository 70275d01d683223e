import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {DEFAULT_SNAPSHOT_CONFIG, buildAutoencoderSnapshot} from "../../src/core/autoencoder/snapshot.js";
import {seedStats} from "../../src/data/lib/tables.js";

describe("the seed table (arquero, at build time)", () => {
  it("has every run, and per model the median, range and best and worst seeds", () => {
    const snap = buildAutoencoderSnapshot({
      ...DEFAULT_SNAPSHOT_CONFIG,
      seeds: [0, 1, 2],
      epochs: 5,
      history: {...DEFAULT_SNAPSHOT_CONFIG.history, seeds: []}
    });
    const {rows, stats} = seedStats(snap);
    assert.equal(rows.length, 9);
    for (const s of stats) {
      const mine = rows
        .filter((r) => r.model === s.model)
        .map((r) => r.mse)
        .sort((a, b) => a - b);
      assert.equal(s.median, mine[1]);
      assert.equal(s.min, mine[0]);
      assert.equal(s.max, mine[2]);
      assert.equal(rows.find((r) => r.model === s.model && r.seed === s.bestSeed)!.mse, mine[0]);
      assert.equal(rows.find((r) => r.model === s.model && r.seed === s.worstSeed)!.mse, mine[2]);
    }
    assert.deepEqual(
      stats.map((s) => s.model),
      ["small", "big", "pca"]
    );
  });
});
