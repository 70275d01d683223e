// Keyboard use and the figure and data downloads (the checks of every page are
// in every-page.spec.ts).
import {readFileSync} from "node:fs";
import {expect} from "@playwright/test";
import {test} from "./fixtures.js";

async function settle(page: import("@playwright/test").Page, path: string): Promise<void> {
  await page.goto(path, {waitUntil: "networkidle"});
  await page.waitForTimeout(300);
}

test("keyboard: a slider moves with the arrow keys, with a visible focus ring, and the URL follows", async ({
  page
}) => {
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
  const [svgFile] = await Promise.all([
    page.waitForEvent("download"),
    tools.getByRole("button", {name: /as SVG/}).click()
  ]);
  expect(svgFile.suggestedFilename()).toMatch(/^ex1-b-.+\.svg$/);
  const svg = readFileSync(await svgFile.path(), "utf8");
  expect(svg).toContain("<svg");
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).not.toContain("var(--");
  const [pngFile] = await Promise.all([
    page.waitForEvent("download"),
    tools.getByRole("button", {name: /as PNG/}).click()
  ]);
  const png = readFileSync(await pngFile.path());
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect(png.length).toBeGreaterThan(5000);
});

test("data downloads: the loss curves as CSV", async ({page}) => {
  await settle(page, "/ex1-b");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "loss per epoch (CSV)"}).click()
  ]);
  const lines = readFileSync(await file.path(), "utf8")
    .trim()
    .split("\n");
  expect(lines[0]).toBe("model,seed,epoch,loss");
  expect(lines.length).toBe(1 + 3 * 1000);
});
