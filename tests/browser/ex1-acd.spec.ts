import {readFileSync} from "node:fs";
import {expect} from "@playwright/test";
import {test} from "./fixtures.js";
import {builtData} from "./data.js";

interface Snapshot {
  config: {seeds: number[]};
  pca: {optimumMse: number};
  data: number[][];
  models: Record<
    string,
    {
      params: number;
      runs: {
        seed: number;
        final: {mse: number};
        weights: number[];
        analysis: {initShape: {pieces: number}};
      }[];
    }
  >;
}
const snap = builtData<Snapshot>("autoencoders");

/** /ex1-cd computes its curves and verdicts from 4 MB of data: wait for them, allowing for a busy machine. */
async function loaded(page: import("@playwright/test").Page): Promise<void> {
  await expect(page.locator("#ex1cd-curves .card")).toHaveCount(6, {timeout: 30_000});
}

test("(a) shows the three networks with their parameter counts and both listings", async ({page}) => {
  await page.goto("/ex1-a");
  for (const count of ["563", "10,603", "7"])
    await expect(page.locator("main .card h3", {hasText: count})).toHaveCount(1);
  await expect(page.locator("svg.network-diagram")).toHaveCount(3);
  await expect(page.locator("pre.listing").first()).toContainText("class SmallAutoencoder(nn.Module)");
  await expect(page.locator("pre.listing").nth(1)).toContainText("tf.layers.dense");
  await page.getByRole("radio", {name: "big"}).check();
  await expect(page.locator("pre.listing").first()).toContainText("nn.Linear(50, 50)");
});

test("(a) downloads the trained weights as a PyTorch state_dict", async ({page}) => {
  await page.goto("/ex1-a");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: /Download small weights, seed 0/}).click()
  ]);
  expect(download.suggestedFilename()).toBe("autoencoder-small-seed0.json");
  const dict = JSON.parse(readFileSync(await download.path(), "utf8")) as Record<
    string,
    number[] | number[][]
  >;
  expect(Object.keys(dict)).toEqual([
    "encoder.0.weight",
    "encoder.0.bias",
    "encoder.2.weight",
    "encoder.2.bias",
    "encoder.4.weight",
    "encoder.4.bias",
    "decoder.0.weight",
    "decoder.0.bias",
    "decoder.2.weight",
    "decoder.2.bias",
    "decoder.4.weight",
    "decoder.4.bias"
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
  await expect(page.locator("main")).toContainText(
    `u^\\top w = ${(w[0] * w[3] + w[1] * w[4]).toFixed(4)}`.replace("u^\\top w", "").trim()
  );
});

test("(a) another seed changes the linear model's numbers and the weights offered", async ({page}) => {
  await page.goto("/ex1-a");
  const w = snap.models.pca.runs.find((r) => r.seed === 3)!.weights;
  await page.getByLabel("seed").selectOption("3");
  await expect(page.locator("main")).toContainText(`The trained linear model of seed 3 bears this out`);
  await expect(page.locator("main")).toContainText((w[0] * w[3] + w[1] * w[4]).toFixed(4));
  await page.getByRole("radio", {name: "big"}).check();
  await expect(page.getByRole("button", {name: /Download big weights, seed 3/})).toBeVisible();
  const mse = snap.models.big.runs.find((r) => r.seed === 3)!.final.mse;
  await expect(page.locator("main")).toContainText(`Full-data MSE of these weights: ${mse}.`);
});

