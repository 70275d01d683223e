// The three key results of the bonus exercise, from the same (memoised, seeded)
// studies the loaders publish. The sheet's criteria are asserted as they are; the
// values are pinned with tolerances that any change to the data, the batching,
// the initialisation or the regularisation rule would exceed.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {MEMORIZATION_TARGET, SPIRAL_WINNER} from "../../src/core/playground/studies.js";
import {memorizationStudy, regularizationStudy, spiralStudy} from "../../src/data/lib/experiments.js";

const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual}, expected ${expected} ± ${tolerance}`
  );

describe("bonus key results", () => {
  it("(a) the answer classifies the default spiral from X₁ and X₂ with test loss ≤ 0.05, and is the best of the table by median", async () => {
    const study = await spiralStudy();
    const winner = study.candidates.find((c) => c.name === SPIRAL_WINNER)!;
    const s = winner.run.settings;
    assert.deepEqual([s.dataset, s.noise, s.trainRatio, s.seed], ["spiral", 0, 50, 1]);
    assert.deepEqual(s.features, ["x1", "x2"]);
    assert.ok(winner.run.testLoss <= 0.05);
    near(winner.run.testLoss, 0.0129, 0.002, "test loss");
    near(winner.run.trainLoss, 0.0131, 0.002, "training loss");
    assert.ok(winner.worstTestLoss <= 0.05, `worst over seeds ${winner.worstTestLoss}`);
    assert.equal(study.best, SPIRAL_WINNER);
    // The failure the page explains: deep sigmoid stays at the loss of a constant 0.
    near(study.candidates.find((c) => c.name === "sigmoid-6x8")!.medianTestLoss, 0.5, 0.01, "sigmoid");
  });

  it("(b) L1 leaves most weights exactly zero and only X₁², X₂² connected; L2 shrinks without zeroing", async () => {
    const {runs} = await regularizationStudy();
    assert.deepEqual(runs.none.settings.hidden, [8, 8, 8, 8, 8, 8]);
    assert.equal(runs.none.final.stats.zeroFraction, 0);
    assert.equal(runs.l2.final.stats.zeroFraction, 0);
    near(runs.l1.final.stats.zeroFraction, 0.966, 0.01, "L1 zero fraction");
    near(runs.none.final.stats.meanAbs, 0.276, 0.005, "mean |w| without regularisation");
    near(runs.l2.final.stats.meanAbs, 0.112, 0.005, "mean |w| with L2");
    assert.ok(
      runs.l1.final.stats.meanAbs < runs.l2.final.stats.meanAbs &&
        runs.l2.final.stats.meanAbs < runs.none.final.stats.meanAbs
    );
    const connected = runs.l1.settings.features.filter((_, i) => runs.l1.inputs[i].connections > 0);
    assert.deepEqual(connected, ["x1sq", "x2sq"]);
    for (const k of ["none", "l1", "l2"] as const)
      assert.ok(runs[k].testLoss < 0.01, `${k} test loss ${runs[k].testLoss}`);
  });

  it("(c) memorisation: median training loss ≤ 0.05 and median test loss > 0.5 over at least 3 seeds", async () => {
    const study = await memorizationStudy();
    assert.ok(study.runs.length >= 3);
    const s = study.runs[0].settings;
    assert.deepEqual([s.noise, s.trainRatio], [50, 10]);
    assert.ok(s.hidden.length <= 6 && s.hidden.every((w) => w <= 8));
    assert.ok(study.medianTrainLoss <= MEMORIZATION_TARGET.trainLoss);
    assert.ok(study.medianTestLoss > MEMORIZATION_TARGET.testLoss);
    // Memorising noise is chaotic: a change in the last bit of any number moves these (see src/core/engine/portable-math.ts).
    // Pinned with the float32 WebAssembly step (the default engine); with the float64 step they
    // were 0.4872, 0.7564, 0.7678, 0.7027, 0.6195 and every seed met the criterion on its own.
    // In float32 seed 1 ends at training loss 0.074: the page reports it (the median still meets).
    const pinned = [0.5378, 0.6726, 0.7499, 0.6994, 0.6193];
    study.runs.forEach((r, i) => {
      near(r.testLoss, pinned[i], 0.01, `seed ${r.settings.seed} test loss`);
      assert.equal(r.meets, r.trainLoss <= 0.05 && r.testLoss > 0.5);
    });
    assert.ok(study.runs.filter((r) => r.meets).length >= 4, "all but at most one seed meet it on their own");
  });
});
