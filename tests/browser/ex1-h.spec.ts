import {readFileSync} from "node:fs";
import {expect as baseExpect} from "@playwright/test";
import {test} from "./fixtures.js";
import {builtData, median} from "./data.js";
import {builtPages} from "./pages.js";

// These pages draw many figures from large data files: on a busy machine they need more than the default five seconds.
const expect = baseExpect.configure({timeout: 20_000});

interface Curve {
  problem: string;
  seed: number;
  optimizer: string;
  batchSize: number;
  learningRate: number;
  examplesSeen: number;
  finalMse: number | null;
}
interface GdSgd {
  plan: {
    budget: number;
    fullBatch: number;
    miniBatch: number;
    learningRates: Record<string, number[]>;
    sharedLr: Record<string, number>;
    seeds: Record<string, number[]>;
  };
  curves: Curve[];
}
interface Entry {
  optimizer: string;
  batchSize: number;
  learningRate: number;
  examplesSeen: number;
  seeds: number[];
  finalMse: (number | null)[];
}
interface Summary {
  ex1: {
    seeds: number[];
    gdVsSgd: Entry[];
    gdVsSgdAutoencoder: (Entry & {model: string})[];
    gdVsSgdTuned: {
      reading: string;
      model: string;
      optimizer: string;
      batchSize: number;
      bestLearningRate: number | null;
      seeds: number[];
      finalMse: (number | null)[];
    }[];
  };
}
const gd = builtData<GdSgd>("gd-sgd");
const summary = builtData<Summary>("summary");
const P = gd.plan;
const problemKey = (reading: string, model: string) =>
  reading === "frozenDecoder" ? "frozen-decoder" : `whole-${model}`;
const worstFirst = (xs: (number | null)[]) => median(xs.map((x) => (x === null ? Infinity : x)));

test("the summary keys hold every method of both readings, on the same budget of examples", () => {
  expect(builtPages()).toContain("/ex1-h");
  for (const lrs of Object.values(P.learningRates)) {
    expect(lrs.length).toBeGreaterThanOrEqual(5);
    expect(lrs.at(-1)! / lrs[0]).toBeGreaterThanOrEqual(99.9);
  }
  expect(P.learningRates.adam).toContain(1e-3);
  expect(P.budget).toBeGreaterThanOrEqual(100_000);
  // Existing key: the frozen decoder at the shared rates.
  expect(summary.ex1.gdVsSgd).toHaveLength(4);
  for (const g of summary.ex1.gdVsSgd) {
    expect(g.learningRate).toBe(P.sharedLr[g.optimizer]);
    expect(g.examplesSeen).toBe(P.budget);
  }
  // Reading A: small and big, both optimisers and batch sizes, every learning rate, per seed.
  const A = summary.ex1.gdVsSgdAutoencoder;
  expect(A).toHaveLength(2 * 2 * 2 * 5);
  for (const a of A) {
    const curves = gd.curves
      .filter(
        (c) =>
          c.problem === `whole-${a.model}` &&
          c.optimizer === a.optimizer &&
          c.batchSize === a.batchSize &&
          c.learningRate === a.learningRate
      )
      .sort((x, y) => x.seed - y.seed);
    expect(a.seeds).toEqual(curves.map((c) => c.seed));
    expect(a.finalMse).toEqual(curves.map((c) => c.finalMse));
    if (a.finalMse.every((x) => x !== null)) expect(a.examplesSeen).toBe(P.budget);
  }
  // Tuned: each method's best rate is the one with the lowest median final MSE (diverged counts as worst).
  const T = summary.ex1.gdVsSgdTuned;
  expect(T).toHaveLength(3 * 2 * 2);
  for (const t of T) {
    const mine = gd.curves.filter(
      (c) =>
        c.problem === problemKey(t.reading, t.model) &&
        c.optimizer === t.optimizer &&
        c.batchSize === t.batchSize
    );
    const byLr = P.learningRates[t.optimizer].map((lr) => ({
      lr,
      m: worstFirst(mine.filter((c) => c.learningRate === lr).map((c) => c.finalMse))
    }));
    const best = byLr.reduce((a, b) => (b.m < a.m ? b : a));
    expect(t.bestLearningRate).toBe(best.lr);
    expect(worstFirst(t.finalMse)).toBe(best.m);
  }
});

