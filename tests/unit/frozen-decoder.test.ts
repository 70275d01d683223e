import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {DEFAULT_SNAPSHOT_CONFIG, sheetData, snapshotRun} from "../../src/core/autoencoder/snapshot.js";
import {decode, encode, reconstructionMse, sheetModel} from "../../src/core/autoencoder/models.js";
import {
  DEFAULT_ENCODER_RETRAIN,
  codeOutcome,
  encoderRetrainJob,
  encoderRetrainRun,
  encoderRetrainStudyRun,
  frozenReference,
  reinitSeed,
  retrainSweepRun,
  runJob,
  trainThrough
} from "../../src/core/exercises/fg/encoder-retrain.js";
import {bestCodes, rowSquaredErrors, widenedRange} from "../../src/core/exercises/fg/frozen-decoder.js";
import {median} from "../../src/core/stats.js";
import {layout} from "../../src/core/engine/mlp.js";
import {TrainJob} from "../../src/core/live/sliced-job.js";

const data = sheetData();
const spec = sheetModel("big");
const layers = layout(spec);
const firstDecoder = layers[spec.encoderLayers].w;
// A briefly trained big autoencoder stands in for a published one (weights rounded the same way).
const weights = snapshotRun("big", 3, data, {...DEFAULT_SNAPSHOT_CONFIG, epochs: 40}).run.weights;
const published = Float64Array.from(weights);
const short = {...DEFAULT_ENCODER_RETRAIN, epochs: 20};

describe("retraining the encoder under a frozen decoder (exercise 1 (g))", () => {
  const {start, end} = runJob(encoderRetrainJob(3, weights, short));

  it("redraws every encoder layer with PyTorch's initialisation and keeps the decoder", () => {
    for (const ly of layers.slice(0, spec.encoderLayers)) {
      const bound = 1 / Math.sqrt(ly.in);
      let differs = 0;
      for (let k = ly.w; k < ly.b + ly.out; ++k) {
        assert.ok(Math.abs(start[k]) <= bound, `|${start[k]}| > ${bound}`);
        if (start[k] !== published[k]) ++differs;
      }
      assert.equal(differs, ly.in * ly.out + ly.out, "every encoder parameter is new");
    }
    assert.deepEqual(start.subarray(firstDecoder), published.subarray(firstDecoder));
  });

  it("changes the encoder's weights by training and leaves every decoder parameter exactly as it was", () => {
    // Units that are inactive on every point get no gradient and stay put; the rest move, in every encoder layer.
    let moved = 0;
    for (let k = 0; k < firstDecoder; ++k) if (end[k] !== start[k]) ++moved;
    assert.ok(moved > 0.5 * firstDecoder, `only ${moved} of ${firstDecoder} encoder parameters moved`);
    for (const ly of layers.slice(0, spec.encoderLayers)) {
      assert.ok(
        end.subarray(ly.w, ly.b + ly.out).some((x, k) => x !== start[ly.w + k]),
        `layer at ${ly.w} did not train`
      );
    }
    assert.deepEqual(end.subarray(firstDecoder), published.subarray(firstDecoder));
    assert.ok(
      reconstructionMse(spec, end, data, 100) < reconstructionMse(spec, start, data, 100),
      "training lowered the loss"
    );
  });

  it("draws the fresh encoder from its own seeded stream: same draw, same encoder; another draw, another", () => {
    const again = runJob(encoderRetrainJob(3, weights, {...short, epochs: 1})).start;
    assert.deepEqual(again, start);
    const other = runJob(encoderRetrainJob(3, weights, {...short, epochs: 1, draw: 1})).start;
    assert.notDeepEqual(other.subarray(0, firstDecoder), start.subarray(0, firstDecoder));
    assert.equal(reinitSeed(3), 1003);
    assert.equal(reinitSeed(3, 1), 2003);
  });

  it("records the full-data MSE at the start and every evalEvery examples, each reported once", () => {
    const t = new TrainJob(encoderRetrainJob(3, weights, {...short, epochs: 12, evalEvery: 192}));
    const seen: number[] = [];
    let ticks = 0;
    while (t.advance(2, () => ++ticks) === "training")
      seen.push(...t.report().newCheckpoints.map((c) => c.examples));
    seen.push(...t.report().newCheckpoints.map((c) => c.examples));
    assert.deepEqual(seen, [0, 192, 384, 576, 768, 960, 1152]);
    // The first checkpoint is the loss of the freshly drawn encoder.
    assert.equal(t.checkpoints[0].mse, reconstructionMse(spec, start, data, 100));
    assert.equal(t.checkpoints.at(-1)!.mse, reconstructionMse(spec, t.params(), data, 100));
  });
});

