// The one definition of "published" (core/settings/published.ts) and the
// reactive value a live section hands the page (components/training/observe.ts).
import assert from "node:assert/strict";
import {test} from "node:test";
import {observe} from "../../src/components/training/observe.js";
import {ENCODER_RETRAIN_FIELDS} from "../../src/core/exercises/fg/encoder-retrain.js";
import {defaults} from "../../src/core/settings/fields.js";
import {isPublished, isPublishedValues} from "../../src/core/settings/published.js";
import {RETRAIN_FIELDS} from "../../src/core/settings/retrain.js";

test("published: defaults with a published seed; any other value, an unpublished seed or a retrain press is not", () => {
  const d = defaults(RETRAIN_FIELDS);
  const choices = {seed: [0, 1, 2]};
  assert.equal(isPublishedValues(RETRAIN_FIELDS, d, choices), choices.seed.includes(Number(d.seed)));
  assert.equal(isPublishedValues(RETRAIN_FIELDS, {...d, seed: 2}, choices), true);
  assert.equal(isPublishedValues(RETRAIN_FIELDS, {...d, seed: 9}, choices), false);
  const other = RETRAIN_FIELDS.find((f) => f.key !== "seed" && f.kind === "int")!;
  assert.equal(
    isPublishedValues(RETRAIN_FIELDS, {...d, seed: 1, [other.key]: Number(other.value) + 1}, choices),
    false
  );
  assert.equal(isPublished(RETRAIN_FIELDS, {values: {...d, seed: 1}, retrain: 0}, choices), true);
  assert.equal(isPublished(RETRAIN_FIELDS, {values: {...d, seed: 1}, retrain: 1}, choices), false);
  // "any": every value of the field counts as published.
  assert.equal(
    isPublishedValues(ENCODER_RETRAIN_FIELDS, {...defaults(ENCODER_RETRAIN_FIELDS), seed: 7}, {seed: "any"}),
    true
  );
});

test("observe: the latest value when pulled, a pending pull resolved by the next value, return() disposes at once", async () => {
  let notify: (v: number) => void = () => {};
  let disposed = 0;
  const values = observe<number>((n) => {
    notify = n;
    return () => ++disposed;
  });
  notify(1);
  notify(2);
  assert.equal(await values.next().value, 2, "values that came while nobody pulled: the latest");
  const pending = values.next().value;
  notify(3);
  assert.equal(await pending, 3);
  values.next(); // a pull left pending, as when the page re-runs the cell
  assert.deepEqual(values.return(), {done: true, value: undefined});
  assert.equal(disposed, 1);
  values.return();
  assert.equal(disposed, 1, "disposed once");
});
