// Screenshots of built pages in headless Chromium, for looking at what we build.
// Usage: node scripts/shoot.mjs <base-url> <out-dir> <path>... [--dark] [--width=390] [--from=<css selector>]
//   --from: capture only from the first element matching the selector down to the end of the page
import {chromium} from "@playwright/test";
import {findChromium} from "./chromium.mjs";

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("--"));
const [base, out, ...paths] = args.filter((a) => !a.startsWith("--"));
const dark = flags.includes("--dark");
const width = Number(flags.find((f) => f.startsWith("--width="))?.slice(8) ?? 1280);
const from = flags.find((f) => f.startsWith("--from="))?.slice(7);
const browser = await chromium.launch({executablePath: findChromium(), args: ["--no-sandbox"]});
const page = await browser.newPage({viewport: {width, height: 900}, colorScheme: dark ? "dark" : "light"});
page.on(
  "console",
  (m) => (m.type() === "error" || m.type() === "warning") && console.log(`[${m.type()}] ${m.text()}`)
);
for (const path of paths) {
  await page.goto(base + path, {waitUntil: "networkidle"});
  await page.waitForTimeout(500);
  const name = `${out}/${path.replace(/\W+/g, "_") || "index"}${dark ? "-dark" : ""}-${width}.png`;
  if (from) {
    const top = await page
      .locator(from)
      .first()
      .evaluate((e) => e.getBoundingClientRect().top + scrollY);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const maxHeight = Number(flags.find((f) => f.startsWith("--height="))?.slice(9) ?? 1e9);
    await page.screenshot({
      path: name,
      fullPage: true,
      clip: {x: 0, y: top, width, height: Math.min(maxHeight, height - top)}
    });
  } else {
    await page.screenshot({path: name, fullPage: true});
  }
  console.log(name);
}
await browser.close();
