import {readFileSync} from "node:fs";
import {expect, test} from "@playwright/test";
import {builtData} from "./data.js";

interface Snapshot {
  config: {seeds: number[]};
  pca: {optimumMse: number};
  models: Record<string, {params: number; runs: {seed: number; final: {mse: number}; weights: number[]}[]}>;
}
const snap = builtData<Snapshot>("autoencoders");

test("(a) shows the three networks with their parameter counts and both listings", async ({page}) => {
  await page.goto("/ex1-a");
  for (const count of ["563", "10,603", "7"]) await expect(page.locator("main .card h3", {hasText: count})).toHaveCount(1);
  await expect(page.locator("svg.network-diagram")).toHaveCount(3);
  await expect(page.locator("pre.listing").first()).toContainText("class SmallAutoencoder(nn.Module)");
  await expect(page.locator("pre.listing").nth(1)).toContainText("tf.layers.dense");
  await page.getByRole("radio", {name: "big"}).check();
  await expect(page.locator("pre.listing").first()).toContainText("nn.Linear(50, 50)");
});

test("(a) downloads the trained weights as a PyTorch state_dict", async ({page}) => {
  await page.goto("/ex1-a");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: /Download small weights, seed 0/}).click()]);
  expect(download.suggestedFilename()).toBe("autoencoder-small-seed0.json");
  const dict = JSON.parse(readFileSync(await download.path(), "utf8")) as Record<string, number[] | number[][]>;
  expect(Object.keys(dict)).toEqual([
    "encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias", "encoder.4.weight", "encoder.4.bias",
    "decoder.0.weight", "decoder.0.bias", "decoder.2.weight", "decoder.2.bias", "decoder.4.weight", "decoder.4.bias"
  ]);
  const w0 = dict["encoder.0.weight"] as number[][];
  expect([w0.length, w0[0].length]).toEqual([20, 2]);
  // The values are the trained weights of the snapshot, in order.
  const flat = Object.values(dict).flatMap((v) => (v as unknown[]).flat() as number[]);
  expect(flat).toEqual(snap.models.small.runs.find((r) => r.seed === 0)!.weights);
});

test("(a) the linear model's numbers come from its trained weights", async ({page}) => {
  await page.goto("/ex1-a");
  const w = snap.models.pca.runs.find((r) => r.seed === 0)!.weights;
  await expect(page.locator("main")).toContainText(`u^\\top w = ${(w[0] * w[3] + w[1] * w[4]).toFixed(4)}`.replace("u^\\top w", "").trim());
});

test("(c)/(d) draws untrained and trained decoder curves, states its verdicts, and follows the controls", async ({page}) => {
  await page.goto("/ex1-cd");
  const cards = page.locator("#ex1cd-curves .card");
  await expect(cards).toHaveCount(6);
  for (let i = 0; i < 6; ++i) await expect(cards.nth(i).locator("svg g[aria-label=link]").first()).toBeVisible();
  const table = page.locator("table.verdicts tbody tr");
  await expect(table).toHaveCount(7);
  const held = await page.locator("table.verdicts .verdict.held").count();
  await expect(page.locator("main")).toContainText(`${held} of 7 predictions held`);
  // Zero biases give two rays: the untrained titles report the pieces on a fixed interval.
  await page.getByRole("radio", {name: "TensorFlow.js (zero biases)"}).check();
  await page.getByRole("radio", {name: "a fixed interval [−a, a]"}).check();
  await expect(cards.nth(2)).toContainText(/untrained \(TensorFlow\.js init\): [12] pieces? on \[-3\.00, 3\.00\]/);
  await expect(cards.nth(4)).toContainText(/untrained \(TensorFlow\.js init\): [12] pieces? on \[-3\.00, 3\.00\]/);
});

test("(d) linked view: pointing at a data point draws its reconstruction arrow", async ({page}) => {
  await page.goto("/ex1-cd");
  const figure = page.locator("#ex1cd-linked figure svg:not(.legend), #ex1cd-linked > div > svg").filter({has: page.locator("g[aria-label=dot]")}).first();
  await figure.scrollIntoViewIfNeeded();
  const dot = figure.locator("g[aria-label=dot] circle").first();
  const box = await dot.boundingBox();
  expect(box).not.toBeNull();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await expect(figure.locator("g[aria-label=arrow] path")).toHaveCount(1);
  await expect(figure.locator("g[aria-label=tip]")).toContainText("code z");
});

test("(d) the history scrubber moves the map, the curve and the loss marker together", async ({page}) => {
  await page.goto("/ex1-cd");
  const epoch = page.locator(".scrubber input[type=number]");
  await epoch.fill("200");
  await epoch.press("Enter");
  await expect(page.locator("#watching-it-train ~ div .card").first()).toContainText("epoch 200: MSE");
  await epoch.fill("1000");
  await epoch.press("Enter");
  await expect(page.locator("#watching-it-train ~ div .card").first()).toContainText("epoch 1000: MSE");
});
