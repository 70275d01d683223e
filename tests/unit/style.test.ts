// The stylesheet parses as written: every block closed, none closed twice (an
// unclosed block silently swallows every rule after it).
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {test} from "node:test";

test("src/style.css: braces balance, and every top-level rule starts at depth 0", () => {
  const css = readFileSync("src/style.css", "utf8").replace(/\/\*[\s\S]*?\*\//g, (c) =>
    c.replace(/[^\n]/g, " ")
  );
  let depth = 0;
  css.split("\n").forEach((line, i) => {
    if (/^[^\s}]/.test(line))
      assert.equal(depth, 0, `line ${i + 1} starts a rule inside an unclosed block: ${line}`);
    for (const c of line) {
      if (c === "{") depth++;
      else if (c === "}") depth--;
      assert.ok(depth >= 0, `line ${i + 1} closes a block that was never opened`);
    }
  });
  assert.equal(depth, 0, "a block is left open at the end");
});
