import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {defaults, equalValues, parseField, parseParams, toParams} from "../../src/core/fields.js";
import {RETRAIN_FIELDS, hiddenFor, retrainJobs} from "../../src/core/retrain.js";

describe("settings from the URL", () => {
  it("keeps valid values and refuses text, NaN, negatives, huge and script-like values", () => {
    const params = new URLSearchParams("seed=12&epochs=NaN&lr=-1&batch=1e9&init=<script>x</script>&bigWidth=3.5&smallOuter=30&unknown=1");
    const {values, ignored} = parseParams(RETRAIN_FIELDS, params);
    const d = defaults(RETRAIN_FIELDS);
    assert.equal(values.seed, 12);
    assert.equal(values.smallOuter, 30);
    for (const key of ["epochs", "lr", "batch", "init", "bigWidth"]) assert.equal(values[key], d[key], key);
    assert.deepEqual(ignored.map((g) => g.key).sort(), ["batch", "bigWidth", "epochs", "init", "lr"]);
    assert.match(ignored.find((g) => g.key === "bigWidth")!.reason, /whole number/);
    assert.match(ignored.find((g) => g.key === "batch")!.reason, /outside/);
  });

  it("round-trips through URL parameters and writes only what differs from the defaults", () => {
    const values = {...defaults(RETRAIN_FIELDS), seed: 4, lr: 0.003, optimizer: "sgd"};
    const params = toParams(RETRAIN_FIELDS, values);
    assert.equal(params.toString(), "seed=4&lr=0.003&optimizer=sgd");
    const back = parseParams(RETRAIN_FIELDS, params);
    assert.deepEqual(back.ignored, []);
    assert.ok(equalValues(RETRAIN_FIELDS, back.values, values));
    assert.equal(toParams(RETRAIN_FIELDS, defaults(RETRAIN_FIELDS)).toString(), "");
  });

  it("parses numbers strictly", () => {
    const field = RETRAIN_FIELDS.find((f) => f.key === "lr")!;
    assert.deepEqual(parseField(field, "1e-3"), {value: 0.001});
    assert.ok("reason" in parseField(field, "0x10"));
    assert.ok("reason" in parseField(field, "Infinity"));
    assert.ok("reason" in parseField(field, ""));
  });
});

describe("retraining jobs", () => {
  it("reproduce the sheet's architectures with the defaults", () => {
    const d = defaults(RETRAIN_FIELDS);
    assert.deepEqual(hiddenFor("small", d), [20, 10, 1, 10, 20, 2]);
    assert.deepEqual(hiddenFor("big", d), [50, 50, 50, 1, 50, 50, 50, 2]);
    assert.deepEqual(hiddenFor("pca", d), [1, 2]);
    const jobs = retrainJobs(d);
    assert.deepEqual(jobs.map((j) => j.model), ["pca", "small", "big"]);
    assert.ok(jobs.every((j) => j.epochs === 1000 && j.batchSize === 8 && j.lr === 1e-3 && j.init === "torch" && j.optimizer === "adam"));
  });
});
