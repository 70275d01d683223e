import {expect as playwrightExpect} from "@playwright/test";
import {test} from "./fixtures.js";
import type {Locator, Page} from "@playwright/test";
import type {BonusSummary} from "../../src/data/lib/summary/bonus.js";
import {builtData, median} from "./data.js";
import {boxes, overlap} from "./page-checks.js";

// This machine may be busy with other builds: allow for slow renders.
const expect = playwrightExpect.configure({timeout: 20_000});

interface Summary {
  bonus: BonusSummary;
}
interface Spiral {
  winner: string;
  candidates: {
    name: string;
    run: {query: string; testLoss: number; trainLoss: number; settings: {epochs: number}};
  }[];
}
const summary = builtData<Summary>("summary");
const spiral = builtData<Spiral>("bonus-spiral");

const widget = (page: Page) => page.locator(".playground");
const epochOf = async (page: Page) => Number(await widget(page).getAttribute("data-epoch"));
const control = (page: Page, key: string): Locator =>
  page.locator(`.playground-settings .control[data-key=${key}]`);

test("the playground draws its figures at epoch 0, paused", async ({page}) => {
  await page.goto("/bonus");
  await expect(widget(page)).toHaveAttribute("data-phase", "training");
  await expect(page.locator(".playground-status")).toContainText("epoch 0");
  // The network (default: 2 features, hidden layers 4 and 2, one output): 2·4 + 4·2 + 2·1 weights, 9 nodes with their maps.
  const net = page.locator(".playground-network svg");
  await expect(net.locator("path.edge")).toHaveCount(18);
  await expect(net.locator("g.node image")).toHaveCount(9);
  // The output map with 500 points, and the loss curves.
  await expect(page.locator(".playground-map svg g[aria-label=raster] image")).toHaveCount(1);
  await expect(page.locator(".playground-map svg g[aria-label=dot] circle")).toHaveCount(500);
  await expect(page.locator(".playground-loss svg g[aria-label=line] path")).toHaveCount(2);
  await page.waitForTimeout(500);
  expect(await epochOf(page)).toBe(0);
});

test("play, pause, step and reset", async ({page}) => {
  await page.goto("/bonus?dataset=xor");
  await expect(widget(page)).toHaveAttribute("data-train-loss", /\d/);
  const before = await widget(page).getAttribute("data-train-loss");
  await page.getByRole("button", {name: "Play"}).click();
  await expect.poll(() => epochOf(page)).toBeGreaterThan(20);
  await page.getByRole("button", {name: "Pause"}).click();
  await page.waitForTimeout(300);
  const paused = await epochOf(page);
  await page.waitForTimeout(500);
  expect(await epochOf(page)).toBe(paused);
  // The figures catch up with the epoch the run paused at.
  await expect(widget(page)).toHaveAttribute("data-view-epoch", String(paused));
  await expect(page.locator(".playground-map")).toContainText(`Output after epoch ${paused}`);
  await page.getByRole("button", {name: "Step"}).click();
  await expect.poll(() => epochOf(page)).toBe(paused + 1);
  await page.getByRole("button", {name: "Step"}).click();
  await expect.poll(() => epochOf(page)).toBe(paused + 2);
  await page.getByRole("button", {name: "Reset"}).click();
  await expect.poll(() => epochOf(page)).toBe(0);
  // The same initial weights: the same loss before training.
  await expect(widget(page)).toHaveAttribute("data-train-loss", before!);
  await expect(page.getByRole("button", {name: "Play"})).toBeEnabled();
});

test("settings go into the URL and come back from it", async ({page}) => {
  await page.goto("/bonus");
  await control(page, "dataset").getByLabel("spiral").check();
  await control(page, "features").getByLabel("sin X₁").check();
  await page.getByRole("button", {name: "hidden layers: more"}).click();
  await page.getByRole("button", {name: "layer 1: more"}).click();
  await control(page, "activation").getByLabel("ReLU").check();
  const noise = control(page, "noise").locator("input[type=number]");
  await noise.fill("25");
  await noise.press("Enter");
  await expect(page).toHaveURL(/dataset=spiral/);
  await expect(page).toHaveURL(/noise=25/);
  const url = new URL(page.url());
  expect(url.searchParams.get("features")).toBe("x1,x2,sinx1");
  expect(url.searchParams.get("hidden")).toBe("5,2,2");
  expect(url.searchParams.get("activation")).toBe("relu");
  // The network follows: 3 inputs, layers 5, 2, 2.
  await expect(page.locator(".playground-network svg g.node")).toHaveCount(3 + 5 + 2 + 2 + 1);
  await page.goto(url.pathname + url.search);
  await expect(control(page, "dataset").getByLabel("spiral")).toBeChecked();
  await expect(control(page, "features").getByLabel("sin X₁")).toBeChecked();
  await expect(control(page, "noise").locator("input[type=number]")).toHaveValue("25");
  await expect(page.locator(".layers-editor output").first()).toHaveText("3");
  await expect(page.locator(".playground-settings .notice")).toBeHidden();
});

