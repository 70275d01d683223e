import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {defaults} from "../../src/core/settings/fields.js";
import {RETRAIN_FIELDS} from "../../src/core/settings/retrain.js";
import {runFileName, settingsColumns, settingsSlug, settingsText} from "../../src/core/live/run-label.js";
import {count, fixed, listing, spanCount} from "../../src/core/format/words.js";

const d = defaults(RETRAIN_FIELDS);

describe("which run: settings in words, file names and columns", () => {
  it("names the settings that differ, and the seed always", () => {
    const v = {...d, seed: 3, lr: 0.01, epochs: 2000};
    assert.equal(settingsText(RETRAIN_FIELDS, v, ["seed"]), "seed 3, learning rate 0.01, epochs 2000");
    assert.equal(settingsText(RETRAIN_FIELDS, d, ["seed"]), "the published settings, seed 0");
  });

  it("puts them into file names with only safe characters", () => {
    const v = {...d, seed: 3, lr: 0.01, optimizer: "sgd"};
    const slug = settingsSlug(RETRAIN_FIELDS, v, ["seed"]);
    assert.equal(slug, "seed3_lr0.01_optimizersgd");
    assert.equal(
      runFileName("ex1b-epoch-loss.csv", "reader", slug),
      "ex1b-epoch-loss-yours-seed3_lr0.01_optimizersgd.csv"
    );
    assert.equal(runFileName("ex1b-epoch-loss.csv", "published", slug), "ex1b-epoch-loss.csv");
    assert.match(
      settingsSlug([{key: "x", label: "x", kind: "enum", options: ["a b/c"], value: "z"}], {x: "a b/c"}),
      /^xa-b-c$/
    );
  });

  it("writes every setting as a column", () => {
    const cols = settingsColumns(RETRAIN_FIELDS, {...d, batch: 16});
    assert.deepEqual(
      Object.keys(cols),
      RETRAIN_FIELDS.map((f) => f.key)
    );
    assert.equal(cols.batch, 16);
    assert.equal(cols.lr, 0.001);
  });
});

describe("generated sentences", () => {
  it("agree in number at one, zero and many", () => {
    assert.equal(count(1, "epoch"), "1 epoch");
    assert.equal(count(0, "epoch"), "0 epochs");
    assert.equal(count(2000, "epoch"), "2,000 epochs");
    assert.equal(spanCount(1, 1, "piece"), "1 piece");
    assert.equal(spanCount(3, 3, "turn"), "3 turns");
    assert.equal(spanCount(2, 5, "piece"), "2–5 pieces");
    assert.equal(listing(["a"]), "a");
    assert.equal(listing(["a", "b", "c"]), "a, b and c");
  });

  it("never write −0.00", () => {
    assert.equal(fixed(-0.001, 2), "0.00");
    assert.equal(fixed(-0.006, 2), "-0.01");
    assert.equal(fixed(0.004, 2), "0.00");
  });
});
