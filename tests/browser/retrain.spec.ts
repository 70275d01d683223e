import {expect, test} from "@playwright/test";
import type {Page} from "@playwright/test";
import {builtData} from "./data.js";

interface Snapshot {
  config: {seeds: number[]};
  models: Record<string, {runs: {seed: number; final: {mse: number}}[]}>;
}
const snap = builtData<Snapshot>("autoencoders");

const row = (page: Page, model: string) => page.locator(`.progress-row[data-model=${model}]`);
const slider = (page: Page, label: string) => page.locator("form.settings label", {hasText: new RegExp(`^${label}$`)}).locator("..").locator("input[type=number]");

async function waitForRun(page: Page, models = ["pca", "small", "big"], timeout = 40_000): Promise<void> {
  for (const m of models) await expect(row(page, m)).toHaveAttribute("data-phase", /done|diverged|stopped|failed/, {timeout});
}

test("a changed setting retrains all three models in the page, with progress, and goes into the URL", async ({page}) => {
  await page.goto("/ex1-b");
  await expect(page.locator(".source-note")).toContainText("published result");
  const epochs = slider(page, "epochs");
  await epochs.fill("150");
  await epochs.press("Enter");
  await expect(page).toHaveURL(/[?&]epochs=150\b/);
  await expect(page.locator(".progress-panel")).toBeVisible();
  await waitForRun(page);
  for (const m of ["pca", "small", "big"]) {
    await expect(row(page, m)).toHaveAttribute("data-phase", "done");
    await expect(row(page, m).locator("progress")).toHaveAttribute("value", "150");
  }
  // The figures now show this run: each latent map's title carries the run's final MSE.
  for (const m of ["pca", "small", "big"]) {
    const mse = Number(await row(page, m).getAttribute("data-mse"));
    await expect(page.locator("#ex1b-figures")).toContainText(`MSE ${mse.toFixed(4)}`);
  }
});

test("the URL restores the settings, and refused values are named", async ({page}) => {
  await page.goto("/ex1-b?epochs=40&seed=3&lr=abc&batch=-2&init=%3Cscript%3Ealert(1)%3C/script%3E&bigWidth=1e9");
  await expect(slider(page, "epochs")).toHaveValue("40");
  await expect(slider(page, "seed")).toHaveValue("3");
  const notice = page.locator("form.settings .notice");
  await expect(notice).toBeVisible();
  for (const key of ["lr", "batch", "init", "bigWidth"]) await expect(notice).toContainText(`${key}=`);
  await expect(notice).not.toContainText("epochs=");
  // The script-like value is shown as text, never run.
  expect(await page.evaluate(() => document.querySelectorAll("form.settings script").length)).toBe(0);
  await waitForRun(page);
  await expect(row(page, "small")).toHaveAttribute("data-phase", "done");
});

test("back to the published result restores the build-time snapshot and clears the URL", async ({page}) => {
  await page.goto("/ex1-b?epochs=30");
  await waitForRun(page);
  await page.getByRole("button", {name: "Back to the published result"}).click();
  await expect(page.locator(".source-note")).toContainText("published result");
  await expect(page).toHaveURL(/\/ex1-b$/);
  const mse = snap.models.big.runs.find((r) => r.seed === snap.config.seeds[0])!.final.mse;
  await expect(page.locator("#ex1b-figures")).toContainText(`MSE ${mse.toFixed(4)}`);
});

test("retraining with the published settings reproduces the published final loss", async ({page}) => {
  test.setTimeout(90_000);
  await page.goto("/ex1-b?seed=1");
  await page.getByRole("button", {name: "Retrain in this page"}).click();
  await waitForRun(page, ["pca", "small", "big"], 60_000);
  for (const model of ["pca", "small", "big"]) {
    const published = snap.models[model].runs.find((r) => r.seed === 1)!.final.mse;
    const shown = Number(await row(page, model).getAttribute("data-mse"));
    expect(Math.abs(shown - published) / published, model).toBeLessThan(1e-5);
  }
});

