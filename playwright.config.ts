import {defineConfig} from "@playwright/test";
// @ts-expect-error: a plain ES module without type declarations
import {findChromium} from "./scripts/chromium.mjs";

// TEST_PORT lets two test runs on one machine use different ports.
const PORT = Number(process.env.TEST_PORT ?? 4173);

export default defineConfig({
  testDir: "tests/browser",
  reporter: "list",
  timeout: 60_000,
  // A page renders in ~1 s on an idle 2-core machine and in 3-6 s when it is busy:
  // assertions wait up to 15 s before they fail.
  expect: {timeout: 15_000},
  workers: 2,
  // Tests of one file may run on both workers: the every-page file alone is a third of the suite.
  fullyParallel: true,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic"
      ]
    }
  },
  webServer: {
    command: `node scripts/serve.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false
  }
});
