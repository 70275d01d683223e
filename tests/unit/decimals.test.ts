import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as d3 from "d3";
import {decimals, percent, signedPercent, thousands} from "../../src/core/format/decimals.js";

// d3-format is the oracle: the pages wrote these numbers with it before the sentences moved to the core.
describe("numbers as d3-format writes them", () => {
  const values = [
    0,
    -0,
    1e-9,
    -1e-9,
    0.12345,
    -0.12345,
    0.0005,
    -0.0005,
    0.00049,
    1.005,
    2.5,
    -2.5,
    0.045,
    -0.049,
    0.995,
    1e-4,
    3.14159,
    -12.5,
    123.456,
    NaN,
    0.0123456,
    57.3
  ];
  for (const digits of [0, 1, 2, 3, 4]) {
    it(`fixed, percent and signed percent at ${digits} digits`, () => {
      for (const x of values) {
        assert.equal(decimals(x, digits), d3.format(`.${digits}f`)(x), `decimals(${x})`);
        assert.equal(percent(x, digits), d3.format(`.${digits}%`)(x), `percent(${x})`);
        assert.equal(signedPercent(x, digits), d3.format(`+.${digits}%`)(x), `signedPercent(${x})`);
      }
    });
  }

  it("writes a true minus sign, and none on a value that rounds to zero", () => {
    assert.equal(decimals(-0.25, 1), "−0.3");
    assert.equal(decimals(-0.0001, 3), "0.000");
    assert.equal(signedPercent(-0.123), "−12%");
    assert.equal(signedPercent(0.123), "+12%");
  });

  it("groups thousands of whole numbers", () => {
    for (const n of [0, 7, 999, 1000, 20001, 100800, 1234567]) assert.equal(thousands(n), d3.format(",")(n));
  });
});
