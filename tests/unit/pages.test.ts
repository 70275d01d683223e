// The pages' JavaScript (```js cells of src/*.md) is not read by ESLint (no
// maintained plugin reads Framework's Markdown cells), so this test checks what
// the linter would: every name a page imports is used on the page, and every
// relative import resolves to a file.
import assert from "node:assert/strict";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";

const pages = readdirSync("src").filter((f) => f.endsWith(".md"));

/** The names an import statement binds, e.g. {a, b as c} → a, c; * as X → X; X → X. */
function boundNames(clause: string): string[] {
  const names: string[] = [];
  const braces = clause.match(/\{([^}]*)\}/);
  if (braces)
    for (const part of braces[1].split(","))
      if (part.trim())
        names.push(
          part
            .trim()
            .split(/\s+as\s+/)
            .pop()!
            .replace(/^type\s+/, "")
        );
  const star = clause.match(/\*\s+as\s+(\w+)/);
  if (star) names.push(star[1]);
  const plain = clause.replace(/\{[^}]*\}/, "").match(/^\s*(\w+)\s*(,|$)/);
  if (plain && plain[1] !== "type") names.push(plain[1]);
  return names;
}

for (const page of pages) {
  test(`src/${page}: every imported name is used and every relative import exists`, () => {
    const text = readFileSync(join("src", page), "utf8");
    const imports = [...text.matchAll(/^import\s+([\s\S]*?)\s+from\s+"([^"]+)";?$/gm)];
    let rest = text;
    for (const m of imports) rest = rest.replace(m[0], "");
    rest = rest.replaceAll("...", " ");
    const unused: string[] = [];
    for (const [, clause, source] of imports) {
      if (clause.startsWith("type ")) continue;
      for (const name of boundNames(clause))
        if (!new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(rest))
          unused.push(`${name} (from ${source})`);
      if (source.startsWith(".")) {
        const file = join("src", source).replace(/\.js$/, ".ts");
        assert.ok(existsSync(file) || existsSync(join("src", source)), `${source} does not exist`);
      }
    }
    assert.deepEqual(unused, [], "imported and never used");
  });
}

/**
 * A page is a written answer: its JavaScript (```js cells and the `${…}` in the
 * prose) is under a third of its characters. Analysis, verdicts and figures live
 * in src/core and src/components; a page holds imports, data, one settings
 * section, figure calls and short interpolations.
 */
export function javaScriptShare(text: string): number {
  const cells = [...text.matchAll(/```js\n([\s\S]*?)```/g)].reduce((n, m) => n + m[1].length, 0);
  const prose = text.replace(/```js\n[\s\S]*?```/g, "");
  const inline = [...prose.matchAll(/\$\{([\s\S]*?)\}/g)].reduce((n, m) => n + m[1].length, 0);
  return (cells + inline) / text.length;
}

test("javaScriptShare counts cells and interpolations", () => {
  assert.equal(javaScriptShare("ab\n```js\nxyz\n```\n"), 4 / 17);
  assert.equal(javaScriptShare("a ${b} c"), 1 / 8);
  assert.equal(javaScriptShare("plain prose"), 0);
});

for (const page of pages) {
  test(`src/${page}: under a third of the page is JavaScript`, () => {
    const share = javaScriptShare(readFileSync(join("src", page), "utf8"));
    assert.ok(share < 1 / 3, `${(share * 100).toFixed(1)} % of the page is JavaScript`);
  });
}
