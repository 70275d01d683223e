// The links of the bonus pages: every published run's query parses back to
// exactly the settings it was trained with (nothing dropped, nothing refused),
// and the in-page job, started from the parsed settings, ends at the study's
// numbers bit for bit. The browser side is tests/browser/bonus-reruns.spec.ts.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {ExperimentResult} from "../../src/core/playground/experiment.js";
import {PlaygroundJob} from "../../src/core/playground/job.js";
import {
  OPEN_AT_FIELD,
  openAtFromQuery,
  positionQuery,
  settingsFromQuery,
  settingsQuery
} from "../../src/core/playground/settings.js";
import {memorizationStudy, regularizationStudy, spiralStudy} from "../../src/data/lib/experiments.js";

interface Published {
  readonly name: string;
  readonly query: string;
  readonly settings: ExperimentResult["settings"];
  readonly trainLoss: number;
  readonly testLoss: number;
}

async function published(): Promise<Published[]> {
  const [spiral, regularization, memorization] = await Promise.all([
    spiralStudy(),
    regularizationStudy(),
    memorizationStudy()
  ]);
  return [
    ...spiral.candidates.flatMap((c) =>
      c.seeds.map((s) => ({
        name: `(a) ${c.name} seed ${s.seed}`,
        query: s.query,
        settings: {...c.run.settings, seed: s.seed},
        trainLoss: s.trainLoss,
        testLoss: s.testLoss
      }))
    ),
    ...Object.entries(regularization.runs).map(([k, r]) => ({
      name: `(b) ${k}`,
      query: r.query,
      settings: r.settings,
      trainLoss: r.trainLoss,
      testLoss: r.testLoss
    })),
    ...memorization.runs.map((r) => ({
      name: `(c) seed ${r.settings.seed}`,
      query: r.query,
      settings: r.settings,
      trainLoss: r.trainLoss,
      testLoss: r.testLoss
    }))
  ];
}

function replay(query: string): {train: number; test: number; epoch: number} {
  const {settings, ignored} = settingsFromQuery(query);
  assert.deepEqual(ignored, []);
  const job = new PlaygroundJob(settings);
  while (job.advance(1000) === "training");
  const report = job.report();
  assert.equal(report.status, "done");
  return {train: report.newEpochLosses.at(-1)!, test: report.newTestLosses!.at(-1)!, epoch: report.epoch};
}

describe("links to published playground runs", () => {
  it("every published query is the query of its settings and parses back to them, nothing refused", async () => {
    const runs = await published();
    assert.equal(runs.length, 45 + 3 + 5);
    for (const r of runs) {
      assert.equal(r.query, settingsQuery(r.settings), r.name);
      const parsed = settingsFromQuery(r.query);
      assert.deepEqual(parsed.ignored, [], r.name);
      assert.deepEqual(parsed.settings, r.settings, r.name);
      assert.ok(
        !new URLSearchParams(r.query).has(OPEN_AT_FIELD.key),
        `${r.name}: a published run opens at epoch 0`
      );
    }
  });

  it("the in-page job replays runs of each study from their links to the study's numbers exactly", async () => {
    const runs = await published();
    // The chaotic memorisation runs (seeds 1 and 2 changed with the last bit of tanh), one run with L1, the answer to (a).
    for (const name of ["(c) seed 1", "(c) seed 2", "(b) l1", "(a) relu-4x8-l2 seed 1"]) {
      const r = runs.find((x) => x.name === name)!;
      const got = replay(r.query);
      assert.equal(got.epoch, r.settings.epochs, name);
      assert.equal(got.train, r.trainLoss, `${name}: training loss`);
      assert.equal(got.test, r.testLoss, `${name}: test loss`);
    }
  });

  it("a paused position goes into the link and comes back; one past the run's end is refused", () => {
    const base = new URLSearchParams("dataset=xor&epochs=50");
    assert.equal(positionQuery(base, 0), "dataset=xor&epochs=50");
    assert.equal(positionQuery(base, 7), "dataset=xor&epochs=50&at=7");
    assert.equal(positionQuery(new URLSearchParams("dataset=xor&at=3"), 9), "dataset=xor&at=9");
    const {settings} = settingsFromQuery("dataset=xor&epochs=50&at=7");
    assert.deepEqual(openAtFromQuery("dataset=xor&epochs=50&at=7", settings), {at: 7, ignored: []});
    const past = openAtFromQuery("epochs=50&at=60", settings);
    assert.equal(past.at, 0);
    assert.match(past.ignored[0].reason, /stops at epoch 50/);
    assert.equal(openAtFromQuery("at=-2", settings).ignored[0].key, "at");
    assert.equal(openAtFromQuery("at=12", {epochs: 0}).at, 12);
  });

  it("a job opened at an epoch stands where stepping there would: same losses, and it continues from there", () => {
    const {settings} = settingsFromQuery(
      "dataset=spiral&noise=20&features=x1,x2,sinx1&hidden=5,3&seed=4&epochs=40"
    );
    const stepped = new PlaygroundJob(settings);
    for (let k = 0; k < 12; ++k) stepped.advance(0);
    const opened = new PlaygroundJob({...settings, at: 12});
    assert.equal(opened.epoch, 12);
    const a = stepped.report();
    const b = opened.report();
    assert.deepEqual(b.newEpochLosses, a.newEpochLosses);
    assert.deepEqual(b.newTestLosses, a.newTestLosses);
    while (stepped.advance(1000) === "training");
    while (opened.advance(1000) === "training");
    assert.deepEqual(opened.report().newTestLosses, stepped.report().newTestLosses);
    // At or beyond the last epoch it stops there.
    assert.equal(new PlaygroundJob({...settings, at: 40}).status, "done");
  });
});
