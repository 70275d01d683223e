// Exercise 1 (b): the numbers its prose quotes (bFacts), the sentences that depend on
// the run shown, and a reader's run measured and compared with the published seeds.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as d3 from "d3";
import {DEFAULT_SNAPSHOT_CONFIG, buildAutoencoderSnapshot} from "../../src/core/autoencoder/snapshot.js";
import {axisAngle} from "../../src/core/autoencoder/analysis.js";
import {spanCount} from "../../src/core/format/words.js";
import {
  bFacts,
  bRunText,
  cdRunNote,
  lastVsBefore,
  leftOverText,
  lossDomain,
  publishedSeedFor,
  trendText
} from "../../src/core/exercises/b/facts.js";
import {compareRows, measureReader} from "../../src/core/exercises/b/reader.js";
import {seedStats} from "../../src/data/lib/tables.js";

const snap = buildAutoencoderSnapshot({
  ...DEFAULT_SNAPSHOT_CONFIG,
  seeds: [0, 1, 2],
  epochs: 210,
  history: {...DEFAULT_SNAPSHOT_CONFIG.history, seeds: []}
});
const {stats} = seedStats(snap);
const TITLES = {pca: "PCA-like (linear)", small: "small", big: "big"} as const;

describe("bFacts: the numbers of the (b) discussion", () => {
  const f = bFacts(snap, stats);
  it("gives what the page computed inline before, number for number", () => {
    // The page's former inline expressions, with d3 as it used them.
    const s = Object.fromEntries(stats.map((x) => [x.model, x]));
    const runs = (m: "pca" | "small" | "big") => snap.models[m]!.runs;
    const med = (m: "small" | "big", g: (r: (typeof snap.models.pca & {})["runs"][number]) => number) =>
      d3.median(runs(m), g)!;
    assert.equal(f.pcaGap, (100 * (s.pca.max / snap.pca.optimumMse - 1)).toFixed(3));
    assert.equal(f.pc1Angle, axisAngle(snap.pca.components[0], [1, 0]).toFixed(1));
    assert.equal(f.pcaCorr, d3.min(runs("pca"), (r) => Math.abs(r.analysis.corrX1))!.toFixed(4));
    for (const m of ["small", "big"] as const) {
      const pieces = d3.extent(runs(m), (r) => r.analysis.finalShape.pieces) as [number, number];
      const turns = d3.extent(runs(m), (r) => r.analysis.finalShape.turnsX2) as [number, number];
      assert.equal(f[m].corr, med(m, (r) => Math.abs(r.analysis.corrX1)).toFixed(2));
      assert.equal(f[m].pieces, spanCount(...pieces, "linear piece"));
      assert.equal(f[m].turns, spanCount(...turns, "time"));
      assert.equal(f[m].reversals, spanCount(...turns, "reversal"));
      assert.equal(f[m].median, s[m].median.toFixed(4));
      assert.equal(f[m].spread, (s[m].max / s[m].min).toFixed(1));
      assert.equal(f[m].bestSeed, s[m].bestSeed);
      assert.equal(f[m].worstSeed, s[m].worstSeed);
    }
    assert.equal(f.smallOverBig, (s.small.median / s.big.median).toFixed(1));
    assert.equal(f.optimumOverBig, (snap.pca.optimumMse / s.big.median).toFixed(1));
    const trend = d3.median(
      runs("big"),
      (r) => d3.mean(r.epochLoss.slice(-100))! / d3.mean(r.epochLoss.slice(-200, -100))!
    )!;
    assert.ok(Math.abs(lastVsBefore(runs("big")) - trend) < 1e-12);
    assert.equal(f.bigTrend, trendText(trend));
  });
  it("pins the numbers that depend only on the data and the notebook's setup", () => {
    // The published page says these: 12 steps of 8 points, 4 left over, 12,000 steps per 1000 epochs,
    // the PCA optimum 0.1780 and a first principal direction 1.4° from x₁ (seed-6 data).
    assert.equal(f.stepsPerEpoch, 12);
    assert.equal(f.leftOver, "the remaining 4 are dropped");
    assert.equal(f.steps, (210 * 12).toLocaleString("en-US"));
    assert.equal(bFacts({...snap, config: {...snap.config, epochs: 1000}}, stats).steps, "12,000");
    assert.equal(f.optimum, "0.1780");
    assert.equal(f.pc1Angle, "1.4");
    // Parameter counts from the snapshot, not typed in.
    assert.equal(f.big.params, "10,603");
    assert.equal(f.small.params, "563");
  });
  it("words the points left over and the trend in both cases", () => {
    assert.equal(leftOverText(0), "none is left over");
    assert.equal(leftOverText(1), "the one point left over is dropped");
    assert.equal(leftOverText(4), "the remaining 4 are dropped");
    assert.match(trendText(0.95), /^: the big model is still improving .* is 5 % below/);
    assert.match(trendText(0.995), /^, and the big model's loss has levelled off .* within 0\.5 % of/);
  });
});

describe("the sentences that depend on the run shown", () => {
  const words = {published: false, seed: 9, pubSeed: 0, seeds: 8, text: "seed 9, epochs 40"};
  it("names the published seed drawn beside a reader's run, and says when the reader's was not published", () => {
    assert.equal(publishedSeedFor([0, 1, 2], 2), 2);
    assert.equal(publishedSeedFor([0, 1, 2], 9), 0);
    const t = bRunText(words, 4);
    assert.equal(
      t.note,
      "Your run: seed 9, epochs 40. It is drawn in orange over the published result (grey: seed 0, as seed 9 was not published; band: all 8 published seeds)."
    );
    assert.match(t.lossLegend, /^The orange line is your run's mean loss per epoch \(seed 9, epochs 40\)/);
    assert.match(t.mapsIntro, /beside the published run of seed 0\.$/);
    assert.match(t.scope, /not yours/);
    assert.equal(
      cdRunNote({...words, seed: 2, pubSeed: 2, text: "epochs 40"}),
      "Your run: epochs 40. Its decoder curves are coloured; the grey curve under each is the published run of seed 2."
    );
    assert.match(cdRunNote(words), /seed 0 \(seed 9 was not published\)\.$/);
  });
  it("describes the published result without a reader's run", () => {
    const t = bRunText({...words, published: true, seed: 0}, 4);
    assert.match(t.lossLegend, /every 4th step of the chosen seed/);
    assert.equal(t.mapsIntro, "");
    assert.equal(
      t.scope,
      "Everything below describes the published runs: 8 seeds trained at build time with the notebook's settings."
    );
  });
  it("shares one loss range among the figures, ignoring losses a log axis cannot show", () => {
    const pub = [{runs: [{epochLoss: [0.5, 0.2, 0.1]}]}, {runs: [{epochLoss: [2, 0]}]}];
    assert.deepEqual(lossDomain(pub, null), [0.1 * 0.8, 2 * 1.25]);
    assert.deepEqual(lossDomain(pub, [{epochLoss: [NaN, 4, -1, 0.05]}]), [0.05 * 0.8, 4 * 1.25]);
    assert.equal(lossDomain([{runs: [{epochLoss: [NaN]}]}], []), undefined);
  });
});

describe("a reader's run beside the published seeds", () => {
  const asReader = (m: "pca" | "small" | "big", seed: number, phase = "done") => {
    const r = snap.models[m]!.runs.find((x) => x.seed === seed)!;
    return {
      model: m,
      hidden: snap.models[m]!.hidden,
      seed,
      phase,
      epochLoss: r.epochLoss,
      view: r.final,
      params: r.weights
    };
  };
  const reader = (["pca", "small", "big"] as const).map((m) => asReader(m, 1));
  it("measures a run with the functions that measured the published ones: a published run gives back its analysis", () => {
    const measured = measureReader(reader, snap.pca);
    for (const m of ["pca", "small", "big"] as const) {
      const own = snap.models[m]!.runs.find((x) => x.seed === 1)!.analysis;
      assert.equal(measured[m]!.analysis.finalShape.pieces, own.finalShape.pieces, m);
      assert.equal(measured[m]!.analysis.finalShape.turnsX2, own.finalShape.turnsX2, m);
      assert.equal(measured[m]!.analysis.initShape.pieces, own.initShape.pieces, m);
      assert.ok(Math.abs(measured[m]!.analysis.corrX1 - own.corrX1) < 1e-4, m);
    }
    assert.deepEqual(Object.keys(measureReader([{...reader[0], params: undefined}], snap.pca)), []);
  });
  it("has per model the shown seed, the median over the seeds and the reader's run", () => {
    const shown = (["pca", "small", "big"] as const).map((m) => ({
      model: m,
      seed: 2,
      hidden: snap.models[m]!.hidden
    }));
    const stopped = [
      reader[0],
      {...reader[1], phase: "stopped", epochLoss: reader[1].epochLoss.slice(0, 12)},
      reader[2]
    ];
    const rows = compareRows(snap, shown, stopped, measureReader(reader, snap.pca), TITLES);
    assert.equal(rows.length, 9);
    const small = snap.models.small!.runs;
    assert.equal(rows[3].label, "small: published, seed 2");
    assert.equal(rows[3].mse, small[2].final.mse);
    assert.equal(rows[4].label, "small: published, median of 3 seeds");
    assert.equal(
      rows[4].mse,
      d3.median(small, (r) => r.final.mse)
    );
    assert.equal(
      rows[4].pieces,
      d3.median(small, (r) => r.analysis.finalShape.pieces)
    );
    assert.equal(rows[5].kind, "reader");
    assert.equal(rows[5].label, "small {20, 10, 1, 10, 20, 2} (stopped at epoch 12)");
    assert.equal(rows[5].pieces, small[1].analysis.finalShape.pieces);
    assert.equal(rows[8].label, "big {50, 50, 50, 1, 50, 50, 50, 2}");
    // Not measured yet: no numbers, only the label.
    const waiting = compareRows(snap, shown, [], {}, TITLES);
    assert.equal(waiting[2].mse, undefined);
    assert.equal(waiting[2].label, "PCA-like (linear) {1, 2}");
  });
});