describe("the best code of every point under a fixed decoder", () => {
  const codes = encode(spec, published, data, 100);
  const [lo, hi] = widenedRange(codes, 2);
  const best = bestCodes(spec, published, data, 100, {lo, hi, count: 4001});

  it("is at least as good as the encoder's own code, for every point", () => {
    const own = rowSquaredErrors(data, decode(spec, published, codes, 100), 2);
    for (let i = 0; i < 100; ++i)
      assert.ok(best.err[i] <= own[i] + 1e-12, `point ${i}: ${best.err[i]} > ${own[i]}`);
    assert.equal(best.atBoundary, 0);
  });

  it("finds the code of points that lie on the curve (distance 0)", () => {
    const z = Float64Array.from([lo / 3, 0.1, hi / 4]);
    const onCurve = decode(spec, published, z, 3);
    const found = bestCodes(spec, published, onCurve, 3, {lo, hi, count: 4001});
    for (let i = 0; i < 3; ++i) assert.ok(found.err[i] < 1e-14, `point ${i}: ${found.err[i]}`);
  });

  it("measures how far apart each point's basins lie along the latent axis", () => {
    for (let i = 0; i < 100; ++i) {
      const d = best.basinSpacing[i];
      if (best.localMinima[i] < 2) assert.ok(Number.isNaN(d), `point ${i}: one basin, spacing ${d}`);
      else assert.ok(d > 0 && d <= hi - lo, `point ${i}: spacing ${d}`);
    }
    // A decoder that folds the curve back over the data gives some point two basins or more.
    assert.ok(best.localMinima.some((m) => m >= 2));
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });

  it("beats a finer grid nowhere: refinement reaches below the grid", () => {
    const fine = bestCodes(spec, published, data, 100, {lo, hi, count: 40001, refine: 0});
    for (let i = 0; i < 100; ++i) assert.ok(best.err[i] <= fine.err[i] + 1e-9, `point ${i}`);
  });
});

describe("the experiment of (g) for one seed", () => {
  const run = encoderRetrainRun(3, weights, {...short, searchCount: 4001, curvePoints: 101});

  it("orders the losses as the analysis of (f) says they must be", () => {
    assert.ok(run.optimalEncoderMse <= run.mseBefore, "no encoder beats the best codes");
    assert.ok(run.optimalEncoderMse <= run.mseAfterRetrain);
    assert.ok(run.mseAfterReinit > run.mseAfterRetrain);
    assert.equal(run.decoderChange, 0);
    assert.ok(run.encoderChange > 0);
    assert.equal(run.codes.best.length, 100);
    assert.equal(run.atBestFlags.retrained.filter(Boolean).length, run.atBest.retrained);
    assert.equal(run.checkpoints[0].examples, 0);
    assert.equal(run.checkpoints.at(-1)!.examples, short.epochs * 96);
  });

  it("is byte-identical when run twice", () => {
    const again = encoderRetrainRun(3, weights, {...short, searchCount: 4001, curvePoints: 101});
    assert.equal(JSON.stringify(again), JSON.stringify(run));
  });
});

describe("training lengths read off one run, and the sweep over learning rates", () => {
  const config = {...short, searchCount: 4001, curvePoints: 101};
  const ref = frozenReference(3, weights, config);

  it("continues the published run without changing it: its first epochs are the shorter run", () => {
    const {run, sweep} = encoderRetrainStudyRun(3, weights, config, [35], ref);
    assert.equal(JSON.stringify(run), JSON.stringify(encoderRetrainRun(3, weights, config)));
    assert.deepEqual(
      sweep.outcomes.map((o) => o.epochs),
      [20, 35]
    );
    assert.equal(sweep.outcomes[0].mse, run.mseAfterRetrain);
    assert.equal(sweep.outcomes[0].atBest, run.atBest.retrained);
    assert.equal(sweep.checkpoints.at(-1)!.examples, 35 * 96);
    assert.equal(run.checkpoints.at(-1)!.examples, 20 * 96);
  });

  it("measures any encoder with the same functions: fraction at best code and the gap to the best possible loss", () => {
    const o = codeOutcome(7, ref.best, ref.optimalEncoderMse, ref, ref.best);
    assert.equal(o.fractionAtBestCode, 1);
    assert.equal(o.gap, 0);
    assert.equal(o.travel, 0);
    const old = codeOutcome(7, ref.old, ref.mseBefore, ref);
    assert.equal(old.movedFromOld, 0);
    assert.ok(old.gap! >= 0);
    assert.equal(old.atBest, encoderRetrainRun(3, weights, config).atBest.old);
  });

  it("gives the same run at the same settings, and another at another learning rate", () => {
    const a = retrainSweepRun(3, weights, 1e-2, [10, 20], ref, config);
    const b = retrainSweepRun(3, weights, 1e-2, [10, 20], ref, config);
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    const c = retrainSweepRun(3, weights, 1e-3, [10, 20], ref, config);
    assert.notEqual(a.outcomes[1].mse, c.outcomes[1].mse);
    assert.equal(
      c.outcomes[1].mse,
      encoderRetrainRun(3, weights, config).mseAfterRetrain,
      "the published rate's run is the published run"
    );
    assert.ok(a.firstEpochStep > c.firstEpochStep, "a larger step moves the codes further per update");
  });

  it("stops a run whose loss explodes, and reads no outcome after that", () => {
    const job = {
      ...encoderRetrainJob(3, weights, {...config, epochs: 200, lr: 3, batchSize: 100}, "sgd"),
      evalEvery: 100
    };
    const r = trainThrough(job, [150]);
    assert.ok(r.diverged, "diverged");
    assert.ok(r.diverged!.epoch < 10, `stopped in epoch ${r.diverged!.epoch}`);
    assert.ok(r.checkpoints.every((c) => c.examples <= r.diverged!.examples));
    const sweep = retrainSweepRun(3, weights, 1, [150, 200], ref, {...config, evalEvery: 96});
    assert.ok(sweep.diverged && sweep.diverged.examples < 150 * 96);
    assert.deepEqual(
      sweep.outcomes.map((o) => [o.epochs, o.mse, o.fractionAtBestCode]),
      [
        [150, null, null],
        [200, null, null]
      ]
    );
  });
});
