// Reader-grade checks on every built page, two page loads per page: one in the
// light theme at desktop width, one in the dark theme at 390 px. Each load is
// checked for console errors, failed and outside requests, accessibility
// (axe-core, serious and critical violations), drawn figures with text
// alternatives, live links, data downloads, print, narrow screens and the
// dark theme, and each load for one toolbar of SVG/PNG buttons under every plot.
// The checks of text and layout in page-checks.ts run in the same two loads.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {expect} from "@playwright/test";
import {test} from "./fixtures.js";
import type {Page} from "@playwright/test";
import {
  expectCaptionsWrap,
  expectPlainTickLabels,
  expectProseAgreesInNumber,
  pageChecks
} from "./page-checks.js";
import {builtPages, watch} from "./pages.js";

const pages = builtPages();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core run inside the page over the whole document: the serious and critical
 * violations anywhere, and (for pages held to the stricter bar) every violation
 * inside main except Plot's own aria-prohibited-attr (Plot labels its <g> marks
 * with aria-label and no role; that rule is Plot's, not the page's).
 */
async function axeViolations(page: Page): Promise<{serious: string[]; inMain: string[]}> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Node = {target: string[]};
    type Violation = {id: string; impact?: string; nodes: Node[]};
    const axe = (
      window as unknown as {
        axe: {run(context: Document, options: object): Promise<{violations: Violation[]}>};
      }
    ).axe;
    const {violations} = await axe.run(document, {resultTypes: ["violations"]});
    const main = document.querySelector("main");
    const describe = (v: Violation, nodes: Node[]) =>
      `${v.id} (${v.impact}): ${nodes.length} × ${nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`;
    const inMain = (n: Node) =>
      n.target.length === 1 && !!main?.contains(document.querySelector(n.target[0]));
    return {
      serious: violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => describe(v, v.nodes)),
      inMain: violations
        .filter((v) => v.id !== "aria-prohibited-attr" && v.nodes.some(inMain))
        .map((v) => describe(v, v.nodes.filter(inMain)))
    };
  });
}

/** The bonus pages are held to the stricter bar: no violation of any impact inside main. */
const strict = (path: string) => path.startsWith("/bonus");

async function load(page: Page, path: string): Promise<void> {
  await page.goto(path, {waitUntil: "networkidle"});
  await expect(page.locator("main h1").first()).toBeVisible();
  await expect(page.locator("main observablehq-loading")).toHaveCount(0, {timeout: 30_000});
  // Let late cells and fonts settle.
  await page.waitForTimeout(300);
}

/**
 * The SVG/PNG buttons under every figure: one toolbar per plot, at button height
 * (a toolbar that lands in a row of thumbnails must not stretch to the row's
 * height), never wider than the page.
 */
async function expectFigureToolbars(page: Page, width: number): Promise<void> {
  const plots = await page
    .locator("main svg[class^='plot-']")
    .evaluateAll((svgs) => svgs.filter((s) => /^plot-[0-9a-f]+$/.test(s.getAttribute("class") ?? "")).length);
  await expect(page.locator("main .figure-tools"), "one toolbar per plot").toHaveCount(plots);
  const bars = await page
    .locator("main .figure-tools")
    .evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => ({height: r.height, right: r.right}))
    );
  for (const bar of bars) {
    expect(bar.height, "toolbar height").toBeLessThan(40);
    expect(bar.right, "toolbar inside the page").toBeLessThanOrEqual(width + 1);
  }
}

const textColour = (page: Page) =>
  page.evaluate(() => {
    const svg = document.querySelector("#observablehq-main svg[class^='plot-']");
    return svg ? getComputedStyle(svg).color : getComputedStyle(document.body).color;
  });
const luminance = (rgb: string) =>
  rgb
    .match(/\d+/g)!
    .slice(0, 3)
    .map(Number)
    .reduce((a, b) => a + b, 0);

test("the site has the pages of the report", () => {
  for (const path of [
    "/",
    "/ex1-a",
    "/ex1-b",
    "/ex1-cd",
    "/ex1-e",
    "/ex1-fg",
    "/ex1-h",
    "/bonus",
    "/bonus-a",
    "/bonus-b",
    "/bonus-c"
  ])
    expect(pages).toContain(path);
});

