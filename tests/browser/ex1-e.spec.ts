import {expect} from "@playwright/test";
import {test} from "./fixtures.js";
import {builtData, median} from "./data.js";
import {builtPages} from "./pages.js";

interface Perfect {
  n: number;
  mse: number;
  maxAbsError: number;
  mseFloat32: number;
  freshMse: number;
  freshMseBig: number[];
  widths: number[];
  params: number;
}
interface Summary {
  ex1: {
    models: Record<string, {finalMse: number[]; optimumMse?: number[]}>;
    perfectReconstruction: {n: number; mse: number};
  };
}
const perfect = builtData<Perfect>("perfect-ae");
const summary = builtData<Summary>("summary");

test("exercise 1 (e) is a page of the site, and its key figure is the loader's", () => {
  expect(builtPages()).toContain("/ex1-e");
  expect(summary.ex1.perfectReconstruction).toEqual({n: perfect.n, mse: perfect.mse});
  expect(perfect.mse).toBeLessThan(1e-20);
});

test("exercise 1 (e) draws the decoder curve, the coordinates and the fresh points, with the loader's numbers", async ({
  page
}) => {
  await page.goto("/ex1-e");
  const main = page.locator("main");
  await expect(main.locator("h1")).toContainText("Exercise 1 (e)");
  // The decoder figure: 100 data points on it.
  const cards = main.locator(".card");
  await expect(cards).toHaveCount(4);
  await expect(cards.nth(1).locator("svg g[aria-label=dot] circle")).toHaveCount(perfect.n);
  await expect(cards.nth(2).locator("svg").first()).toBeVisible();
  await expect(cards.nth(3).locator("svg g[aria-label=arrow] path")).toHaveCount(150);
  // The error table shows the loader's values, and the page's own recomputation agrees exactly.
  for (const [key, value] of [
    ["mse", perfect.mse],
    ["maxAbs", perfect.maxAbsError],
    ["float32", perfect.mseFloat32],
    ["fresh", perfect.freshMse]
  ] as const) {
    await expect(main.locator(`td[data-key=${key}]`)).toHaveAttribute("data-value", String(value));
  }
  const recomputed = Number(await main.locator("td[data-key=recomputed]").getAttribute("data-value"));
  expect(Number(recomputed.toPrecision(4))).toBe(perfect.mse);
  // The architecture table and the prose.
  await expect(main).toContainText(`widths {${perfect.widths.join(", ")}}`);
  await expect(main).toContainText(`${perfect.params} parameters`);
  await expect(main).toContainText(`median MSE of ${median(summary.ex1.models.big.finalMse).toFixed(4)}`);
  await expect(main).toContainText(`MSE is ${perfect.freshMse.toFixed(3)}`);
  await expect(main).toContainText(`(the PCA optimum, ${summary.ex1.models.pca.optimumMse![0].toFixed(3)})`);
  await expect(main).toContainText(
    `median on the same fresh points is ${median(perfect.freshMseBig).toFixed(3)}`
  );
  // Display maths rendered by KaTeX, not left as source.
  expect(await main.locator(".katex").count()).toBeGreaterThan(20);
  await expect(main.locator(".katex-error")).toHaveCount(0);
});
