import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {countOf, countOrNo, listing, rate, rateSpan, ratesAfterLengths} from "../../src/core/format/words.js";

describe("generated English at zero, one and many", () => {
  it("counts with the right noun", () => {
    assert.equal(countOrNo(0, "seed"), "no seeds");
    assert.equal(countOrNo(1, "seed"), "1 seed");
    assert.equal(countOrNo(3, "seed"), "3 seeds");
    assert.equal(countOrNo(2, "local minimum", "local minima"), "2 local minima");
    assert.equal(countOf(0, 2, "run"), "none of 2 runs");
    assert.equal(countOf(1, 1, "seed"), "1 of 1 seed");
    assert.equal(countOf(3, 8, "seed"), "3 of 8 seeds");
  });

  it("lists and names learning rates as plain numbers", () => {
    assert.equal(listing([]), "");
    assert.equal(listing(["a"]), "a");
    assert.equal(listing(["a", "b"]), "a and b");
    assert.equal(listing(["a", "b", "c"], "or"), "a, b or c");
    assert.equal(rate(1e-4), "0.0001");
    assert.equal(rate(3e-3), "0.003");
    assert.equal(rate(0.1), "0.1");
    const all = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2];
    assert.equal(rateSpan([], all), "none");
    assert.equal(rateSpan([1e-2], all), "0.01");
    assert.equal(rateSpan([3e-2, 1e-2, 3e-3], all), "0.003 to 0.03");
    assert.equal(rateSpan([1e-4, 1e-2], all), "0.0001 and 0.01");
  });

  it("names the rates after each length, and a length where no rate qualifies as such (never a rate 'none')", () => {
    const all = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2];
    assert.equal(
      ratesAfterLengths({1000: [], 2000: [3e-3]}, all, [1000, 2000]),
      "at no rate after 1000 epochs and at learning rate 0.003 after 2000 epochs"
    );
    assert.equal(
      ratesAfterLengths({1000: [3e-3, 1e-2], 2000: [1e-2]}, all, [1000, 2000]),
      "at learning rate 0.003 to 0.01 after 1000 epochs and at learning rate 0.01 after 2000 epochs"
    );
    assert.equal(ratesAfterLengths({1000: []}, all, [1000]), "at no rate after 1000 epochs");
  });
});