test("a diverging run stops at once with a message, and the page keeps working", async ({page}) => {
  await page.goto("/ex1-b?optimizer=sgd&lr=1&epochs=100");
  await waitForRun(page);
  await expect(row(page, "pca")).toHaveAttribute("data-phase", "diverged");
  await expect(row(page, "pca").locator(".progress-message")).toContainText(/The loss became (NaN|Infinity|-Infinity) in epoch \d+/);
  // Its latent map still shows the last finite state.
  await expect(page.locator("#ex1b-figures .card svg g[aria-label=raster] image")).toHaveCount(3);
  await page.getByRole("button", {name: "Back to the published result"}).click();
  await expect(page.locator(".source-note")).toContainText("published result");
});

test("a worker that cannot load shows a message instead of breaking the page", async ({page}) => {
  await page.route("**/train-worker*", (route) => route.abort());
  await page.goto("/ex1-b?epochs=20");
  await waitForRun(page);
  await expect(row(page, "big")).toHaveAttribute("data-phase", "failed");
  await expect(row(page, "big").locator(".progress-message")).toContainText("training worker");
  await expect(page.locator("form.settings")).toBeVisible();
});

test("stop ends a run; a new setting replaces the running one", async ({page}) => {
  await page.goto("/ex1-b?epochs=5000");
  await expect(row(page, "big")).toHaveAttribute("data-phase", "training");
  await page.getByRole("button", {name: "Stop"}).click();
  await expect(row(page, "big")).toHaveAttribute("data-phase", "stopped");
  const epochs = slider(page, "epochs");
  await epochs.fill("60");
  await epochs.press("Enter");
  await waitForRun(page);
  await expect(row(page, "big")).toHaveAttribute("data-phase", "done");
  await expect(row(page, "big").locator("progress")).toHaveAttribute("max", "60");
});

test("training pauses while its figures and settings are off-screen", async ({page}) => {
  await page.setViewportSize({width: 1000, height: 240});
  await page.goto("/ex1-b?epochs=5000");
  await expect(row(page, "big")).toHaveAttribute("data-phase", "training");
  // Scroll to the end of the page, past the figures.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const visible = await page.evaluate(() => {
    const r = document.getElementById("ex1b-figures")!.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  expect(visible, "the figures are scrolled out of view").toBe(false);
  await page.waitForTimeout(600);
  const e1 = Number(await row(page, "big").locator("progress").getAttribute("value"));
  await page.waitForTimeout(800);
  const e2 = Number(await row(page, "big").locator("progress").getAttribute("value"));
  expect(e2).toBe(e1);
  await page.evaluate(() => document.getElementById("ex1b-figures")!.scrollIntoView());
  await expect.poll(async () => Number(await row(page, "big").locator("progress").getAttribute("value"))).toBeGreaterThan(e2);
});

test("the tfjs engine in the worker frees every tensor, over 20 runs", async ({page}) => {
  test.setTimeout(120_000);
  await page.goto("/ex1-b?engine=tfjs&epochs=2");
  for (let run = 0; run < 20; ++run) {
    if (run > 0) await page.getByRole("button", {name: "Retrain in this page"}).click();
    await waitForRun(page);
    for (const model of ["pca", "small", "big"]) {
      await expect(row(page, model)).toHaveAttribute("data-phase", "done");
      await expect(row(page, model)).toHaveAttribute("data-tensors", "0");
    }
  }
});

test("extreme settings (top learning rate, batch size 1, the big network) run or stop with a clear message", async ({page}) => {
  test.setTimeout(90_000);
  await page.goto("/ex1-b?lr=1&batch=1&epochs=3");
  await waitForRun(page, ["pca", "small", "big"], 60_000);
  for (const model of ["pca", "small", "big"]) {
    const phase = await row(page, model).getAttribute("data-phase");
    expect(["done", "diverged"]).toContain(phase);
    if (phase === "diverged") await expect(row(page, model).locator(".progress-message")).toContainText("Lower the learning rate");
  }
  // The page stays usable.
  await page.getByRole("button", {name: "Back to the published result"}).click();
  await expect(page.locator(".source-note")).toContainText("published result");
});
