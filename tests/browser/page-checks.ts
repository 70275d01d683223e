// Checks that every-page.spec.ts runs inside the two loads each page gets (light
// at 1280 px, dark at 390 px), so that a check of text or layout costs no page
// load of its own: the prose agrees in number, axes write plain numbers, table
// captions wrap at 390 px, and the checks of single pages at both widths.
import {expect} from "@playwright/test";
import type {Page} from "@playwright/test";

/** Generated sentences agree in number: no "1 seeds", no "3 epoch", no "seed(s)"; no "learning rate none". */
export async function expectProseAgreesInNumber(page: Page, path: string): Promise<void> {
  // Sentences only: table headers ("seed 1 seed 2 …") are not prose.
  const prose = (await page.locator("main p, main li").allInnerTexts()).join(" ").replace(/\s+/g, " ");
  expect(prose, path).not.toMatch(/\b1 (seeds|points|epochs|parameters|directions|segments|terms)\b/);
  expect(prose, path).not.toMatch(
    /\b([02-9]|\d{2,}) (seed|point|epoch|parameter|direction|segment|term)\b(?! \d)/
  );
  // A list that came out empty, written as a value.
  expect(prose, path).not.toMatch(/\b(rate|rates|seed|seeds|at) none\b/);
  // "seed(s)", "point(s)": a plural left to the reader (not "the sheet's)" or "seed s)").
  expect(prose, path).not.toMatch(/\w\(s\)/);
}

/** Axis tick labels write plain numbers: no SI prefixes (2m, 500µ, 1k). Returns the number of labels. */
export async function expectPlainTickLabels(page: Page, path: string): Promise<number> {
  const labels = await page.locator(`main svg [aria-label$="tick label"] text`).allTextContents();
  expect(
    labels.filter((t) => /\d\s*[yzafpnµumkMGT]$/.test(t.trim())),
    path
  ).toEqual([]);
  return labels.length;
}

/**
 * At 390 px every table caption wraps inside its column instead of scrolling away
 * with the table, and every table keeps its name. Opens every details element, so
 * it comes last in a test. Returns the number of captions.
 */
export async function expectCaptionsWrap(page: Page, path: string, width: number): Promise<number> {
  await page.evaluate(() =>
    document.querySelectorAll("main details").forEach((d) => ((d as HTMLDetailsElement).open = true))
  );
  const captions = await page
    .locator("main figure.table-figure > figcaption")
    .evaluateAll((cs) =>
      cs.map((c) => ({right: c.getBoundingClientRect().right, scroll: c.scrollWidth, client: c.clientWidth}))
    );
  for (const box of captions) {
    expect(box.right, path).toBeLessThanOrEqual(width);
    expect(box.scroll, path).toBeLessThanOrEqual(box.client + 1);
  }
  for (const name of await page
    .locator("main table[aria-labelledby]")
    .evaluateAll((ts) =>
      ts.map((t) => document.getElementById(t.getAttribute("aria-labelledby")!)?.textContent ?? "")
    ))
    expect(name.length, path).toBeGreaterThan(10);
  return captions.length;
}

type Box = {x: number; y: number; right: number; bottom: number};
export const overlap = (a: Box, b: Box) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;

/** Bounding boxes of the elements matching `selector` inside the first element matching `root`. */
export async function boxes(page: Page, root: string, selector: string): Promise<(Box & {text: string})[]> {
  return page
    .locator(root)
    .first()
    .locator(selector)
    .evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return {x: r.x, y: r.y, right: r.right, bottom: r.bottom, text: e.textContent ?? ""};
      })
    );
}

/** Small multiples: `count` thumbnails, each with its two download buttons under it at button height. */
async function expectThumbnails(page: Page, path: string, width: number, count: number): Promise<void> {
  const thumbs = page.locator(".thumbs figure.thumb");
  await expect(thumbs).toHaveCount(count);
  await expect(thumbs.first().locator(".figure-tools button")).toHaveCount(2);
  const sizes = await page
    .locator(".thumbs .figure-tools")
    .evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().height));
  expect(sizes.length, `${path} at ${width} px`).toBe(count);
  for (const h of sizes) expect(h, `${path} at ${width} px`).toBeLessThan(40);
  // Nothing but thumbnails in the row.
  expect(await page.locator(".thumbs > :not(figure.thumb)").count()).toBe(0);
}

