// The playground names a published run when a link opens one (the one definition of
// "published", core/settings/published.ts) and, when the run ends, says whether this
// page reached the published losses; other settings show no such note.
import {expect as playwrightExpect} from "@playwright/test";
import {test} from "./fixtures.js";
import {builtData} from "./data.js";

// This machine may be busy with other builds: allow for slow renders.
const expect = playwrightExpect.configure({timeout: 20_000});

const regularization = builtData<{
  runs: Record<string, {query: string; trainLoss: number; testLoss: number}>;
}>("bonus-regularization");

test("a link to a published run: the note names it, and the run ends at its losses", async ({page}) => {
  test.setTimeout(180_000);
  const run = regularization.runs.l2;
  await page.goto(`/bonus?${run.query}`);
  const note = page.locator(".playground-published");
  await expect(note).toBeVisible({timeout: 30_000});
  await expect(note).toContainText("A published run: L2 of (b)");
  await expect(note.getByRole("link", {name: "(b)"})).toHaveAttribute("href", "./bonus-b");
  await expect(page.locator(".playground")).toHaveAttribute("data-phase", "training", {timeout: 30_000});
  await page.getByRole("button", {name: "Play"}).click();
  await expect(page.locator(".playground")).toHaveAttribute("data-phase", "done", {timeout: 170_000});
  await expect(note).toHaveAttribute("data-matches", "true");
  await expect(note).toContainText("The published run, reproduced");
  await expect(note).toContainText(`training loss ${run.trainLoss.toFixed(4)}`);
  // Both loss curves over the whole run (1,000 epochs: more than the figure draws, so thinned).
  const curves = page.locator("figure", {hasText: "Loss per epoch"}).locator("g[aria-label=line] path");
  await expect(curves).toHaveCount(2);
  for (const d of await curves.evaluateAll((paths) => paths.map((p) => p.getAttribute("d") ?? "")))
    expect(d.split(/[LM]/).length, "points on each curve").toBeGreaterThan(400);
  // Another seed is not a published run: the note goes away.
  await page.locator(".playground-settings .control[data-key=seed] input[type=number]").fill("77");
  await page.locator(".playground-settings .control[data-key=seed] input[type=number]").press("Enter");
  await expect(note).toBeHidden();
});

test("the playground's own settings show no published note", async ({page}) => {
  await page.goto("/bonus");
  await expect(page.locator(".playground")).toHaveAttribute("data-phase", "training", {timeout: 30_000});
  await expect(page.locator(".playground-published")).toBeHidden();
});