test("(c)/(d) draws untrained and trained decoder curves, states its verdicts, and follows the controls", async ({
  page
}) => {
  await page.goto("/ex1-cd");
  await loaded(page);
  const cards = page.locator("#ex1cd-curves .card");
  // The page computes its verdicts and curves from 4 MB of data: allow for a busy machine.
  await expect(cards).toHaveCount(6, {timeout: 20_000});
  for (let i = 0; i < 6; ++i)
    await expect(cards.nth(i).locator("svg g[aria-label=link]").first()).toBeVisible();
  const table = page.locator("table.verdicts tbody tr");
  await expect(table).toHaveCount(7);
  const held = await page.locator("table.verdicts .verdict.held").count();
  await expect(page.locator("main")).toContainText(`In the published runs, ${held} of 7 predictions held.`);
  // Zero biases give two rays: the untrained titles report the pieces on a fixed interval.
  await page.getByRole("radio", {name: "TensorFlow.js (zero biases)"}).check();
  await page.getByRole("radio", {name: "a fixed interval [−a, a]"}).check();
  await expect(cards.nth(2)).toContainText(
    /untrained \(TensorFlow\.js init, seed 0\): (1 piece|2 pieces) on \[-3\.00, 3\.00\]/
  );
  await expect(cards.nth(4)).toContainText(
    /untrained \(TensorFlow\.js init, seed 0\): (1 piece|2 pieces) on \[-3\.00, 3\.00\]/
  );
});

test("(d) linked view: pointing at a data point draws its reconstruction arrow", async ({page}) => {
  await page.goto("/ex1-cd");
  await loaded(page);
  const figure = page
    .locator("#ex1cd-linked figure svg:not(.legend), #ex1cd-linked > div > svg")
    .filter({has: page.locator("g[aria-label=dot]")})
    .first();
  await figure.scrollIntoViewIfNeeded();
  const dot = figure.locator("g[aria-label=dot] circle").first();
  const box = await dot.boundingBox();
  expect(box).not.toBeNull();
  // The chosen point's arrow is drawn without a pointer; pointing adds the pointed one's.
  await expect(figure.locator("g[aria-label=arrow] path")).toHaveCount(1);
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await expect(figure.locator("g[aria-label=arrow] path")).toHaveCount(2);
  await expect(figure.locator("g[aria-label=tip]")).toContainText("code z");
});

test("(d) the history scrubber moves the map, the curve and the loss marker together", async ({page}) => {
  await page.goto("/ex1-cd");
  await loaded(page);
  const epoch = page.locator(".scrubber input[type=number]");
  await epoch.fill("200");
  await epoch.press("Enter");
  await expect(page.locator("#watching-it-train ~ div .card").first()).toContainText("epoch 200: MSE");
  await epoch.fill("1000");
  await epoch.press("Enter");
  await expect(page.locator("#watching-it-train ~ div .card").first()).toContainText("epoch 1000: MSE");
});

test("(d) every view is a link: seed, interval, initialisation, point, models and epoch go into the URL and come back", async ({
  page
}) => {
  // Four loads of the longest page: 35 s on a quiet machine, near the default 60 s on a busy one.
  test.setTimeout(120_000);
  await page.goto("/ex1-cd");
  await loaded(page);
  await page.locator(".switch .field[data-key=curveSeed] select").selectOption("3");
  await page.getByRole("radio", {name: "a fixed interval [−a, a]"}).check();
  const a = page.locator(".switch .field[data-key=a] input[type=number]");
  await a.fill("5");
  await a.press("Enter");
  await page.getByRole("radio", {name: "TensorFlow.js (zero biases)"}).check();
  await expect(page).toHaveURL(/curveSeed=3/);
  await expect(page).toHaveURL(/interval=fixed/);
  await expect(page).toHaveURL(/[?&]a=5\b/);
  await expect(page).toHaveURL(/untrained=tfjs/);
  const url = page.url();
  await page.goto(url);
  await loaded(page);
  const cards = page.locator("#ex1cd-curves .card");
  await expect(cards.nth(2)).toContainText("small, untrained (TensorFlow.js init, seed 3)", {
    timeout: 20_000
  });
  await expect(cards.nth(2)).toContainText("on [-5.00, 5.00]");
  await expect(cards.nth(3)).toContainText("trained (published, seed 3)");
  await expect(page.locator(".link-notice")).toContainText(
    "In (d) What the decoders draw: seed 3, latent interval a fixed interval [−a, a], a (fixed interval) 5 and untrained: initialisation TensorFlow.js (zero biases)."
  );
  // The other views.
  await page.goto("/ex1-cd?pointModel=small&point=17&historyModel=pca&historyEpoch=200");
  await loaded(page);
  await expect(page.locator("#ex1cd-linked")).toContainText("small, published seed 0");
  await expect(page.locator(".point-readout")).toContainText("Point 17 at");
  await expect(page.locator("#watching-it-train ~ div .card").first()).toContainText("epoch 200: MSE");
  await expect(page.locator(".scrubber input[type=number]")).toHaveValue("200");
  // Refused view values are named beside the control and at the top, and the default shown.
  await page.goto("/ex1-cd?curveSeed=99&a=0.3&point=abc");
  await loaded(page);
  await expect(page.locator(".switch .notice", {hasText: "curveSeed=99"})).toContainText("showing 0");
  await expect(page.locator(".link-notice")).toContainText("curveSeed=99");
  await expect(page.locator(".link-notice")).toContainText("a=0.3 (outside 0.5–20)");
  await expect(page.locator(".link-notice")).toContainText("point=abc (not a number)");
});

