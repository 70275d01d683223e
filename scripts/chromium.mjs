// Finds a Chromium for Playwright: $CHROMIUM_PATH, then Debian's chromium on the PATH.
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && existsSync(c)) return c;
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      return execFileSync("which", [name], {encoding: "utf8"}).trim();
    } catch {
      // not on the PATH
    }
  }
  return null;
}
