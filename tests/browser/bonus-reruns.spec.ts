// Published runs of the bonus pages, reopened through their links, end at the
// published losses to the last bit (the training computes only with operations
// IEEE 754 defines exactly, src/core/engine/portable-math.ts). Every link to the
// playground on these pages is one of the published runs. Replayed here: every run
// of (b) and (c) and every seed of the answer to (a), 13 of the 53; the other 40
// share their code path, and every query parses back to its exact settings
// (tests/unit/playground-links.test.ts). The link of each page's first run is
// clicked on the page and opens it in the playground; one run is replayed as a
// reader would, with Play to the last epoch and every epoch drawn; the others open
// their link with the last epoch named (`at=`), which trains the same run to that
// epoch in the page's worker without drawing each one.
import {expect as playwrightExpect} from "@playwright/test";
import {test} from "./fixtures.js";
import type {Page} from "@playwright/test";
import {builtData} from "./data.js";

// This machine may be busy with other builds: allow for slow renders.
const expect = playwrightExpect.configure({timeout: 20_000});

interface Run {
  readonly query: string;
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly settings: {readonly seed: number; readonly epochs: number};
}
interface Spiral {
  winner: string;
  candidates: {
    name: string;
    run: Run;
    seeds: {seed: number; query: string; trainLoss: number; testLoss: number}[];
  }[];
}

const spiral = builtData<Spiral>("bonus-spiral");
const regularization = builtData<{runs: Record<string, Run>}>("bonus-regularization");
const memorization = builtData<{runs: Run[]}>("bonus-memorization");

interface Published {
  readonly page: string;
  readonly name: string;
  readonly query: string;
  readonly trainLoss: number;
  readonly testLoss: number;
}

/** The epoch a published run stops at, from its link (a published run always names it). */
const epochsOf = (query: string) => Number(new URLSearchParams(query).get("epochs"));

const published: Published[] = [
  ...spiral.candidates
    .filter((c) => c.name === spiral.winner)
    .flatMap((c) =>
      c.seeds.map((s) => ({
        page: "/bonus-a",
        name: `${c.name}, seed ${s.seed}`,
        query: s.query,
        trainLoss: s.trainLoss,
        testLoss: s.testLoss
      }))
    ),
  ...Object.entries(regularization.runs).map(([kind, r]) => ({
    page: "/bonus-b",
    name: kind,
    query: r.query,
    trainLoss: r.trainLoss,
    testLoss: r.testLoss
  })),
  ...memorization.runs.map((r) => ({
    page: "/bonus-c",
    name: `seed ${r.settings.seed}`,
    query: r.query,
    trainLoss: r.trainLoss,
    testLoss: r.testLoss
  }))
];

const allSpiralQueries = spiral.candidates.flatMap((c) => c.seeds.map((s) => s.query));

const playgroundLinks = (page: Page) =>
  page
    .locator("main a[href*='bonus?']")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).search.slice(1)));

/** Opens the link to `run` on its page as a reader would: found, unfolded if need be, clicked. */
async function clickLink(page: Page, run: Published): Promise<void> {
  const href = `a[href="./bonus?${run.query}"]`;
  const link = page.locator(`main ${href}`).first();
  await expect(link).toBeAttached({timeout: 30_000});
  // A run may sit in a table the reader opens.
  if (!(await link.isVisible()))
    await page
      .locator("main details", {has: page.locator(href)})
      .locator("summary")
      .first()
      .click();
  await expect(link).toBeVisible();
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/bonus\\?${run.query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expect(page.locator(".playground")).toHaveAttribute("data-phase", "training", {timeout: 30_000});
}

test("every link to the playground on the bonus pages opens a published run, and every published run has a link", async ({
  page
}) => {
  for (const path of ["/bonus-a", "/bonus-b", "/bonus-c"]) {
    await page.goto(path);
    await expect(page.locator("main a[href*='bonus?']").first()).toBeVisible({timeout: 30_000});
    const linked = new Set(await playgroundLinks(page));
    const queries =
      path === "/bonus-a" ? allSpiralQueries : published.filter((p) => p.page === path).map((r) => r.query);
    expect(
      [...linked].filter((q) => !queries.includes(q)),
      `${path}: links to runs that were not published`
    ).toEqual([]);
    expect(
      queries.filter((q) => !linked.has(q)),
      `${path}: published runs without a link`
    ).toEqual([]);
    // The first published run of the page opens in the playground, paused at epoch 0.
    await clickLink(
      page,
      published.find((p) => p.page === path)!
    );
    await expect(page.locator(".playground")).toHaveAttribute("data-epoch", "0");
  }
});

/** The one run played epoch by epoch, as a reader would: the first seed of the answer to (a). */
const played = published[0];

for (const run of published) {
  const how = run === played ? "its link clicked, then Play" : "its link opened at the last epoch";
  test(`${run.page}: ${run.name} replays (${how}) to the published losses`, async ({page}) => {
    test.setTimeout(180_000);
    if (run === played) {
      await page.goto(run.page);
      await clickLink(page, run);
      await page.getByRole("button", {name: "Play"}).click();
    } else {
      await page.goto(`/bonus?${run.query}&at=${epochsOf(run.query)}`);
    }
    const widget = page.locator(".playground");
    await expect(widget).toHaveAttribute("data-phase", "done", {timeout: 170_000});
    await expect(widget).toHaveAttribute("data-epoch", String(epochsOf(run.query)));
    // The very numbers of the build, not merely the printed digits.
    expect(Number(await widget.getAttribute("data-train-loss")), "training loss").toBe(run.trainLoss);
    expect(Number(await widget.getAttribute("data-test-loss")), "test loss").toBe(run.testLoss);
  });
}
