import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {GD_SGD_PLAN, OPTIMIZERS, PROBLEMS} from "../../src/core/exercises/h/gd-sgd.js";
import type {GdSgdCurve, OptimizerKind, ProblemKey} from "../../src/core/exercises/h/gd-sgd.js";
import {
  claimFacts,
  costRows,
  curvesCaption,
  drawnRatesText,
  duelTableRows,
  gdSgdJobs,
  panelText,
  setupFacts,
  sweepTableRows,
  verdictsOf
} from "../../src/core/exercises/h/facts.js";
import type {GdSgdPublished, HNames} from "../../src/core/exercises/h/facts.js";

const names: HNames = {
  optimizer: {sgd: "plain SGD", adam: "Adam"},
  short: {"frozen-decoder": "frozen decoder", "whole-small": "whole, small", "whole-big": "whole, big"},
  series: (b, full) => (b === full ? `full batch (${b})` : `mini-batch ${b}`)
};

const plan = {
  ...GD_SGD_PLAN,
  learningRates: {sgd: [0.03, 0.1, 0.3], adam: [1e-3, 3e-3, 1e-2]},
  seeds: {
    "frozen-decoder": [0],
    "whole-small": [0, 1],
    "whole-big": [0, 1]
  }
};

/**
 * Synthetic curves: the loss falls as exp(−k·examples) with k growing with the
 * learning rate, and the mini-batches learn 4 times faster per example; the
 * largest SGD rate diverges on the full batch.
 */
function curves(): GdSgdCurve[] {
  const out: GdSgdCurve[] = [];
  for (const p of PROBLEMS) {
    for (const o of OPTIMIZERS) {
      for (const b of [plan.fullBatch, plan.miniBatch]) {
        plan.learningRates[o].forEach((lr, i) => {
          for (const seed of plan.seeds[p.key]) {
            const k = ((b === plan.miniBatch ? 4 : 1) * (i + 1)) / plan.budget;
            const diverged = o === "sgd" && b === plan.fullBatch && i === 2;
            const checkpoints = [0, 0.5, 1].map((f) => {
              const examples = Math.round(f * plan.budget);
              return {
                examples,
                updates: Math.floor(examples / b),
                mse: diverged && f > 0 ? 2e4 : Math.exp(-k * examples)
              };
            });
            out.push({
              problem: p.key,
              optimizer: o,
              batchSize: b,
              learningRate: lr,
              seed,
              checkpoints,
              finalMse: diverged ? null : checkpoints[2].mse,
              diverged: diverged ? {examples: checkpoints[1].examples, updates: 0, epoch: 1, mse: 2e4} : null
            } as GdSgdCurve);
          }
        });
      }
    }
  }
  return out;
}

const cost = {perUpdateMs: 0.5, perExampleMs: 0.05};
const stepCost = Object.fromEntries(
  PROBLEMS.map((p) => [p.key, {sgd: cost, adam: {perUpdateMs: 1, perExampleMs: 0.05}}])
) as Record<ProblemKey, Record<OptimizerKind, typeof cost>>;
const gd: GdSgdPublished = {
  plan,
  curves: curves(),
  stepCost,
  reused: 2,
  stepCostMeasured: {date: "2026-12-01", where: "here"}
};

describe("the setup of (h), in the page's words", () => {
  it("states the budget in epochs of either batch size", () => {
    const e = setupFacts(gd);
    assert.equal(e.budget, "100,800");
    assert.equal(e.fullEpochs, "1,008");
    assert.equal(e.miniEpochs, "1,050");
    assert.equal(e.miniAtFullEnd, "8,064");
    assert.equal(e.sgdRates, "0.03, 0.1 and 0.3");
    assert.equal(
      e.seeds,
      "1 seed (0) for the frozen decoder of (g), big model, 2 seeds (0 and 1) for the whole autoencoder, small and 2 seeds (0 and 1) for the whole autoencoder, big"
    );
    assert.match(e.reused, /\(2 runs\), not trained twice/);
    assert.equal(e.evenWithin, 5);
  });
});