test("(d) a data point can be chosen with the keyboard or by a click or tap, and its arrow and numbers follow", async ({
  page
}) => {
  await page.goto("/ex1-cd");
  await loaded(page);
  await expect(page.locator(".point-readout")).toBeVisible({timeout: 20_000});
  const box = page.locator(".switch .field[data-key=point] input[type=number]");
  await box.fill("17");
  await box.press("Enter");
  await expect(page).toHaveURL(/[?&]point=17\b/);
  const [x1, x2] = snap.data[16];
  const readout = page.locator(".point-readout");
  await expect(readout).toContainText(`Point 17 at (${x1.toFixed(3)}, ${x2.toFixed(3)}) has the code z = `);
  const figure = page
    .locator("#ex1cd-linked svg[class^=plot-]")
    .filter({has: page.locator("g[aria-label=dot]")})
    .first();
  await expect(figure).toContainText("point 17: z = ");
  await expect(figure.locator("g[aria-label=arrow] path")).toHaveCount(1);
  // The slider's arrow keys step through the points.
  await page.locator(".switch .field[data-key=point] input[type=range]").focus();
  await page.keyboard.press("ArrowRight");
  await expect(readout).toContainText("Point 18 at");
  // A click (or a tap) on a point chooses it.
  const target = figure.locator("g[aria-label=dot]").first().locator("circle").nth(41);
  await target.scrollIntoViewIfNeeded();
  const b = (await target.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.up();
  await expect(readout).toContainText("Point 42 at");
  await expect(page).toHaveURL(/[?&]point=42\b/);
});

test("(d) frames hold the whole decoder curve, mark where one leaves, and explain the untrained dots", async ({
  page
}) => {
  await page.goto("/ex1-cd");
  await loaded(page);
  const cards = page.locator("#ex1cd-curves .card");
  await expect(cards).toHaveCount(6, {timeout: 20_000});
  // Seed 0's trained small decoder runs above the rectangle: the frame holds it.
  const trainedSmall = cards
    .nth(3)
    .locator("svg[class^=plot-]")
    .filter({has: page.locator("rect[aria-label=frame]")});
  const frame = (await trainedSmall.locator("rect[aria-label=frame]").boundingBox())!;
  const curve = (await trainedSmall.locator("g[aria-label=link]").last().boundingBox())!;
  expect(curve.y).toBeGreaterThanOrEqual(frame.y - 2);
  expect(curve.y + curve.height).toBeLessThanOrEqual(frame.y + frame.height + 2);
  expect(curve.x + curve.width).toBeLessThanOrEqual(frame.x + frame.width + 2);
  await expect(cards.nth(3)).not.toContainText("leaves the frame");
  // The untrained curves that show as a dot are circled and explained on the figure.
  for (const k of [2, 4])
    await expect(cards.nth(k).locator("svg[class^=plot-]").last()).toContainText(
      "the whole curve lies inside the ring"
    );
  // Rays far beyond the rectangle: cut at the frame's limit, and the exits marked.
  await page.goto("/ex1-cd?interval=fixed&a=20&untrained=tfjs");
  await loaded(page);
  await expect(page.locator("#ex1cd-curves .card").nth(4)).toContainText("the curve leaves the frame", {
    timeout: 20_000
  });
});

test("(c)/(d) text: captions do not say left and right, numbers agree with their nouns, no −0.00, plain-number loss axes", async ({
  page
}) => {
  await page.goto("/ex1-cd?interval=fixed&a=3&untrained=tfjs");
  await loaded(page);
  const caption = page.locator("p", {hasText: "Each row is one architecture"});
  await expect(page.locator("#ex1cd-curves .card")).toHaveCount(6, {timeout: 20_000});
  await expect(caption).toHaveCount(1);
  expect(await caption.innerText()).not.toMatch(/\b(left|right)\b/i);
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/\b1 (pieces|turns|epochs|seeds|times)\b/);
  expect(text).not.toMatch(/[-−]0\.0+\b/);
  const ticks = await page
    .locator("#watching-it-train ~ div .card")
    .nth(1)
    .locator("g[aria-label='y-axis tick label'] text")
    .allTextContents();
  expect(ticks.filter(Boolean).length).toBeGreaterThan(1);
  for (const t of ticks) expect(t).toMatch(/^(\d+(\.\d+)?)?$/);
});

