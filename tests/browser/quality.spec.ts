// Reader-grade checks on every built page: figures drawn, links alive, narrow
// screens, dark mode, print, keyboard, and the figure downloads.
import {readFileSync} from "node:fs";
import {expect, test} from "@playwright/test";
import {builtPages} from "./pages.js";

const pages = builtPages();

async function settle(page: import("@playwright/test").Page, path: string): Promise<void> {
  await page.goto(path, {waitUntil: "networkidle"});
  await page.waitForTimeout(300);
}

for (const path of pages) {
  test(`${path}: every figure is drawn, and every internal link resolves`, async ({page, request}) => {
    await settle(page, path);
    const plots = await page.evaluate(() =>
      [...document.querySelectorAll("#observablehq-main svg")]
        .filter((svg) => /^plot-[0-9a-f]+$/.test(svg.getAttribute("class") ?? "") || svg.classList.contains("network-diagram"))
        .map((svg) => {
          const r = svg.getBoundingClientRect();
          return {w: r.width, h: r.height, marks: svg.querySelectorAll("path, circle, rect, line, image, text").length};
        })
    );
    for (const p of plots) {
      expect(p.w).toBeGreaterThan(100);
      expect(p.h).toBeGreaterThan(60);
      expect(p.marks).toBeGreaterThan(3);
    }
    const links = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>("a[href]")].map((a) => a.href).filter((h) => h.startsWith(location.origin))
    );
    for (const href of new Set(links.map((h) => h.split("#")[0]))) {
      const response = await request.get(href);
      expect(response.status(), href).toBe(200);
    }
  });

  test(`${path}: offers the data behind its figures as a download`, async ({page}) => {
    await settle(page, path);
    const buttons = page.locator(".data-downloads button");
    expect(await buttons.count()).toBeGreaterThan(0);
    const [file] = await Promise.all([page.waitForEvent("download"), buttons.first().click()]);
    const text = readFileSync(await file.path(), "utf8");
    expect(file.suggestedFilename()).toMatch(/\.(csv|json)$/);
    if (file.suggestedFilename().endsWith(".json")) expect(() => JSON.parse(text)).not.toThrow();
    else expect(text.trim().split("\n").length).toBeGreaterThan(1);
  });

  test(`${path}: nothing overflows a 390 px screen`, async ({page}) => {
    await page.setViewportSize({width: 390, height: 844});
    await settle(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test(`${path}: figures follow the dark theme`, async ({page}) => {
    const textColour = async () =>
      page.evaluate(() => {
        const svg = document.querySelector("#observablehq-main svg[class^='plot-']");
        return svg ? getComputedStyle(svg).color : getComputedStyle(document.body).color;
      });
    await page.emulateMedia({colorScheme: "light"});
    await settle(page, path);
    const light = await textColour();
    await page.emulateMedia({colorScheme: "dark"});
    await page.waitForTimeout(200);
    const dark = await textColour();
    expect(dark).not.toBe(light);
    const luminance = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
    expect(luminance(dark)).toBeGreaterThan(luminance(light));
  });

  test(`${path}: prints the prose and figures without controls`, async ({page}) => {
    await settle(page, path);
    await page.emulateMedia({media: "print"});
    for (const selector of ["form.settings", ".figure-tools", ".data-downloads", "button.download"]) {
      for (const el of await page.locator(selector).all()) await expect(el).toBeHidden();
    }
    const figures = await page.locator("#observablehq-main svg[class^='plot-']").count();
    const pdf = await page.pdf({format: "A4"});
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    expect(pdf.length).toBeGreaterThan(20_000 + 5_000 * Math.min(figures, 10));
  });
}

test("keyboard: a slider moves with the arrow keys, with a visible focus ring, and the URL follows", async ({page}) => {
  await settle(page, "/ex1-b");
  const epochs = page.locator("form.settings input[type=range]").nth(2);
  await epochs.focus();
  const outline = await epochs.evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/[?&]epochs=999\b/);
});

test("figure downloads: SVG with the theme's colours resolved, and PNG", async ({page}) => {
  await settle(page, "/ex1-b");
  const tools = page.locator(".figure-tools").first();
  const [svgFile] = await Promise.all([page.waitForEvent("download"), tools.getByRole("button", {name: /as SVG/}).click()]);
  expect(svgFile.suggestedFilename()).toMatch(/^ex1-b-.+\.svg$/);
  const svg = readFileSync(await svgFile.path(), "utf8");
  expect(svg).toContain("<svg");
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).not.toContain("var(--");
  const [pngFile] = await Promise.all([page.waitForEvent("download"), tools.getByRole("button", {name: /as PNG/}).click()]);
  const png = readFileSync(await pngFile.path());
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect(png.length).toBeGreaterThan(5000);
});

test("data downloads: the loss curves as CSV", async ({page}) => {
  await settle(page, "/ex1-b");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "loss per epoch (CSV)"}).click()]);
  const lines = readFileSync(await file.path(), "utf8").trim().split("\n");
  expect(lines[0]).toBe("model,seed,epoch,loss");
  expect(lines.length).toBe(1 + 3 * 1000);
});

test("every plot on every page has a text alternative", async ({page}) => {
  for (const path of pages) {
    await settle(page, path);
    const missing = await page.evaluate(() =>
      [...document.querySelectorAll("#observablehq-main svg[class^='plot-']")]
        .filter((svg) => /^plot-[0-9a-f]+$/.test(svg.getAttribute("class") ?? ""))
        .filter((svg) => !(svg.getAttribute("aria-label") ?? "").trim()).length
    );
    expect(missing, path).toBe(0);
  }
});