describe("who is ahead in (h)", () => {
  const verdicts = verdictsOf(gd);
  const c = claimFacts(gd, verdicts, names);

  it("finds the mini-batches ahead per example and the full batch per update, on both readings", () => {
    assert.equal(verdicts.length, 6);
    assert.equal(c.wholePerExample, "the mini-batches are ahead in 4, the full batch in 0 of 4 comparisons");
    assert.equal(c.frozenPerExample, "the mini-batches are ahead in 2, the full batch in 0 of 2 comparisons");
    assert.match(c.wholePerUpdate, /the full batch in 4 of 4 comparisons/);
    assert.equal(c.updatesRatio, "12.5");
  });

  it("names the best rates at the sweep's edge and the cost ratio's range", () => {
    // Faster learning with a larger rate: every best rate is the largest, except where it diverged.
    assert.match(c.edges, /^The best rate lies at the end of the sweep for /);
    assert.doesNotMatch(c.edges, /plain SGD, full batch/);
    assert.equal(c.frozenAdamFull, "0.01");
    assert.equal(c.costMin, "10.0");
    assert.equal(c.costMax, "20.0");
    assert.match(c.fewestSeeds, /^Some problems have only 1 seed/);
  });

  it("shapes the tables: every method at its best rate, the duels, the costs", () => {
    const tuned = PROBLEMS.flatMap((p) =>
      OPTIMIZERS.flatMap((o) =>
        [plan.fullBatch, plan.miniBatch].map((b) => ({
          model: p.model,
          reading: p.reading,
          optimizer: o,
          batchSize: b,
          bestLearningRate:
            verdicts.find((v) => v.problem === p.key && v.optimizer === o)![
              b === plan.fullBatch ? "full" : "mini"
            ].bestLearningRate ?? null
        }))
      )
    );
    const rows = sweepTableRows(gd, verdicts, tuned, names);
    assert.equal(rows.length, 12);
    assert.deepEqual(rows[0], {
      problem: "frozen decoder",
      optimiser: "SGD",
      batch: "full (100)",
      "best rate": "0.1",
      "MSE at best": "0.14",
      "MSE at 0.1 / 0.001": "0.14"
    });
    assert.equal(duelTableRows(verdicts, names).length, 12);
    assert.equal(costRows(gd, names)[0]["update ÷ example"], 10);
  });
});

describe("a retrain of (h) in the page", () => {
  const s = {problem: "whole-small" as ProblemKey, seed: 5, batch: 4, sgdLr: 0.2, adamLr: 0.002, budget: 9.6};

  it("trains both optimisers on the full batch and the chosen mini-batch, loading weights only for the frozen decoder", async () => {
    let loads = 0;
    const snapshot = async () => {
      loads++;
      return {models: {big: {runs: [{seed: 5, weights: [1, 2, 3]}]}}};
    };
    const jobs = await gdSgdJobs(s, plan, snapshot);
    assert.equal(loads, 0);
    assert.deepEqual(
      jobs.map((j) => [j.optimizer, j.batchSize, j.lr]),
      [
        ["sgd", 100, 0.2],
        ["sgd", 4, 0.2],
        ["adam", 100, 0.002],
        ["adam", 4, 0.002]
      ]
    );
    const frozen = await gdSgdJobs({...s, problem: "frozen-decoder"}, plan, snapshot);
    assert.equal(loads, 1);
    assert.deepEqual(frozen[0].initial, [1, 2, 3]);
  });

  it("says in the panel and the caption which runs are drawn", () => {
    assert.match(panelText(s, plan).published, /seed 5 was not trained at build time/);
    assert.match(panelText({...s, seed: 1}, plan).published, /the dashed lines are seed 1$/);
    assert.equal(drawnRatesText({100: 0.1, 8: 0.1}, plan), "learning rate 0.1 on both sides");
    assert.equal(drawnRatesText({100: 0.3, 8: 0.1}, plan), "full batch at 0.3, mini-batches at 0.1");
    const rates = {sgd: {100: 0.1, 8: 0.1}, adam: {100: 0.01, 8: 0.003}};
    assert.match(
      curvesCaption(s, plan, false, "best", rates),
      /^Bold: your runs, seed 5, .* 9,600 examples\./
    );
    assert.match(
      curvesCaption({...s, seed: 0}, plan, true, "shared", rates),
      /over the 2 seeds, .*dashed seed 0\.$/
    );
  });
});
