import {expect, test} from "@playwright/test";
import {builtData, median} from "./data.js";
import {builtPages} from "./pages.js";

interface Curve {
  seed: number;
  optimizer: string;
  batchSize: number;
  examplesSeen: number;
  updates: number;
  finalMse: number;
}
interface GdSgd {
  config: {budget: number; fullBatch: number; miniBatch: number};
  seeds: number[];
  curves: Curve[];
}
interface Summary {
  ex1: {seeds: number[]; gdVsSgd: {optimizer: string; batchSize: number; learningRate: number; examplesSeen: number; finalMse: number[]}[]};
}
const gd = builtData<GdSgd>("gd-sgd");
const summary = builtData<Summary>("summary");
const f3 = (x: number) => x.toFixed(3);
const finalMedian = (o: string, b: number) => median(summary.ex1.gdVsSgd.find((g) => g.optimizer === o && g.batchSize === b)!.finalMse);

test("the summary has one entry per curve, all on the same budget of examples", () => {
  expect(builtPages()).toContain("/ex1-h");
  const G = summary.ex1.gdVsSgd;
  expect(G).toHaveLength(4);
  for (const g of G) {
    expect(g.examplesSeen).toBe(gd.config.budget);
    expect(g.finalMse).toEqual(summary.ex1.seeds.map((s) => gd.curves.find((c) => c.seed === s && c.optimizer === g.optimizer && c.batchSize === g.batchSize)!.finalMse));
  }
  // Same optimiser and learning rate on both sides of each panel.
  for (const o of ["sgd", "adam"]) {
    const lrs = new Set(G.filter((g) => g.optimizer === o).map((g) => g.learningRate));
    expect(lrs.size).toBe(1);
  }
});

test("exercise 1 (h) draws both panels with bands and quotes the summary", async ({page}) => {
  await page.goto("/ex1-h");
  const main = page.locator("main");
  for (const o of ["sgd", "adam"]) {
    const card = main.locator(`.card[data-optimizer=${o}]`);
    await expect(card.locator("svg").first()).toBeVisible();
    await expect(card.locator("svg g[aria-label=area] path")).toHaveCount(2); // a band per batch size
  }
  await expect(main.locator(".card[data-optimizer=sgd]")).toContainText("training examples seen");
  const table = main.locator("table").filter({hasText: "median MSE"});
  await expect(table.locator("tbody tr")).toHaveCount(4);
  const {fullBatch: full, miniBatch: mini, budget} = gd.config;
  await expect(main).toContainText(`After ${budget.toLocaleString("en-US")} examples the median MSE is ${f3(finalMedian("sgd", mini))} with mini-batches of ${mini} against ${f3(finalMedian("sgd", full))} with full batches`);
  await expect(main).toContainText(`Final medians: ${f3(finalMedian("adam", mini))}`);
  await expect(main).toContainText("modelled");
});

test("the axis switch redraws over updates and modelled time, and goes into the URL", async ({page}) => {
  await page.goto("/ex1-h?seed=2");
  await expect(page.locator(".source-note").first()).toContainText("seed 2");
  await page.getByLabel("updates", {exact: true}).check();
  await expect(page).toHaveURL(/[?&]axis=updates\b/);
  await expect(page).toHaveURL(/[?&]seed=2\b/);
  await expect(page.locator(".card[data-optimizer=adam]")).toContainText("parameter updates");
  await page.goto("/ex1-h?axis=time");
  await expect(page.locator(".card[data-optimizer=sgd]")).toContainText("modelled wall time (s)");
  await page.goto("/ex1-h?axis=sideways&budget=1e9");
  await expect(page.locator(".switch .notice")).toContainText("axis=sideways");
  await expect(page.locator("form.settings .notice")).toContainText("budget=1e9");
  await expect(page.locator(".card[data-optimizer=sgd]")).toContainText("training examples seen");
});

test("a run in the page trains all four curves on the chosen budget, including batch size 1", async ({page}) => {
  test.setTimeout(90_000);
  await page.goto("/ex1-h?batch=1&budget=2");
  const rows = page.locator(".progress-row");
  await expect(rows).toHaveCount(4);
  for (let i = 0; i < 4; ++i) await expect(rows.nth(i)).toHaveAttribute("data-phase", /done|diverged/, {timeout: 60_000});
  await expect(page.locator(".progress-panel")).toContainText("mini-batch 1");
  // Each panel now shows two single-run lines and no band.
  for (const o of ["sgd", "adam"]) {
    const card = page.locator(`.card[data-optimizer=${o}]`);
    await expect(card.locator("svg g[aria-label=area] path")).toHaveCount(0);
    await expect(card.locator("svg g[aria-label=line] path")).toHaveCount(2);
  }
});