for (const path of pages) {
  test(`${path} in the light theme: loads cleanly, is accessible, draws and describes every figure with its toolbar, writes plain numbers in agreement, links live, offers its data, prints`, async ({
    page,
    baseURL,
    request
  }) => {
    const problems = watch(page, baseURL!);
    await page.setViewportSize({width: 1280, height: 900});
    await page.emulateMedia({colorScheme: "light"});
    await load(page, path);
    await expectFigureToolbars(page, 1280);
    expect(problems.consoleErrors, "console").toEqual([]);
    expect(problems.failedRequests, "failed requests").toEqual([]);
    expect(problems.outsideRequests, "requests outside the site").toEqual([]);
    // The self-hosted serif is in use, not a fallback.
    expect(
      await page.evaluate(
        async () => (await document.fonts.ready, document.fonts.check('16px "Source Serif 4"'))
      )
    ).toBe(true);

    const axe = await axeViolations(page);
    expect(axe.serious, "axe, light").toEqual([]);
    if (strict(path)) expect(axe.inMain, "axe inside main, light").toEqual([]);

    const plots = await page.evaluate(() =>
      [...document.querySelectorAll("#observablehq-main svg")]
        .filter(
          (svg) =>
            /^plot-[0-9a-f]+$/.test(svg.getAttribute("class") ?? "") ||
            svg.classList.contains("network-diagram")
        )
        .map((svg) => {
          const r = svg.getBoundingClientRect();
          const plot = /^plot-/.test(svg.getAttribute("class") ?? "");
          return {
            w: r.width,
            h: r.height,
            marks: svg.querySelectorAll("path, circle, rect, line, image, text").length,
            label: plot ? (svg.getAttribute("aria-label") ?? "").trim() : "-"
          };
        })
    );
    for (const p of plots) {
      expect(p.w).toBeGreaterThan(100);
      expect(p.h).toBeGreaterThan(60);
      expect(p.marks).toBeGreaterThan(3);
      expect(p.label, "every plot has a text alternative").not.toBe("");
    }

    const links = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
        .map((a) => a.href)
        .filter((h) => h.startsWith(location.origin))
    );
    for (const href of new Set(links.map((h) => h.split("#")[0])))
      expect((await request.get(href)).status(), href).toBe(200);

    await expectProseAgreesInNumber(page, path);
    const ticks = await expectPlainTickLabels(page, path);
    if (strict(path)) expect(ticks, "tick labels").toBeGreaterThan(20);
    await pageChecks[path]?.(page, 1280);

    const buttons = page.locator(".data-downloads button");
    expect(await buttons.count(), "data downloads").toBeGreaterThan(0);
    const [file] = await Promise.all([page.waitForEvent("download"), buttons.first().click()]);
    const text = readFileSync(await file.path(), "utf8");
    expect(file.suggestedFilename()).toMatch(/\.(csv|json)$/);
    if (file.suggestedFilename().endsWith(".json")) expect(() => JSON.parse(text)).not.toThrow();
    else expect(text.trim().split("\n").length).toBeGreaterThan(1);

    await page.emulateMedia({media: "print"});
    for (const selector of ["form.settings", ".figure-tools", ".data-downloads", "button.download"]) {
      for (const el of await page.locator(selector).all()) await expect(el).toBeHidden();
    }
    const figures = await page.locator("#observablehq-main svg[class^='plot-']").count();
    const pdf = await page.pdf({format: "A4"});
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    expect(pdf.length).toBeGreaterThan(20_000 + 5_000 * Math.min(figures, 10));
  });

  test(`${path} in the dark theme at 390 px: accessible, nothing overflows, toolbars and captions fit, figures follow the theme`, async ({
    page,
    baseURL
  }) => {
    const problems = watch(page, baseURL!);
    await page.setViewportSize({width: 390, height: 844});
    await page.emulateMedia({colorScheme: "dark"});
    await load(page, path);
    expect(problems.consoleErrors, "console").toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      "overflow at 390 px"
    ).toBeLessThanOrEqual(0);
    await expectFigureToolbars(page, 390);
    const axe = await axeViolations(page);
    expect(axe.serious, "axe, dark").toEqual([]);
    if (strict(path)) expect(axe.inMain, "axe inside main, dark").toEqual([]);
    const dark = await textColour(page);
    await page.emulateMedia({colorScheme: "light"});
    await page.waitForTimeout(200);
    const light = await textColour(page);
    expect(dark).not.toBe(light);
    expect(luminance(dark)).toBeGreaterThan(luminance(light));
    await pageChecks[path]?.(page, 390);
    const captions = await expectCaptionsWrap(page, path, 390);
    if (/^\/bonus-[abc]$/.test(path)) expect(captions, "table captions").toBeGreaterThan(0);
  });
}
