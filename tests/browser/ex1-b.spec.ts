import {expect} from "@playwright/test";
import {test} from "./fixtures.js";
import {builtData, median} from "./data.js";

interface Summary {
  ex1: {
    seeds: number[];
    models: Record<string, {params: number; finalMse: number[]; optimumMse?: number[]}>;
    perfectReconstruction: {n: number; mse: number};
    retrain: Record<string, number[]>;
  };
  bonus: {spiral: {testLoss: number}; memorization: {testLoss: number[]}};
}
const summary = builtData<Summary>("summary");

test("home shows the key figures computed by the loaders", async ({page}) => {
  await page.goto("/");
  const table = page.locator("table.key-figures:not(.more)");
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(3);
  for (const [name, label, params] of [
    ["big", "big", "10,603"],
    ["small", "small", "563"],
    ["pca", "PCA", "7"]
  ] as const) {
    const row = table.locator("tbody tr", {hasText: label});
    const cells = row.locator("td");
    await expect(cells.nth(0)).toHaveText(params);
    await expect(cells.nth(1)).toHaveText(median(summary.ex1.models[name].finalMse).toFixed(4));
  }
  await expect(table.locator("tbody tr", {hasText: "PCA"}).locator("td").nth(3)).toHaveText(
    summary.ex1.models.pca.optimumMse![0].toFixed(4)
  );
});

test("exercise 1 (b) draws three loss curves and three latent maps, and follows the seed", async ({page}) => {
  await page.goto("/ex1-b");
  const cards = page.locator("main .card");
  await expect(cards).toHaveCount(6);
  for (let i = 0; i < 6; ++i) await expect(cards.nth(i).locator("svg").first()).toBeVisible();
  await expect(page.locator("main .card svg g[aria-label=raster] image")).toHaveCount(3); // the rasters of the latent maps
  // 100 data points on each latent map.
  await expect(cards.nth(3).locator("svg g[aria-label=dot] circle")).toHaveCount(100);
  const before = await cards.nth(5).innerHTML();
  await page.locator("select").first().selectOption({index: 1});
  await expect.poll(async () => cards.nth(5).innerHTML()).not.toBe(before);
});

test("exercise 1 (b): the seed table and the discussion quote the loaders' numbers", async ({page}) => {
  await page.goto("/ex1-b");
  const {seeds, models} = summary.ex1;
  const table = page.locator("table.seed-table");
  for (const [name, label] of [
    ["pca", "PCA-like"],
    ["small", "small"],
    ["big", "big"]
  ] as const) {
    const cells = table
      .locator("tbody tr", {has: page.locator("th", {hasText: new RegExp(`^${label}$`)})})
      .locator("td");
    for (let k = 0; k < seeds.length; ++k)
      await expect(cells.nth(k)).toHaveText(models[name].finalMse[k].toFixed(4));
    await expect(cells.nth(seeds.length)).toHaveText(median(models[name].finalMse).toFixed(4));
  }
  const discussion = page.locator("#discussion ~ p");
  const bigMedian = median(models.big.finalMse);
  const smallMedian = median(models.small.finalMse);
  await expect(discussion.filter({hasText: "Why the big model wins"})).toContainText(
    `median error is ${bigMedian.toFixed(4)}`
  );
  await expect(discussion.filter({hasText: "Why the big model wins"})).toContainText(
    `${(smallMedian / bigMedian).toFixed(1)} times`
  );
  const worstPca = Math.max(...models.pca.finalMse);
  await expect(discussion.filter({hasText: "The linear model is PCA"})).toContainText(
    `within ${(100 * (worstPca / models.pca.optimumMse![0] - 1)).toFixed(3)} %`
  );
});

test("home: one line per other part, each quoting the summary", async ({page}) => {
  await page.goto("/");
  const more = page.locator("table.key-figures.more tbody tr");
  await expect(more).toHaveCount(6);
  await expect(more.nth(0)).toContainText(`MSE ${summary.ex1.perfectReconstruction.mse.toExponential(1)}`);
  await expect(more.nth(1)).toContainText(
    `${median(summary.ex1.retrain.mseAfterRetrain).toFixed(4)} retrained`
  );
  await expect(more.nth(3)).toContainText(`test loss ${summary.bonus.spiral.testLoss.toFixed(4)}`);
  await expect(more.nth(5)).toContainText(
    `test loss ${median(summary.bonus.memorization.testLoss).toFixed(4)}`
  );
  // Each line links to its page.
  for (const href of ["./ex1-e", "./ex1-fg", "./ex1-h", "./bonus-a", "./bonus-b", "./bonus-c"]) {
    await expect(page.locator(`table.key-figures.more a[href="${href}"]`)).toHaveCount(1);
  }
});

test("exercise 1 (b): loss axes read as plain numbers, and the PCA optimum's label sits above the curves", async ({
  page
}) => {
  await page.goto("/ex1-b");
  const cards = page.locator("#ex1b-figures .card");
  for (let k = 0; k < 3; ++k) {
    const svg = cards.nth(k).locator("svg[class^=plot-]").first();
    await expect(svg.locator("text", {hasText: "PCA optimum"})).toBeVisible({timeout: 20_000});
    const ticks = await svg.locator("g[aria-label='y-axis tick label'] text").allTextContents();
    expect(ticks.filter(Boolean).length).toBeGreaterThan(1);
    for (const t of ticks) expect(t, "no SI prefix such as 300m").toMatch(/^(\d+(\.\d+)?)?$/);
    // The label is in the legend, above the plot area; every curve is below it.
    const label = (await svg.locator("text", {hasText: "PCA optimum"}).boundingBox())!;
    const frameTop = Math.min(
      ...(await svg
        .locator("g[aria-label='y-grid'] line")
        .evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().top)))
    );
    expect(label.y + label.height).toBeLessThanOrEqual(frameTop + 1);
    for (const line of await svg.locator("g[aria-label=line] path").all()) {
      const b = (await line.boundingBox())!;
      expect(b.y).toBeGreaterThanOrEqual(label.y + label.height - 1);
    }
  }
});

test("exercise 1 (b): the per-seed table's row names sit level with their numbers, and its caption is not cut on a phone", async ({
  page
}) => {
  await page.goto("/ex1-b");
  const table = page.locator("table.seed-table");
  for (const name of ["small", "big", "PCA-like"]) {
    const tr = table.locator("tbody tr", {has: page.locator("th", {hasText: new RegExp(`^${name}$`)})});
    const th = (await tr.locator("th").boundingBox())!;
    const td = (await tr.locator("td").first().boundingBox())!;
    expect(Math.abs(th.y - td.y), name).toBeLessThan(2);
  }
  await page.setViewportSize({width: 390, height: 800});
  await page.reload();
  const scroll = (await page
    .locator(".table-scroll", {has: page.locator("table.seed-table")})
    .boundingBox())!;
  const caption = (await page.locator("table.seed-table caption").boundingBox())!;
  expect(caption.x + caption.width).toBeLessThanOrEqual(scroll.x + scroll.width + 1);
  await expect(page.locator("table.seed-table caption")).toContainText("Published runs");
});
