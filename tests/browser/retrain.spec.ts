import {readFileSync} from "node:fs";
import {expect} from "@playwright/test";
import {test} from "./fixtures.js";
import type {Page} from "@playwright/test";
import {builtData} from "./data.js";

interface Snapshot {
  config: {seeds: number[]};
  models: Record<string, {runs: {seed: number; final: {mse: number}}[]}>;
}
const snap = builtData<Snapshot>("autoencoders");

const row = (page: Page, model: string) => page.locator(`.progress-row[data-model=${model}]`);
const slider = (page: Page, label: string) =>
  page
    .locator("form.settings label", {hasText: new RegExp(`^${label}$`)})
    .locator("..")
    .locator("input[type=number]");

async function waitForRun(page: Page, models = ["pca", "small", "big"], timeout = 40_000): Promise<void> {
  for (const m of models)
    await expect(row(page, m)).toHaveAttribute("data-phase", /done|diverged|stopped|failed/, {timeout});
}

test("a changed setting retrains all three models in the page, with progress, and goes into the URL", async ({
  page
}) => {
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
  await page.goto(
    "/ex1-b?epochs=40&seed=3&lr=abc&batch=-2&init=%3Cscript%3Ealert(1)%3C/script%3E&bigWidth=1e9"
  );
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
  await expect(row(page, "pca").locator(".progress-message")).toContainText(
    /The loss became (NaN|Infinity|-Infinity) in epoch \d+/
  );
  // Its latent map still shows the last finite state, beside the published one.
  await expect(
    page.locator("#ex1b-figures .card").nth(3).locator("svg g[aria-label=raster] image")
  ).toHaveCount(2);
  await expect(page.locator("#ex1b-figures .card svg g[aria-label=raster] image")).toHaveCount(6);
  await page.getByRole("button", {name: "Back to the published result"}).click();
  await expect(page.locator(".source-note")).toContainText("published result");
});

test("a worker that cannot load shows a message instead of breaking the page", async ({page}) => {
  await page.route("**/components/training/worker.*", (route) => route.abort());
  await page.goto("/ex1-b?epochs=20");
  await waitForRun(page);
  await expect(row(page, "big")).toHaveAttribute("data-phase", "failed");
  await expect(row(page, "big").locator(".progress-message")).toContainText("training worker");
  await expect(page.locator("form.settings")).toBeVisible();
});

test("stop ends a run; a new setting replaces the running one", async ({page}) => {
  await page.goto("/ex1-b?epochs=5000&batch=1");
  await expect(row(page, "big")).toHaveAttribute("data-phase", "training", {timeout: 30_000});
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
  await page.goto("/ex1-b?epochs=5000&batch=1");
  await expect(row(page, "big")).toHaveAttribute("data-phase", "training", {timeout: 30_000});
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
  await expect
    .poll(async () => Number(await row(page, "big").locator("progress").getAttribute("value")))
    .toBeGreaterThan(e2);
});

test("the tfjs engine in the worker frees every tensor, run after run; its details stay out of the status text", async ({
  page
}) => {
  // Each run starts three fresh workers that load TensorFlow.js and counts the
  // tensors left in each at its end, so a leak shows in the first run; the second
  // run checks that a retrain replaces the workers cleanly.
  test.setTimeout(120_000);
  await page.goto("/ex1-b?engine=tfjs&epochs=2");
  for (let run = 0; run < 2; ++run) {
    if (run > 0) await page.getByRole("button", {name: "Retrain in this page"}).click();
    await waitForRun(page);
    for (const model of ["pca", "small", "big"]) {
      await expect(row(page, model)).toHaveAttribute("data-phase", "done");
      await expect(row(page, model)).toHaveAttribute("data-tensors", "0");
    }
    // The tensor count is for the curious: a details element, not the status.
    await expect(page.locator(".progress-panel .progress-text").first()).not.toContainText("tensors");
    await expect(page.locator(".progress-status")).not.toContainText("tensors");
    const details = page.locator(".progress-panel details.engine-details");
    await expect(details).toHaveCount(1);
    await expect(details.locator("summary")).toHaveText("Engine details");
  }
});

