import {expect, test} from "@playwright/test";
import type {Page} from "@playwright/test";
import {builtData, median} from "./data.js";
import {builtPages} from "./pages.js";

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
  config: {epochs: number};
  seeds: number[];
  runs: Run[];
}
interface Summary {
  ex1: {seeds: number[]; retrain: Record<"mseBefore" | "mseAfterReinit" | "mseAfterRetrain" | "optimalEncoderMse", number[]>};
}
const retrain = builtData<Retrain>("encoder-retrain");
const summary = builtData<Summary>("summary");
const f4 = (x: number) => x.toFixed(4);
const row = (page: Page) => page.locator(".progress-row").first();

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

test("exercise 1 (f)–(g) draws its figures and its table, and its verdict quotes the loader's numbers", async ({page}) => {
  await page.goto("/ex1-fg");
  const main = page.locator("main");
  await expect(main.locator(".source-note").first()).toContainText("published result");
  const figures = main.locator("#ex1fg-figures .card");
  await expect(figures).toHaveCount(5);
  for (let i = 0; i < 5; ++i) await expect(figures.nth(i).locator("svg").first()).toBeVisible();
  await expect(figures.nth(1).locator("svg g[aria-label=arrow] path")).toHaveCount(100);
  await expect(figures.nth(2).locator("svg g[aria-label=dot] circle")).toHaveCount(100);
  await expect(figures.nth(3).locator("svg g[aria-label=dot] circle")).toHaveCount(100);
  // The table over seeds.
  const table = main.locator("table").filter({hasText: "after retraining"});
  await expect(table.locator("tbody tr")).toHaveCount(retrain.runs.length);
  const first = table.locator("tbody tr").first();
  await expect(first).toContainText(f4(retrain.runs[0].mseAfterRetrain));
  await expect(first).toContainText(f4(retrain.runs[0].optimalEncoderMse));
  // The verdict's numbers come from the summary.
  const R = summary.ex1.retrain;
  await expect(main).toContainText(`median MSE of ${f4(median(R.optimalEncoderMse))} against ${f4(median(R.mseBefore))}`);
  await expect(main).toContainText(`median MSE of ${median(R.mseAfterReinit).toFixed(3)}`);
  await expect(main).toContainText(`to a median MSE of ${median(R.mseAfterRetrain).toFixed(3)}`);
  await expect(main.locator("li", {hasText: "F1"}).last()).toContainText("F1 holds");
});

test("the seed comes from the URL, and refused values are named", async ({page}) => {
  const seed = retrain.seeds[3];
  await page.goto(`/ex1-fg?seed=${seed}&lr=abc&epochs=-4`);
  await expect(main(page).locator(".source-note").first()).toContainText(`seed ${seed}`);
  const notice = page.locator("form.settings .notice");
  await expect(notice).toContainText("lr=abc");
  await expect(notice).toContainText("epochs=-4");
  const run = retrain.runs.find((r) => r.seed === seed)!;
  await expect(page.locator("#ex1fg-figures")).toContainText(`old encoder, seed ${seed}: ${f4(run.mseBefore)}`);
});

test("a changed setting retrains the encoder in the page under the frozen decoder", async ({page}) => {
  await page.goto("/ex1-fg?epochs=30");
  await expect(row(page)).toHaveAttribute("data-phase", "done", {timeout: 40_000});
  await expect(row(page).locator("progress")).toHaveAttribute("value", "30");
  const mse = Number(await row(page).getAttribute("data-mse"));
  expect(mse).toBeGreaterThan(retrain.runs[0].optimalEncoderMse);
  // The figures now show this run: the curve's points and all 100 arrows.
  await expect(page.locator("#ex1fg-figures .card").nth(1).locator("svg g[aria-label=arrow] path")).toHaveCount(100);
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

function main(page: Page) {
  return page.locator("main");
}
