// The `test` of every browser spec: Playwright's, with one browser tab per test
// worker instead of one per test. Opening a tab starts a renderer process and
// loads every module of a page from nothing; kept between tests, the tab reuses
// its process and the browser's cache (the built files carry a content hash and
// are served as immutable), which halves the cost of a page load in this suite.
//
// Each test still starts from a clean state: the tab is on about:blank, with the
// default viewport, screen media and light theme, no routes and no listeners
// (each test opens its page with `goto`). A test that fails gets a new tab for
// the next one, so a page stuck in a bad state cannot spread.
import {test as base} from "@playwright/test";
import type {BrowserContext, Page} from "@playwright/test";

/** The worker's tab, and a way to replace it with a new one. */
interface Tab {
  context: BrowserContext;
  page: Page;
  renew(): Promise<void>;
}

const VIEWPORT = {width: 1280, height: 720};

export const test = base.extend<object, {tab: Tab}>({
  tab: [
    async ({browser}, use, workerInfo) => {
      const tab = {} as Tab;
      tab.renew = async () => {
        await tab.context?.close().catch(() => undefined);
        tab.context = await browser.newContext({
          baseURL: workerInfo.project.use.baseURL,
          viewport: VIEWPORT,
          acceptDownloads: true
        });
        tab.page = await tab.context.newPage();
      };
      await tab.renew();
      await use(tab);
      await tab.context.close();
    },
    {scope: "worker"}
  ],
  page: async ({tab}, use, testInfo) => {
    await use(tab.page);
    const page = tab.page;
    const clean = async () => {
      page.removeAllListeners();
      await page.unrouteAll({behavior: "ignoreErrors"});
      await page.goto("about:blank", {timeout: 10_000});
      await page.setViewportSize(VIEWPORT);
      await page.emulateMedia({media: "screen", colorScheme: "light"});
    };
    const cleaned = () =>
      clean().then(
        () => true,
        () => false
      );
    const reusable = testInfo.status === testInfo.expectedStatus && (await cleaned());
    if (!reusable) await tab.renew();
  },
  // A test that asks for `context` gets the tab's.
  context: async ({tab}, use) => {
    await use(tab.context);
  }
});