test("bad values in the URL fall back to the defaults with a notice", async ({page}) => {
  await page.goto(
    "/bonus?noise=80&hidden=9,9&features=x1,x9&lr=0.02&dataset=%3Cscript%3Ealert(1)%3C/script%3E&seed=2"
  );
  const notice = page.locator(".playground-settings .notice");
  await expect(notice).toBeVisible();
  for (const key of ["noise", "hidden", "features", "lr", "dataset"])
    await expect(notice).toContainText(`${key}=`);
  await expect(notice).not.toContainText("seed=");
  expect(await page.evaluate(() => document.querySelectorAll(".playground script").length)).toBe(0);
  await expect(control(page, "noise").locator("input[type=number]")).toHaveValue("0");
  await expect(control(page, "seed").locator("input[type=number]")).toHaveValue("2");
  await expect(page.locator(".playground-network svg g.node")).toHaveCount(2 + 4 + 2 + 1);
});

test("the epoch a paused run stands at goes into the URL, and the link reopens the run there", async ({
  page
}) => {
  test.setTimeout(90_000);
  await page.goto("/bonus?dataset=xor&seed=3");
  await expect(widget(page)).toHaveAttribute("data-train-loss", /\d/);
  for (let k = 1; k <= 3; ++k) {
    await page.getByRole("button", {name: "Step"}).click();
    await expect.poll(() => epochOf(page)).toBe(k);
  }
  await expect(page).toHaveURL(/[?&]at=3$/);
  const train = await widget(page).getAttribute("data-train-loss");
  const testLoss = await widget(page).getAttribute("data-test-loss");
  const link = page.url();
  // Playing: the epoch moves, so the address names none; pausing names the new one.
  await page.getByRole("button", {name: "Play"}).click();
  await expect(page).not.toHaveURL(/[?&]at=/);
  await expect.poll(() => epochOf(page)).toBeGreaterThan(10);
  await page.getByRole("button", {name: "Pause"}).click();
  await expect.poll(async () => new URL(page.url()).searchParams.get("at")).toBe(String(await epochOf(page)));
  // The link opens the run paused at epoch 3 with the same numbers, and it continues from there.
  await page.goto(link);
  await expect.poll(() => epochOf(page)).toBe(3);
  await expect(widget(page)).toHaveAttribute("data-train-loss", train!);
  await expect(widget(page)).toHaveAttribute("data-test-loss", testLoss!);
  await expect(page.getByRole("button", {name: "Play"})).toBeEnabled();
  await expect(page.locator(".playground-loss svg g[aria-label=line] path").first()).toBeVisible();
  await page.getByRole("button", {name: "Step"}).click();
  await expect.poll(() => epochOf(page)).toBe(4);
  await expect(page).toHaveURL(/[?&]at=4$/);
  // Reset goes back to epoch 0, and so does the URL.
  await page.getByRole("button", {name: "Reset"}).click();
  await expect.poll(() => epochOf(page)).toBe(0);
  await expect(page).not.toHaveURL(/[?&]at=/);
  // A position past the run's last epoch is refused with a reason.
  await page.goto("/bonus?epochs=5&at=9");
  await expect(page.locator(".playground-settings .notice")).toContainText("at=9");
  await expect.poll(() => epochOf(page)).toBe(0);
});

test("the playground's loss axis counts whole epochs and writes plain numbers", async ({page}) => {
  // (The pages' axes are checked by every-page.spec.ts.)
  // The playground at epoch 0 and after a few steps: whole epochs only on the x axis.
  await page.goto("/bonus?seed=2");
  await expect(widget(page)).toHaveAttribute("data-train-loss", /\d/);
  for (const steps of [0, 3]) {
    for (let k = 0; k < steps; ++k) await page.getByRole("button", {name: "Step"}).click();
    await expect.poll(() => epochOf(page)).toBe(steps);
    await expect(page.locator(".playground-loss")).toContainText("epoch");
    const x = await page
      .locator('.playground-loss svg [aria-label="x-axis tick label"] text')
      .allTextContents();
    expect(x.length).toBeGreaterThan(1);
    expect(
      x.every((t) => /^\d[\d,]*$/.test(t)),
      x.join(" ")
    ).toBe(true);
    const y = await page
      .locator('.playground-loss svg [aria-label="y-axis tick label"] text')
      .allTextContents();
    expect(y.filter((t) => /[a-zµ]$/.test(t))).toEqual([]);
  }
});

