// Helpers shared by the browser tests: the built pages and a page watcher.
import {readdirSync} from "node:fs";
import type {Page} from "@playwright/test";

/** Every page of the built site, as a clean path ("/", "/ex1-b", …). */
export function builtPages(): string[] {
  return readdirSync("dist")
    .filter((f) => f.endsWith(".html") && f !== "404.html")
    .map((f) => (f === "index.html" ? "/" : `/${f.slice(0, -5)}`))
    .sort();
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  outsideRequests: string[];
}

/** Records console errors, failed requests and requests outside the site's origin. */
export function watch(page: Page, origin: string): PageProblems {
  const problems: PageProblems = {consoleErrors: [], failedRequests: [], outsideRequests: []};
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning")
      problems.consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.consoleErrors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"))
      problems.outsideRequests.push(url);
  });
  page.on("requestfailed", (r) => problems.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.failedRequests.push(`${r.url()} (${r.status()})`);
  });
  return problems;
}
