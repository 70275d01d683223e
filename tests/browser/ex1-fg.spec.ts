import {readFileSync} from "node:fs";
import {expect as baseExpect} from "@playwright/test";
import {test} from "./fixtures.js";
import type {Page} from "@playwright/test";
import {builtData, median} from "./data.js";
import {builtPages} from "./pages.js";

// These pages draw many figures from large data files: on a busy machine they need more than the default five seconds.
const expect = baseExpect.configure({timeout: 20_000});

interface Outcome {
  epochs: number;
  mse: number | null;
  fractionAtBestCode: number | null;
  gap: number | null;
}
interface Run {
  seed: number;
  mseBefore: number;
  mseAfterReinit: number;
  mseAfterRetrain: number;
  optimalEncoderMse: number;
  atBest: {old: number; retrained: number};
  decoderChange: number;
}
interface Retrain {
  config: {epochs: number; lr: number};
  seeds: number[];
  runs: Run[];
}
interface Sweep {
  plan: {learningRates: number[]; lengths: number[]};
  publishedLr: number;
  runs: {seed: number; learningRate: number; outcomes: Outcome[]}[];
}
interface Entry {
  learningRate: number;
  epochs: number;
  seeds: number[];
  finalMse: (number | null)[];
  fractionAtBestCode: (number | null)[];
  gapToBest: (number | null)[];
}
interface Summary {
  ex1: {
    seeds: number[];
    retrain: Record<"mseBefore" | "mseAfterReinit" | "mseAfterRetrain" | "optimalEncoderMse", number[]>;
    retrainSweep: Entry[];
  };
}
const retrain = builtData<Retrain>("encoder-retrain");
const sweep = builtData<Sweep>("retrain-sweep");
const summary = builtData<Summary>("summary");
const f4 = (x: number) => x.toFixed(4);
const row = (page: Page) => page.locator(".progress-row").first();
const main = (page: Page) => page.locator("main");

test("the summary's retrain figures are the loader's, per seed in the order of ex1.seeds", () => {
  expect(builtPages()).toContain("/ex1-fg");
  const bySeed = summary.ex1.seeds.map((s) => retrain.runs.find((r) => r.seed === s)!);
  for (const key of ["mseBefore", "mseAfterReinit", "mseAfterRetrain", "optimalEncoderMse"] as const) {
    expect(summary.ex1.retrain[key]).toEqual(bySeed.map((r) => r[key]));
  }
  for (const r of retrain.runs) {
    expect(r.decoderChange).toBe(0);
    expect(r.optimalEncoderMse).toBeLessThanOrEqual(r.mseBefore);
  }
});

test("ex1.retrainSweep covers at least six learning rates from 1e-4 to 3e-2 and two lengths, and is the sweep loader's, seed by seed", () => {
  const E = summary.ex1.retrainSweep;
  const rates = [...new Set(E.map((e) => e.learningRate))].sort((a, b) => a - b);
  expect(rates.length).toBeGreaterThanOrEqual(6);
  expect(rates[0]).toBeLessThanOrEqual(1e-4);
  expect(rates.at(-1)!).toBeGreaterThanOrEqual(3e-2);
  const lengths = [...new Set(E.map((e) => e.epochs))];
  expect(lengths).toEqual(sweep.plan.lengths);
  expect(lengths[0]).toBe(1000);
  expect(lengths.length).toBeGreaterThanOrEqual(2);
  for (const lr of rates)
    for (const epochs of lengths)
      expect(
        E.find((e) => e.learningRate === lr && e.epochs === epochs),
        `${lr} ${epochs}`
      ).toBeDefined();
  for (const e of E) {
    const runs = sweep.runs
      .filter((r) => r.learningRate === e.learningRate && r.outcomes.some((o) => o.epochs === e.epochs))
      .sort((a, b) => a.seed - b.seed);
    expect(e.seeds).toEqual(runs.map((r) => r.seed));
    expect(e.finalMse).toEqual(runs.map((r) => r.outcomes.find((o) => o.epochs === e.epochs)!.mse));
    expect(e.fractionAtBestCode).toEqual(
      runs.map((r) => r.outcomes.find((o) => o.epochs === e.epochs)!.fractionAtBestCode)
    );
  }
  // The published rate's first length is the published runs, not trained twice.
  const published = E.find((e) => e.learningRate === sweep.publishedLr && e.epochs === 1000)!;
  expect(published.seeds).toEqual(summary.ex1.seeds);
  expect(published.finalMse).toEqual(summary.ex1.retrain.mseAfterRetrain);
});

