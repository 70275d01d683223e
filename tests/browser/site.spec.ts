import {expect, test} from "@playwright/test";
import {builtPages, watch} from "./pages.js";

const pages = builtPages();

test("the site has the pages of the report", () => {
  expect(pages).toContain("/");
  expect(pages).toContain("/ex1-b");
});

for (const path of pages) {
  test(`${path} loads with no console error, no failed request and nothing from outside`, async ({page, baseURL}) => {
    const problems = watch(page, baseURL!);
    await page.goto(path, {waitUntil: "networkidle"});
    await expect(page.locator("main h1").first()).toBeVisible();
    // Let late cells and fonts settle.
    await page.waitForTimeout(300);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.outsideRequests).toEqual([]);
    // The self-hosted serif is in use, not a fallback.
    const serifLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Source Serif 4"');
    });
    expect(serifLoaded).toBe(true);
  });
}
