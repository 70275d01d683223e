// Serves the project's TypeScript modules to a browser page under a path prefix,
// through Playwright's routing (which also reaches the page's workers): `<prefix>x.js`
// is `x.ts` transpiled on the fly, d3-random (the core's one bare import) is mapped
// to its ES module build, and `generated` adds files of the caller's (a worker's
// entry, say). No page of the site is involved. Used by wasm-engine.spec.ts and by
// the benchmark's engine comparison in Chromium.
import type {Page} from "@playwright/test";
import {readFileSync} from "node:fs";
import {join, normalize} from "node:path";
import ts from "typescript";

const SOURCES = [
  /^src\/core\/[\w/.-]+\.ts$/,
  /^bench\/engine-speed\.ts$/,
  /^tests\/browser\/wasm-engine-run\.ts$/
];
const D3_RANDOM = "node_modules/d3-random/dist/d3-random.mjs";

export async function serveModules(
  page: Page,
  prefix: string,
  generated: Readonly<Record<string, string>> = {}
): Promise<void> {
  await page.route(`**${prefix}**`, async (route) => {
    const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname.slice(prefix.length)));
    const js = (body: string) => route.fulfill({contentType: "text/javascript; charset=utf-8", body});
    if (path === "index.html")
      return route.fulfill({
        contentType: "text/html; charset=utf-8",
        body: "<!doctype html><title>modules</title>"
      });
    if (Object.hasOwn(generated, path)) return js(generated[path]);
    if (path === D3_RANDOM) return js(readFileSync(join(process.cwd(), D3_RANDOM), "utf8"));
    const source = path.replace(/\.js$/, ".ts");
    if (!SOURCES.some((pattern) => pattern.test(source))) return route.fulfill({status: 404, body: ""});
    const text = readFileSync(join(process.cwd(), source), "utf8");
    const out = ts.transpileModule(text, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true
      }
    });
    return js(out.outputText.replace(/from "d3-random"/g, `from "${prefix}${D3_RANDOM}"`));
  });
}