test("exercise 1 (f)–(g) draws its figures and its tables, and its verdicts quote the loaders' numbers", async ({
  page
}) => {
  await page.goto("/ex1-fg");
  const m = main(page);
  await expect(m.locator(".source-note").first()).toContainText("published result");
  const figures = m.locator("#ex1fg-figures .card");
  await expect(figures).toHaveCount(5);
  for (let i = 0; i < 5; ++i) await expect(figures.nth(i).locator("svg").first()).toBeVisible();
  await expect(figures.nth(1).locator("svg g[aria-label=arrow] path")).toHaveCount(100);
  await expect(figures.nth(2).locator("svg g[aria-label=dot] circle")).toHaveCount(100);
  // The table over seeds.
  const table = m.locator("table").filter({hasText: "retrained at best"});
  await expect(table.locator("tbody tr")).toHaveCount(retrain.runs.length);
  const first = table.locator("tbody tr").first();
  await expect(first).toContainText(f4(retrain.runs[0].mseAfterRetrain));
  await expect(first).toContainText(f4(retrain.runs[0].optimalEncoderMse));
  // The sweep: two figures, a table with a row per learning rate and length quoting the summary's medians.
  const E = summary.ex1.retrainSweep;
  await expect(
    m.locator(".card").filter({hasText: "fraction of points at their best code"}).locator("svg").first()
  ).toBeVisible();
  const sweepTable = m.locator("table").filter({hasText: "below old loss"});
  await expect(sweepTable.locator("tbody tr")).toHaveCount(E.length);
  for (const e of E) {
    const finite = e.finalMse.filter((x): x is number => x !== null);
    await expect(sweepTable).toContainText(f4(median(finite)));
  }
  // The verdicts come from the summary.
  const R = summary.ex1.retrain;
  await expect(m).toContainText(
    `median MSE of ${f4(median(R.optimalEncoderMse))} against ${f4(median(R.mseBefore))}`
  );
  await expect(m).toContainText(`median MSE of ${median(R.mseAfterReinit).toFixed(3)}`);
  await expect(m).toContainText(`at a median MSE of ${median(R.mseAfterRetrain).toFixed(3)}`);
  await expect(m.locator("li", {hasText: "F1"}).last()).toContainText("F1 holds, at every learning rate");
  const lowest = Math.min(...E.flatMap((e) => e.finalMse.filter((x): x is number => x !== null)));
  const anyBelowOld = sweep.runs.some((r) =>
    r.outcomes.some((o) => o.mse !== null && o.mse < retrain.runs.find((p) => p.seed === r.seed)!.mseBefore)
  );
  if (!anyBelowOld)
    await expect(m.locator("li", {hasText: "F3"}).last()).toContainText(
      `the lowest final MSE is ${f4(lowest)}`
    );
  await expect(m).toContainText("Why the learning rate decides");
});

test("the seed comes from the URL, and refused values are named", async ({page}) => {
  const seed = retrain.seeds[3];
  await page.goto(`/ex1-fg?seed=${seed}&lr=abc&epochs=-4`);
  await expect(main(page).locator(".source-note").first()).toContainText(`seed ${seed}`);
  const notice = page.locator("form.settings .notice");
  await expect(notice).toContainText("lr=abc");
  await expect(notice).toContainText("epochs=-4");
  const run = retrain.runs.find((r) => r.seed === seed)!;
  await expect(page.locator("#ex1fg-figures")).toContainText(
    `old encoder, seed ${seed}: ${f4(run.mseBefore)}`
  );
});

test("a retrain in the page is drawn over the published result, measured by the same functions, and downloadable with its settings", async ({
  page
}) => {
  test.setTimeout(90_000);
  await page.goto("/ex1-fg?epochs=30&lr=0.003");
  await expect(row(page)).toHaveAttribute("data-phase", "done", {timeout: 60_000});
  await expect(row(page).locator("progress")).toHaveAttribute("value", "30");
  const mse = Number(await row(page).getAttribute("data-mse"));
  expect(mse).toBeGreaterThan(retrain.runs[0].optimalEncoderMse);
  const figures = page.locator("#ex1fg-figures");
  // Figure 1 keeps the published band and adds the reader's line.
  const curve = figures.locator(".card").first();
  await expect(curve).toContainText("published: 8 seeds");
  await expect(curve).toContainText("your run: seed 0, learning rate 0.003");
  await expect(curve.locator("svg g[aria-label=area] path")).toHaveCount(1);
  // Figure 2: the reader's 100 arrows and the published run's 100 crosses.
  await expect(figures.locator(".card").nth(1).locator("svg g[aria-label=arrow] path")).toHaveCount(100);
  await expect(figures).toContainText("your run (seed 0: learning rate 0.003, 30 epochs)");
  await expect(figures).toContainText("Grey crosses");
  // The table gains a row for the reader's run; the verdict measures it.
  const table = page.locator("table").filter({hasText: "retrained at best"});
  await expect(table.locator("tbody tr")).toHaveCount(retrain.runs.length + 1);
  await expect(table.locator("tbody tr").first()).toContainText("your run, seed 0");
  await expect(table.locator("tbody tr").first()).toContainText(mse.toFixed(4));
  await expect(main(page)).toContainText(
    `Your run. For your run (seed 0: learning rate 0.003, 30 epochs): MSE ${mse.toFixed(4)}`
  );
  // Downloads carry the settings; the weights load as a state_dict of the big model.
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: /your retrained weights/}).click()
  ]);
  expect(file.suggestedFilename()).toBe("ex1fg-big-state-dict_your-run_seed0_draw0_lr0.003_epochs30.json");
  const dict = JSON.parse(readFileSync(await file.path(), "utf8")) as Record<string, number[][]>;
  expect(dict["encoder.0.weight"]).toHaveLength(50);
  expect(dict["encoder.0.weight"][0]).toHaveLength(2);
  expect(dict["decoder.6.weight"]).toHaveLength(2);
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: /your run: learning curve/}).click()
  ]);
  const lines = readFileSync(await csv.path(), "utf8")
    .trim()
    .split("\n");
  expect(lines[0]).toBe("run,seed,draw,lr,epochs,examples,updates,mse");
  expect(lines[1]).toMatch(/^your run,0,0,0.003,30,0,0,/);
  await page.getByRole("button", {name: "Back to the published result"}).click();
  await expect(page).toHaveURL(/\/ex1-fg$/);
});

test("retraining with the published settings reproduces the published loss", async ({page}) => {
  test.setTimeout(120_000);
  await page.goto("/ex1-fg?seed=1");
  await page.getByRole("button", {name: "Retrain in this page"}).click();
  await expect(row(page)).toHaveAttribute("data-phase", "done", {timeout: 100_000});
  const shown = Number(await row(page).getAttribute("data-mse"));
  const published = retrain.runs.find((r) => r.seed === 1)!.mseAfterRetrain;
  expect(Math.abs(shown - published) / published).toBeLessThan(1e-5);
});