test("the playground's loss labels stay clear of the axis title (the pages' labels: every-page.spec.ts)", async ({
  page
}) => {
  // The playground's loss chart at epoch 0: the end labels clear of the y-axis title.
  await page.goto("/bonus");
  await expect(widget(page)).toHaveAttribute("data-train-loss", /\d/);
  await expect(page.locator(".playground-loss svg g[aria-label=text] text").first()).toBeVisible();
  const ends = await boxes(page, ".playground-loss svg", "g[aria-label=text] text");
  const title = (await boxes(page, ".playground-loss svg", '[aria-label="y-axis label"] text'))[0];
  expect(ends.length).toBe(2);
  for (const e of ends) expect(overlap(e, title), `"${e.text}" over the axis title`).toBe(false);
});

test("the numbers in the prose are the loaders' numbers", async ({page}) => {
  const b = summary.bonus;
  await page.goto("/bonus-a");
  await expect(page.locator("[data-key=spiral-test]")).toHaveText(b.spiral.testLoss.toFixed(4));
  await expect(page.locator("[data-key=spiral-train]")).toHaveText(b.spiral.trainLoss.toFixed(4));
  await expect(page.locator("[data-key=spiral-median]")).toHaveText(b.spiral.medianTestLoss.toFixed(4));
  await expect(page.locator("p.answer")).toContainText(b.spiral.architecture);
  await expect(page.locator("table.candidates tbody tr")).toHaveCount(spiral.candidates.length);
  await expect(page.locator(".thumbs figure")).toHaveCount(spiral.candidates.length);
  // The sentence on the two points of the split agrees with itself.
  const text = (await page.locator("main").innerText()).replace(/\s+/g, " ");
  expect(text).not.toMatch(/\b(\d+|one|two) of the two lie\b/);
  expect(text).toMatch(
    /In the split of seed \d+, (both lie in the (training|test) set|one lies in the training set and one in the test set)\./
  );

  await page.goto("/bonus-b");
  for (const k of ["none", "l1", "l2"] as const) {
    const r = b.regularization[k];
    await expect(page.locator(`[data-key=${k}-train]`)).toHaveText(r.trainLoss.toFixed(4));
    await expect(page.locator(`[data-key=${k}-test]`)).toHaveText(r.testLoss.toFixed(4));
    await expect(page.locator(`[data-key=${k}-zero]`)).toHaveText(
      `${(100 * r.zeroWeightFraction).toFixed(1)} %`
    );
    await expect(page.locator(`[data-key=${k}-mean]`)).toHaveText(r.meanAbsWeight.toFixed(3));
  }
  // Three weight diagrams side by side; the L1 one draws only its non-zero weights.
  const diagrams = page.locator(".network-figure svg");
  await expect(diagrams).toHaveCount(3);
  const counts = await Promise.all([0, 1, 2].map((i) => diagrams.nth(i).locator("path.edge").count()));
  const weights = (7 * 8 + 5 * 64 + 8) as number;
  expect(counts[0]).toBe(weights);
  expect(counts[1]).toBe(Math.round(weights * (1 - b.regularization.l1.zeroWeightFraction)));

  await page.goto("/bonus-c");
  await expect(page.locator("[data-key=memo-train]")).toHaveText(median(b.memorization.trainLoss).toFixed(4));
  await expect(page.locator("[data-key=memo-test]")).toHaveText(median(b.memorization.testLoss).toFixed(4));
  const rows = page.locator("table.memo-table tbody tr");
  await expect(rows).toHaveCount(b.memorization.seeds.length);
  for (let i = 0; i < b.memorization.seeds.length; ++i) {
    await expect(rows.nth(i).locator("td").nth(0)).toHaveText(b.memorization.trainLoss[i].toFixed(4));
    await expect(rows.nth(i).locator("td").nth(1)).toHaveText(b.memorization.testLoss[i].toFixed(4));
  }
});
