import AxeBuilder from "@axe-core/playwright";
import {expect, test} from "@playwright/test";
import {builtPages} from "./pages.js";

for (const path of builtPages()) {
  for (const scheme of ["light", "dark"] as const) {
    test(`${path} (${scheme}): no serious or critical accessibility violation`, async ({page}) => {
      await page.emulateMedia({colorScheme: scheme});
      await page.goto(path, {waitUntil: "networkidle"});
      await page.waitForTimeout(300);
      const results = await new AxeBuilder({page}).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      expect(serious).toEqual([]);
    });
  }
}
