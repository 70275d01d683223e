// The SVG/PNG buttons under every figure, on every page: one toolbar per plot, at
// button height (a toolbar that lands in a row of thumbnails must not stretch to
// the row's height), never wider than the page.
import {expect as playwrightExpect, test} from "@playwright/test";
import {builtPages} from "./pages.js";

// This machine may be busy with other builds: allow for slow renders.
const expect = playwrightExpect.configure({timeout: 20_000});

for (const width of [1280, 390]) {
  for (const path of builtPages()) {
    test(`${path} at ${width} px: one toolbar of button height under every plot`, async ({page}) => {
      test.setTimeout(90_000);
      await page.setViewportSize({width, height: 900});
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("main observablehq-loading")).toHaveCount(0, {timeout: 30_000});
      const plots = await page
        .locator("main svg[class^='plot-']")
        .evaluateAll(
          (svgs) => svgs.filter((s) => /^plot-[0-9a-f]+$/.test(s.getAttribute("class") ?? "")).length
        );
      await expect(page.locator("main .figure-tools")).toHaveCount(plots);
      const bars = await page
        .locator("main .figure-tools")
        .evaluateAll((els) =>
          els.map((e) => e.getBoundingClientRect()).map((r) => ({height: r.height, right: r.right}))
        );
      for (const bar of bars) {
        expect(bar.height).toBeLessThan(40);
        expect(bar.right).toBeLessThanOrEqual(width + 1);
      }
    });
  }
}