test("extreme settings (top learning rate, batch size 1, the big network) run or stop with a clear message", async ({
  page
}) => {
  test.setTimeout(90_000);
  await page.goto("/ex1-b?lr=1&batch=1&epochs=3");
  await waitForRun(page, ["pca", "small", "big"], 60_000);
  for (const model of ["pca", "small", "big"]) {
    const phase = await row(page, model).getAttribute("data-phase");
    expect(["done", "diverged"]).toContain(phase);
    if (phase === "diverged")
      await expect(row(page, model).locator(".progress-message")).toContainText("Lower the learning rate");
  }
  // The page stays usable.
  await page.getByRole("button", {name: "Back to the published result"}).click();
  await expect(page.locator(".source-note")).toContainText("published result");
});

test("after Stop the status names the epoch the run stopped at", async ({page}) => {
  await page.goto("/ex1-b?epochs=5000&batch=1");
  await expect
    .poll(async () => Number(await row(page, "big").locator("progress").getAttribute("value")), {
      timeout: 30_000
    })
    .toBeGreaterThan(0);
  await page.getByRole("button", {name: "Stop"}).click();
  await expect(row(page, "big")).toHaveAttribute("data-phase", "stopped");
  const status = await page.locator(".progress-status").innerText();
  const epochs = await Promise.all(
    ["pca", "small", "big"].map(async (m) =>
      Number(await row(page, m).locator("progress").getAttribute("value"))
    )
  );
  expect(status).toMatch(/^Stopped (at epoch [\d,]+ of 5,000 after|after) [\d.]+ s of training/);
  // Every stopped model's epoch is named (one number when they agree).
  for (const e of epochs) expect(status).toContain(e.toLocaleString("en-US"));
  expect(status).not.toContain("Trained in this page");
});

test("the time a run reports is time spent training: a pause does not count", async ({page}) => {
  // Wall time from before the page opens: it holds all the training time plus the pause.
  const t0 = Date.now();
  // Long enough that the run is still going when the test pauses it and when it stops it:
  // the WebAssembly step trains 5,000 epochs of batch 8 in about 4.5 s, of batch 1 in about 35 s.
  await page.goto("/ex1-b?epochs=5000&batch=1");
  await expect(row(page, "big")).toHaveAttribute("data-phase", "training", {timeout: 30_000});
  await page.getByRole("button", {name: "Pause"}).click();
  await expect(page.locator(".progress-status")).toContainText("Paused");
  await page.waitForTimeout(3000);
  await page.getByRole("button", {name: "Resume"}).click();
  await expect(page.locator(".progress-status")).not.toContainText("Paused");
  await page.waitForTimeout(500);
  await page.getByRole("button", {name: "Stop"}).click();
  await waitForRun(page);
  const wall = Date.now() - t0;
  const status = await page.locator(".progress-status").innerText();
  const trained = Number(status.match(/after ([\d.]+) s of training/)![1]) * 1000;
  expect(trained).toBeGreaterThan(0);
  expect(trained).toBeLessThan(wall - 2500);
});

test("after a retrain the published result stays beside the reader's run, in figures, table and downloads", async ({
  page
}) => {
  await page.goto("/ex1-b?epochs=150&smallOuter=30");
  await waitForRun(page);
  await expect(page.locator(".run-note")).toContainText(
    "Your run: seed 0, epochs 150, small: outer width 30."
  );
  const figures = page.locator("#ex1b-figures");
  // Loss curves: the reader's run in its own colour on top of the published seed and band, named in a legend.
  for (let k = 0; k < 3; ++k) {
    const svg = figures.locator(".card").nth(k).locator("svg[class^=plot-]").first();
    await expect(svg.locator("g[aria-label=line] [stroke='#d95f02'] path")).toHaveCount(1);
    await expect(svg.locator("g[aria-label=area] path")).toHaveCount(1);
    await expect(svg).toContainText("your run");
    await expect(svg).toContainText("published, seed 0 · band: 8 seeds");
  }
  // Latent maps: the reader's beside the published one, each title saying which.
  for (const m of ["pca", "small", "big"]) {
    const mse = Number(await row(page, m).getAttribute("data-mse"));
    await expect(figures).toContainText(`your run: ${m === "pca" ? "PCA-like (linear)" : m} {`);
    await expect(figures).toContainText(`MSE ${mse.toFixed(4)}`);
    const published = snap.models[m].runs.find((r) => r.seed === 0)!.final.mse;
    await expect(figures).toContainText(`seed 0: MSE ${published.toFixed(4)}`);
  }
  // Every figure keeps its SVG/PNG buttons, the ones a live run redrew or moved included.
  const plots = await figures
    .locator("svg[class^='plot-']")
    .evaluateAll((svgs) => svgs.filter((s) => /^plot-[0-9a-f]+$/.test(s.getAttribute("class") ?? "")).length);
  expect(plots).toBe(9);
  await expect(figures.locator(".figure-tools")).toHaveCount(plots);
  // The comparison table: one row per run and model, the reader's marked.
  const table = page.locator("table.compare-table");
  await expect(table.locator("tbody tr")).toHaveCount(9);
  await expect(table.locator("tbody tr.run-reader")).toHaveCount(3);
  const small = table.locator("tbody tr.run-reader", {hasText: "small {30, 10, 1, 10, 30, 2}"});
  await expect(small.locator("td").first()).toHaveText(
    Number(await row(page, "small").getAttribute("data-mse")).toFixed(4)
  );
  await expect(small.locator("td").nth(2)).toHaveText(/^\d+$/);
  // The discussion says which runs it describes.
  await expect(page.locator("#discussion ~ p").first()).toContainText("describes the published runs");
});