/** (b): the three 6 × 8 networks drawn large enough to read. */
async function expectReadableNetworks(page: Page, width: number): Promise<void> {
  const nets = page.locator(".reg-networks .network-figure svg");
  await expect(nets).toHaveCount(3);
  for (let k = 0; k < 3; ++k) {
    const node = await nets.nth(k).locator("g.node rect").first().boundingBox();
    expect(node!.width, `network ${k} at ${width} px`).toBeGreaterThanOrEqual(width > 800 ? 28 : 16);
  }
}

/** (b): every bar of the weight histogram inside the x axis, the three panels apart. */
async function expectHistogramInsideItsAxis(page: Page): Promise<void> {
  const hist = page.locator("main svg").filter({hasText: "exactly 0"}).first();
  await expect(hist).toBeVisible();
  const axis = await hist
    .locator('[aria-label="x-axis tick"] path, [aria-label="x-axis tick"] line')
    .evaluateAll((ticks) => {
      const xs = ticks.map((t) => t.getBoundingClientRect().x);
      return {lo: Math.min(...xs), hi: Math.max(...xs)};
    });
  const bars = await hist
    .locator("g[aria-label=rect] rect")
    .evaluateAll((rects) =>
      rects.map((r) => r.getBoundingClientRect()).map((b) => ({x: b.x, right: b.right}))
    );
  expect(bars.length).toBeGreaterThan(10);
  const frames = await hist
    .locator("g[aria-label=frame] rect")
    .evaluateAll((rects) =>
      rects
        .map((r) => r.getBoundingClientRect())
        .map((b) => ({x: b.x, right: b.right, top: b.top, bottom: b.bottom}))
    );
  expect(frames.length).toBe(3);
  for (const b of bars) {
    expect(b.x).toBeGreaterThanOrEqual(frames[0].x - 0.5);
    expect(b.right).toBeLessThanOrEqual(frames[0].right + 0.5);
  }
  expect(axis.hi - axis.lo).toBeGreaterThan(0);
  for (let k = 1; k < frames.length; ++k) expect(frames[k].top - frames[k - 1].bottom).toBeGreaterThan(8);
}

/** (c): the reference line is named under the plot, clear of the curves and of every axis text. */
async function expectReferenceLabelClear(page: Page): Promise<void> {
  const chart = page.locator("main .card svg").filter({hasText: "answering 0 everywhere"}).first();
  await expect(chart).toBeVisible();
  const label = (await chart.locator("text", {hasText: "answering 0 everywhere"}).boundingBox())!;
  const curves = await chart
    .locator("g[aria-label=line] path")
    .evaluateAll((paths) => paths.map((p) => (p as SVGGraphicsElement).getBoundingClientRect().bottom));
  expect(label.y).toBeGreaterThanOrEqual(Math.max(...curves));
  const axisTexts = await boxes(
    page,
    "main .card svg:has-text('answering 0 everywhere')",
    '[aria-label$="axis tick label"] text, [aria-label$="axis label"] text'
  );
  expect(axisTexts.length).toBeGreaterThan(4);
  const box = {x: label.x, y: label.y, right: label.x + label.width, bottom: label.y + label.height};
  for (const t of axisTexts) expect(overlap(t, box), `over "${t.text}"`).toBe(false);
}

/** The checks of single pages, run in both loads (`width` is 1280 or 390). */
export const pageChecks: Readonly<Record<string, (page: Page, width: number) => Promise<void>>> = {
  "/bonus-a": (page, width) => expectThumbnails(page, "/bonus-a", width, 9),
  "/bonus-b": async (page, width) => {
    await expectReadableNetworks(page, width);
    if (width > 800) await expectHistogramInsideItsAxis(page);
  },
  "/bonus-c": async (page, width) => {
    await expectThumbnails(page, "/bonus-c", width, 5);
    if (width > 800) await expectReferenceLabelClear(page);
  }
};
