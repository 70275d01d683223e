// The generic job layer of the in-page training (core/live/jobs.ts): both job kinds
// are created and driven through one interface, a finished autoencoder run is
// measured in the worker with the very numbers a page computes, and the playground's
// published runs are recognised with the one definition of "published".
import assert from "node:assert/strict";
import {test} from "node:test";
import {measureRun} from "../../src/core/autoencoder/decoder-verdicts.js";
import {pca2} from "../../src/core/autoencoder/pca.js";
import {sheetData} from "../../src/core/autoencoder/snapshot.js";
import {createJob, JOB_KINDS} from "../../src/core/live/jobs.js";
import type {JobKind, JobSpec, JobViewOptions} from "../../src/core/live/jobs.js";
import {publishedPlaygroundRuns} from "../../src/core/playground/published.js";
import {PLAYGROUND_FIELDS, settingsFromValues, settingsQuery} from "../../src/core/playground/settings.js";
import {defaults, parseParams} from "../../src/core/settings/fields.js";
import {publishedRunOf} from "../../src/core/settings/published.js";
import {RETRAIN_FIELDS, retrainJobs} from "../../src/core/settings/retrain.js";

const AUTOENCODER_VIEW = {
  grid: {rect: {x: [-2, 2], y: [-1, 1]}, nx: 8, ny: 4},
  curvePoints: 41,
  curveMargin: 0.1
} as const;
const PLAYGROUND_VIEW = {grid: 10, nodeGrid: 4};

function specOf<K extends JobKind>(kind: K): {spec: JobSpec<K>; view: JobViewOptions<K>} {
  if (kind === "autoencoder") {
    const [job] = retrainJobs({...defaults(RETRAIN_FIELDS), epochs: 6}, ["small"]);
    return {spec: job, view: AUTOENCODER_VIEW} as never;
  }
  const settings = {...settingsFromValues(defaults(PLAYGROUND_FIELDS)), epochs: 6};
  return {spec: settings, view: PLAYGROUND_VIEW} as never;
}

for (const kind of JOB_KINDS) {
  test(`${kind}: one interface drives the job to its end, every epoch reported once, the same numbers twice`, () => {
    const {spec, view} = specOf(kind);
    const drive = () => {
      const job = createJob(kind, spec, {kind: "fused"});
      const losses: number[] = [];
      let ticks = 0;
      while (job.advance(2, () => ++ticks) === "training") losses.push(...job.report().newEpochLosses);
      const last = job.report();
      losses.push(...last.newEpochLosses);
      const shown = job.view(view);
      job.dispose();
      return {last, losses, shown};
    };
    const a = drive();
    assert.equal(a.last.status, "done");
    assert.equal(a.last.epoch, 6);
    // The playground records the loss before training too (epoch 0).
    assert.equal(a.losses.length, kind === "playground" ? 7 : 6);
    assert.ok(a.losses.every(Number.isFinite));
    assert.ok(a.shown !== undefined);
    assert.deepEqual(drive(), a, "same spec, same bytes");
  });
}

test("an unknown kind is refused", () => {
  assert.throws(() => createJob("nonsense" as JobKind, {} as never), RangeError);
});

test("autoencoder summary: measured in the worker exactly as a page measures the reader's run, analysis and measures", () => {
  for (const model of ["pca", "small"] as const) {
    const [spec] = retrainJobs({...defaults(RETRAIN_FIELDS), epochs: 5, seed: 3}, [model]);
    const job = createJob("autoencoder", spec, {kind: "wasm"});
    while (job.advance(50) === "training");
    const view = job.view({...AUTOENCODER_VIEW, analysis: true})!;
    const summary = job.summary!(view, {...AUTOENCODER_VIEW, analysis: true});
    assert.equal(job.summary!(view, AUTOENCODER_VIEW), undefined, "only when the view options ask for it");
    // What a page does with what the worker sends: a copy of the view and Float64Array parameters.
    const params = Float64Array.from((job as unknown as {params(): Float64Array}).params());
    const data = sheetData();
    const page = measureRun(
      {hidden: spec.hidden, linear: spec.linear, seed: spec.seed, params, finalView: structuredClone(view)},
      data,
      pca2(data, data.length / 2)
    );
    // Analysis and the verdicts' measures both: the page computes neither on its main thread.
    assert.deepEqual(summary, page, model);
    assert.ok(Number.isFinite(summary!.analysis.corrX1));
    assert.ok(Object.keys(summary!.measures).length > 0);
    job.dispose();
  }
});

test("playground: a published run is recognised by all its values; one changed value is not published", () => {
  const base = {...settingsFromValues(defaults(PLAYGROUND_FIELDS)), epochs: 100};
  const query = settingsQuery(base);
  const other = settingsQuery({...base, seed: base.seed + 1});
  const runs = publishedPlaygroundRuns({
    regularization: {runs: {none: {query, trainLoss: 0.1, testLoss: 0.2}} as never},
    memorization: {
      runs: [{query: other, settings: {...base, seed: base.seed + 1}, trainLoss: 0.3, testLoss: 0.4}] as never
    }
  });
  assert.deepEqual(
    runs.map((r) => [r.page, r.name, r.epochs]),
    [
      ["bonus-b", "no regularisation", 100],
      ["bonus-c", `seed ${base.seed + 1}`, 100]
    ]
  );
  const values = parseParams(PLAYGROUND_FIELDS, new URLSearchParams(query)).values;
  assert.equal(publishedRunOf(PLAYGROUND_FIELDS, values, runs)?.name, "no regularisation");
  assert.equal(publishedRunOf(PLAYGROUND_FIELDS, {...values, seed: base.seed + 1}, runs)?.page, "bonus-c");
  assert.equal(publishedRunOf(PLAYGROUND_FIELDS, {...values, noise: 5}, runs), undefined);
  assert.equal(publishedRunOf(PLAYGROUND_FIELDS, {...values, epochs: 99}, runs), undefined);
  assert.equal(publishedRunOf(PLAYGROUND_FIELDS, values, []), undefined);
});
