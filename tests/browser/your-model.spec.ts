// "Check your own model": each fixture written by PyTorch is dropped on the picker and graded with the
// numbers the core computes in Node; each bad file gives its message and the model shown before stays.
import {mkdtempSync, readFileSync, truncateSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect} from "@playwright/test";
import {test} from "./fixtures.js";
import type {Page} from "@playwright/test";
import {builtData} from "./data.js";
import {loadModel} from "../../src/core/model-file/read.js";
import {notation, specOf} from "../../src/core/model-file/architecture.js";
import {gradeModel} from "../../src/core/model-file/grade.js";
import type {ModelReference} from "../../src/core/model-file/reference.js";
import {continueJob} from "../../src/core/model-file/go-on.js";
import {runJob} from "../../src/core/exercises/fg/encoder-retrain.js";
import {reconstructionMse} from "../../src/core/autoencoder/models.js";

const DIR = "tests/fixtures/model-files/";
const reference = builtData<ModelReference>("model-reference");

function expected(name: string): {architecture: string; mse: number} {
  const model = loadModel(new Uint8Array(readFileSync(DIR + name)));
  const grade = gradeModel(specOf(model.arch), model.params, reference, {sheetActivations: true});
  return {architecture: notation(model.arch.hidden), mse: grade.mse};
}

const picker = (page: Page) => page.locator(".file-drop input[type=file]").first();
const mse = (page: Page) => page.locator("main [data-key=mse]");
const architecture = (page: Page) => page.locator("main [data-key=architecture]");

async function open(page: Page): Promise<void> {
  await page.goto("/your-model");
  // The bundled example (the published big model, seed 0) is graded before anything is dropped.
  await expect(architecture(page)).toHaveText("{50, 50, 50, 1, 50, 50, 50, 2}", {timeout: 20_000});
  const seed0 = reference.models.big.runs.find((r) => r.seed === 0)!.mse;
  // The loader rounds the published MSE to 6 significant digits; the page recomputes it from the weights (7 digits).
  expect(Math.abs(Number(await mse(page).getAttribute("data-value")) - seed0) / seed0).toBeLessThan(1e-4);
}

test("the page starts with the published example and its verdicts", async ({page}) => {
  await open(page);
  await expect(page.locator("main table.verdicts td.run-reader").first()).toBeVisible();
  // The example is the published seed 0: named as that seed, placed among the other seven.
  await expect(page.locator("main")).toContainText("the MSE of published seed 0 to four significant digits");
  await expect(page.locator("main")).toContainText("of the other 7 published seeds");
});

for (const name of [
  "notebook-big.ckpt",
  "notebook-big-state-dict.pt",
  "small.safetensors",
  "pca-float64.pt",
  "small-report.json"
]) {
  test(`dropping ${name} shows its architecture and MSE`, async ({page}) => {
    await open(page);
    const want = expected(name);
    await picker(page).setInputFiles(DIR + name);
    await expect(architecture(page)).toHaveText(want.architecture);
    await expect(mse(page)).toHaveAttribute("data-value", String(want.mse));
    await expect(page.locator(".file-drop-status").first()).toContainText(name);
    await expect(page.locator(".file-drop-error").first()).toBeHidden();
    // The paragraph on the linear model's angles is shown for the linear model only.
    await expect(page.locator("#linear-note")).toBeVisible({visible: name === "pca-float64.pt"});
  });
}

const BAD: [string, RegExp][] = [
  ["bad-not-a-model.txt", /not a model file the page knows/],
  ["bad-empty.pt", /empty \(0 bytes\)/],
  ["bad-no-data-pkl.zip", /no data\.pkl/],
  ["bad-legacy.pt", /legacy format/],
  ["bad-whole-module.pt", /whole pickled module/],
  ["bad-truncated.pt", /damaged or cut short/],
  ["bad-nan.pt", /holds NaN/],
  ["bad-float16.pt", /stored as float16/],
  ["bad-bfloat16.pt", /stored as bfloat16/],
  ["bad-big-endian.pt", /big-endian/],
  ["bad-widths-do-not-chain.pt", /widths do not chain/],
  ["bad-no-bottleneck.pt", /No bottleneck of width 1/],
  ["bad-input-width-3.pt", /takes 3 inputs/]
];

test("every bad file gives its message, and the model shown before stays", async ({page}) => {
  test.setTimeout(120_000);
  await open(page);
  const small = expected("small.safetensors");
  await picker(page).setInputFiles(DIR + "small.safetensors");
  await expect(architecture(page)).toHaveText(small.architecture);
  const error = page.locator(".file-drop-error").first();
  for (const [name, message] of BAD) {
    await picker(page).setInputFiles(DIR + name);
    await expect(error).toContainText(name);
    await expect(error).toContainText(message);
    await expect(error).toContainText("still the previous one");
    await expect(architecture(page)).toHaveText(small.architecture);
    await expect(mse(page)).toHaveAttribute("data-value", String(small.mse));
  }
  // Over 50 MB: refused by its size, before it is read.
  const huge = join(mkdtempSync(join(tmpdir(), "your-model-")), "huge.pt");
  writeFileSync(huge, "");
  truncateSync(huge, 51 * 2 ** 20);
  await picker(page).setInputFiles(huge);
  await expect(error).toContainText("over the page's limit of 50 MB");
  await expect(architecture(page)).toHaveText(small.architecture);
});

test("another activation drops the seed comparison; the reader's own points are graded", async ({page}) => {
  await open(page);
  await page.getByLabel("tanh").check();
  await expect(page.locator("main")).toContainText("The published seeds are not compared");
  await page.getByLabel("the sheet's (ReLU)").check();
  await page.locator("details.own-points summary").click();
  await page
    .locator(".file-drop input[type=file]")
    .nth(1)
    .setInputFiles({
      name: "points.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("x1,x2\n0,0\n1,0.5\n-1,-0.5\n1.5,0.2\n")
    });
  await expect(page.locator("main")).toContainText("On your 4 points");
});

test("continue training runs on the dropped model and ends where the core's run ends", async ({page}) => {
  await open(page);
  const name = "small.safetensors";
  await picker(page).setInputFiles(DIR + name);
  await expect(architecture(page)).toHaveText(expected(name).architecture);
  // The same job in Node (the WebAssembly step, as in the page's worker): 1000 epochs of the small model.
  const model = loadModel(new Uint8Array(readFileSync(DIR + name)));
  const data = Float64Array.from(reference.data.flat());
  const spec = specOf(model.arch);
  const before = reconstructionMse(spec, model.params, data, data.length / 2);
  const after = reconstructionMse(
    spec,
    runJob(continueJob(model.arch, "small", model.params)).end,
    data,
    100
  );
  const section = page.locator("#your-model-go-on");
  await expect(section).toContainText("Choose a run above");
  await page.getByRole("button", {name: "Continue training"}).click();
  await expect(section.locator(".progress-row")).toHaveAttribute("data-phase", "done", {timeout: 30_000});
  // The status names the finished run: its model and its 1000 epochs.
  await expect(section.locator(".progress-name")).toHaveText("your model");
  await expect(section.locator(".progress-status")).toContainText("Trained in this page: 1,000 epochs");
  const shown = Number(await section.locator("[data-key=go-on-mse]").getAttribute("data-value"));
  expect(Number.isFinite(shown)).toBe(true);
  expect(Math.abs(shown - after) / after).toBeLessThan(1e-6);
  expect(after).toBeLessThan(before);
  await expect(section).toContainText(`against ${before.toPrecision(4)} for your model as it was`);
  await expect(section.getByRole("button", {name: /Download your the result weights/})).toBeVisible();
});
