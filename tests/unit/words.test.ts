import assert from "node:assert/strict";
import {describe, it, test} from "node:test";
import {agree, count, listing, noun, numberWord, placement, sci, share} from "../../src/core/format/words.js";

describe("numbers in generated sentences", () => {
  it("count agrees with zero, one and many", () => {
    assert.equal(count(0, "point"), "0 points");
    assert.equal(count(1, "point"), "1 point");
    assert.equal(count(2, "point"), "2 points");
    assert.equal(count(1500, "epoch"), "1,500 epochs");
    assert.equal(count(1, "child", "children"), "1 child");
    assert.equal(count(3, "child", "children"), "3 children");
    assert.equal(noun(1, "seed"), "seed");
    assert.equal(noun(0, "seed"), "seeds");
  });

  it("verbs agree too", () => {
    assert.equal(`1 ${agree(1, "lies", "lie")}`, "1 lies");
    assert.equal(agree(0, "does", "do"), "do");
    assert.equal(agree(4, "does", "do"), "do");
  });

  it("a share of a group is named as a sentence names it", () => {
    assert.deepEqual(
      [0, 1, 2].map((k) => share(k, 2)),
      ["neither", "one", "both"]
    );
    assert.deepEqual(
      [0, 1, 3, 5].map((k) => share(k, 5)),
      ["none", "one", "three of the five", "all five"]
    );
    assert.equal(share(1, 1), "the one");
    assert.equal(share(12, 20), "12 of the 20");
    assert.throws(() => share(3, 2), /not a share/);
  });

  it("small numbers as words, lists with commas and a conjunction", () => {
    assert.equal(numberWord(0), "no");
    assert.equal(numberWord(7), "seven");
    assert.equal(numberWord(11), "11");
    assert.equal(listing([]), "");
    assert.equal(listing(["a"]), "a");
    assert.equal(listing(["a", "b"]), "a and b");
    assert.equal(listing(["a", "b", "c"], "or"), "a, b or c");
  });
});

describe("where the members of a group ended up", () => {
  it("names the places that have some, with a verb that agrees", () => {
    const at = (t: number, u: number) =>
      placement(2, [
        [t, "in the training set"],
        [u, "in the test set"]
      ]);
    assert.equal(at(2, 0), "both lie in the training set");
    assert.equal(at(1, 1), "one lies in the training set and one in the test set");
    assert.equal(at(0, 2), "both lie in the test set");
    assert.equal(at(0, 0), "neither lies in the training set or in the test set");
    assert.equal(
      placement(5, [
        [3, "left"],
        [2, "right"]
      ]),
      "three of the five lie left and two of the five right"
    );
    assert.equal(
      placement(5, [
        [1, "left"],
        [4, "right"]
      ]),
      "one lies left and four of the five right"
    );
    assert.equal(
      placement(3, [
        [0, "left"],
        [3, "right"]
      ]),
      "all three lie right"
    );
  });
});

test("sci: scientific notation with superscript exponents", () => {
  assert.equal(sci(3.2e-16), "3.2·10⁻¹⁶");
  assert.equal(sci(12345, 2), "1.23·10⁴");
  assert.equal(sci(0.5), "5.0·10⁻¹");
});
