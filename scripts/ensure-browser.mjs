// Makes sure a Chromium is available for the browser tests: Debian's `chromium` on
// the PATH; otherwise, as root, installs it with apt-get; otherwise says what to install.
import {execFileSync} from "node:child_process";
import {findChromium} from "./chromium.mjs";

export function ensureChromium() {
  let path = findChromium();
  if (path) return path;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      "No Chromium found. Install Debian's chromium (sudo apt-get install -y chromium),\n" +
        "or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again."
    );
    process.exit(1);
  }
  console.log("No Chromium on the PATH: installing Debian's chromium with apt-get …");
  const env = {...process.env, DEBIAN_FRONTEND: "noninteractive"};
  execFileSync("apt-get", ["update", "-qq"], {stdio: "inherit", env});
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
    stdio: "inherit",
    env
  });
  path = findChromium();
  if (!path) {
    console.error("apt-get finished but no chromium binary was found.");
    process.exit(1);
  }
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