test("(c)/(d) after a retrain: the published curve stays under the reader's, and the verdicts are computed for the reader's run", async ({
  page
}) => {
  await page.goto("/ex1-cd?epochs=60#retrain-and-watch-the-decoder");
  await loaded(page);
  await page.locator("#ex1cd-live").scrollIntoViewIfNeeded();
  for (const m of ["pca", "small", "big"])
    await expect(page.locator(`.progress-row[data-model=${m}]`)).toHaveAttribute("data-phase", "done", {
      timeout: 40_000
    });
  const panels = page.locator("#ex1cd-live .card");
  for (let k = 0; k < 3; ++k) {
    await expect(panels.nth(k)).toContainText("your run");
    await expect(panels.nth(k)).toContainText("grey: published, seed 0");
    // The published curve (one grey path) under the reader's (coloured segments).
    await expect(panels.nth(k).locator("svg g[aria-label=line] path")).toHaveCount(1);
    await expect(panels.nth(k).locator("svg g[aria-label=link]")).toHaveCount(1);
  }
  const table = page.locator("table.verdicts");
  await expect(table.locator("thead th")).toHaveCount(5);
  await expect(table.locator("thead")).toContainText("measured: your run");
  // The untrained rows of seed 0 are the same draws as the published seed 0: the same functions give the same counts.
  const pieces = snap.models.small.runs.find((r) => r.seed === 0)!.analysis.initShape.pieces;
  await expect(table.locator("tbody tr").nth(2).locator("td").nth(3)).toContainText(
    `${pieces} piece${pieces === 1 ? "" : "s"}; length`
  );
  await expect(page.locator("main")).toContainText(
    /In the published runs, \d of 7 predictions held; in your run, \d of 7( \(not: [^)]*\))?\./
  );
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "your decoder curves (CSV)"}).click()
  ]);
  expect(csv.suggestedFilename()).toBe("ex1cd-decoder-curves-yours-seed0_epochs60.csv");
  expect(readFileSync(await csv.path(), "utf8").split("\n")[0]).toBe(
    "run,seed,lr,epochs,batch,init,optimizer,smallOuter,smallInner,bigWidth,bigDepth,engine,model,epoch,z,x1,x2"
  );
  await expect(
    page.getByRole("button", {name: "Download your big weights as a PyTorch state_dict"})
  ).toBeVisible();
});