test("exercise 1 (h) draws the sweep of every method and quotes the tuned results", async ({page}) => {
  await page.goto("/ex1-h");
  const main = page.locator("main");
  for (const p of ["frozen-decoder", "whole-small", "whole-big"]) {
    for (const o of ["sgd", "adam"])
      await expect(main.locator(`.card[data-sweep=${p}-${o}] svg`).first()).toBeVisible();
  }
  const tunedTable = main.locator("table").filter({hasText: "best rate"});
  await expect(tunedTable.locator("tbody tr")).toHaveCount(12);
  const frozenAdamFull = summary.ex1.gdVsSgdTuned.find(
    (t) => t.reading === "frozenDecoder" && t.optimizer === "adam" && t.batchSize === P.fullBatch
  )!;
  await expect(tunedTable.locator("tbody tr").nth(2)).toContainText(String(frozenAdamFull.bestLearningRate));
  const who = main.locator("table").filter({hasText: "per second"});
  await expect(who.locator("tbody tr")).toHaveCount(12);
  await expect(main).toContainText("The whole autoencoder, each side at its best rate.");
  await expect(main).toContainText("The frozen decoder of (g), each side at its best rate.");
  await expect(main).toContainText("Does tuning change the answer?");
  // The learning curves of the chosen problem, with a band or line per batch size.
  for (const o of ["sgd", "adam"])
    await expect(main.locator(`.card[data-optimizer=${o}] svg`).first()).toBeVisible();
  await expect(main.locator(".card[data-optimizer=sgd]")).toContainText("training examples seen");
  // Measuring conditions stay out of the prose.
  const inProse = await main.evaluate(
    (m) =>
      [...m.querySelectorAll("p")].filter(
        (p) => p.textContent?.includes("load average") && !p.closest("details")
      ).length
  );
  expect(inProse).toBe(0);
  await expect(main.locator("details")).toContainText("load average");
});

test("the axis switch redraws over updates and modelled time, and goes into the URL", async ({page}) => {
  await page.goto("/ex1-h?seed=0&problem=whole-big");
  await expect(page.locator(".source-note").first()).toContainText("whole autoencoder, big");
  await page.getByLabel("updates", {exact: true}).check();
  await expect(page).toHaveURL(/[?&]axis=updates\b/);
  await expect(page).toHaveURL(/[?&]problem=whole-big\b/);
  await expect(page.locator(".card[data-optimizer=adam]")).toContainText("parameter updates");
  await page.goto("/ex1-h?axis=time");
  await expect(page.locator(".card[data-optimizer=sgd]")).toContainText("modelled wall time (s)");
  await page.goto("/ex1-h?axis=sideways&budget=1e9");
  await expect(page.locator(".switch .notice")).toContainText("axis=sideways");
  await expect(page.locator("form.settings .notice")).toContainText("budget=1e9");
  await expect(page.locator(".card[data-optimizer=sgd]")).toContainText("training examples seen");
});

test("a run in the page trains all four curves over the published ones, and its weights download with their settings", async ({
  page
}) => {
  test.setTimeout(90_000);
  await page.goto("/ex1-h?problem=whole-small&batch=4&budget=2");
  const rows = page.locator(".progress-row");
  await expect(rows).toHaveCount(4);
  for (let i = 0; i < 4; ++i)
    await expect(rows.nth(i)).toHaveAttribute("data-phase", /done|diverged/, {timeout: 60_000});
  await expect(page.locator(".progress-panel")).toContainText("mini-batch 4");
  for (const o of ["sgd", "adam"]) {
    const card = page.locator(`.card[data-optimizer=${o}]`);
    await expect(card).toContainText("your run: full batch (100)");
    await expect(card).toContainText("published: full batch (100)");
    // Two faint published lines (one seed) and two of the reader's.
    await expect(card.locator("svg g[aria-label=line] path")).toHaveCount(4);
  }
  await expect(page.locator("#ex1h-figures")).toContainText(
    "Faint: the published runs at the sweep's rate nearest to yours"
  );
  await expect(page.locator("#ex1h-figures")).toContainText(
    "Your runs, compared by the same functions as the published ones: plain SGD: per example,"
  );
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "your Adam, mini-batch 4 weights (state_dict, JSON)"}).click()
  ]);
  expect(file.suggestedFilename()).toBe(
    "ex1h-small-state-dict_your-run_problemwhole-small_seed0_batch4_sgdLr0.1_adamLr0.001_budget2_optimizeradam_batchSize4.json"
  );
  const dict = JSON.parse(readFileSync(await file.path(), "utf8")) as Record<string, number[][]>;
  expect(dict["encoder.0.weight"]).toHaveLength(20);
  expect(dict["decoder.4.weight"]).toHaveLength(2);
});