test("downloads after a retrain carry the settings in their names and columns, and the reader's weights come as a state_dict", async ({
  page
}) => {
  await page.goto("/ex1-b?epochs=40&smallOuter=30&lr=0.003");
  await waitForRun(page);
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "loss per epoch (CSV)"}).click()
  ]);
  expect(csv.suggestedFilename()).toBe("ex1b-epoch-loss-yours-seed0_lr0.003_epochs40_smallOuter30.csv");
  const lines = readFileSync(await csv.path(), "utf8")
    .trim()
    .split("\n");
  expect(lines[0]).toBe(
    "run,seed,lr,epochs,batch,init,optimizer,smallOuter,smallInner,bigWidth,bigDepth,engine,model,epoch,loss"
  );
  // The published result (3 × 1000 epochs) and the reader's (3 × 40), each row saying which.
  expect(lines.length).toBe(1 + 3 * 1000 + 3 * 40);
  expect(lines[1]).toMatch(/^published,0,0\.001,1000,8,torch,adam,20,10,50,3,wasm,pca,1,/);
  expect(lines.at(-1)).toMatch(/^yours,0,0\.003,40,8,torch,adam,30,10,50,3,wasm,big,40,/);

  const [weights] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download your small weights as a PyTorch state_dict"}).click()
  ]);
  expect(weights.suggestedFilename()).toBe(
    "ex1b-weights-small-yours-seed0_lr0.003_epochs40_smallOuter30.json"
  );
  const dict = JSON.parse(readFileSync(await weights.path(), "utf8")) as Record<
    string,
    number[] | number[][]
  >;
  const shapes = Object.entries(dict).map(([k, v]) => [
    k,
    Array.isArray(v[0]) ? [v.length, (v[0] as number[]).length] : [v.length]
  ]);
  expect(shapes).toEqual([
    ["encoder.0.weight", [30, 2]],
    ["encoder.0.bias", [30]],
    ["encoder.2.weight", [10, 30]],
    ["encoder.2.bias", [10]],
    ["encoder.4.weight", [1, 10]],
    ["encoder.4.bias", [1]],
    ["decoder.0.weight", [10, 1]],
    ["decoder.0.bias", [10]],
    ["decoder.2.weight", [30, 10]],
    ["decoder.2.bias", [30]],
    ["decoder.4.weight", [2, 30]],
    ["decoder.4.bias", [2]]
  ]);
  // The weights are the trained ones: they reconstruct the data with the MSE the page reports.
  const {autoencoderSpec, reconstructionMse} = await import("../../src/core/autoencoder/models.js");
  const {sheetData} = await import("../../src/core/autoencoder/snapshot.js");
  const flat = Float64Array.from(Object.values(dict).flatMap((v) => (v as unknown[]).flat() as number[]));
  const data = sheetData();
  const mse = reconstructionMse(autoencoderSpec([30, 10, 1, 10, 30, 2]), flat, data, data.length / 2);
  const shown = Number(await row(page, "small").getAttribute("data-mse"));
  expect(Math.abs(mse - shown) / shown).toBeLessThan(1e-5);
});
