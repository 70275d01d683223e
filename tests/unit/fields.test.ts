import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {
  defaults,
  equalValues,
  parseField,
  parseParams,
  refusalMessage,
  toParams
} from "../../src/core/settings/fields.js";
import {RETRAIN_FIELDS, hiddenFor, retrainJobs} from "../../src/core/settings/retrain.js";

describe("settings from the URL", () => {
  it("keeps valid values and refuses text, NaN, negatives, huge and script-like values", () => {
    const params = new URLSearchParams(
      "seed=12&epochs=NaN&lr=-1&batch=1e9&init=<script>x</script>&bigWidth=3.5&smallOuter=30&unknown=1"
    );
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
    assert.deepEqual(
      jobs.map((j) => j.model),
      ["pca", "small", "big"]
    );
    assert.ok(
      jobs.every(
        (j) =>
          j.epochs === 1000 &&
          j.batchSize === 8 &&
          j.lr === 1e-3 &&
          j.init === "torch" &&
          j.optimizer === "adam"
      )
    );
  });
});

describe("typed values", () => {
  const epochs = RETRAIN_FIELDS.find((f) => f.key === "epochs")!;
  const batch = RETRAIN_FIELDS.find((f) => f.key === "batch")!;
  const lr = RETRAIN_FIELDS.find((f) => f.key === "lr")!;

  it("refuses what the issue's reader typed, each with its reason", () => {
    // 1e9 epochs, 2.5 epochs, 10000 epochs (max 5000), −5 epochs, batch 0, lr abc.
    assert.deepEqual(parseField(epochs, "1e9"), {reason: "outside 1–5000"});
    assert.deepEqual(parseField(epochs, "2.5"), {reason: "not a whole number"});
    assert.deepEqual(parseField(epochs, "10000"), {reason: "outside 1–5000"});
    assert.deepEqual(parseField(epochs, "-5"), {reason: "outside 1–5000"});
    assert.deepEqual(parseField(batch, "0"), {reason: "outside 1–100"});
    assert.deepEqual(parseField(lr, "abc"), {reason: "not a number"});
  });

  it("takes a valid value exactly as typed, without rounding it", () => {
    assert.deepEqual(parseField(lr, "0.00123"), {value: 0.00123});
    assert.deepEqual(parseField(epochs, "1000.0"), {value: 1000});
  });

  it("checks multiples when a field has a step", () => {
    const field = {
      key: "epoch",
      label: "epoch",
      kind: "int" as const,
      min: 0,
      max: 1000,
      step: 10,
      value: 1000
    };
    assert.deepEqual(parseField(field, "200"), {value: 200});
    assert.deepEqual(parseField(field, "205"), {reason: "not a multiple of 10"});
    const a = {key: "a", label: "a", kind: "number" as const, min: 0.5, max: 20, step: 0.5, value: 3};
    assert.deepEqual(parseField(a, "2.5"), {value: 2.5});
    assert.ok("reason" in parseField(a, "2.25"));
  });

  it("says beside the box what was refused and what stays in use", () => {
    assert.equal(
      refusalMessage(epochs, "1e9", "outside 1–5000", 1000),
      "“1e9” was not used: outside 1–5000. Epochs stays 1000."
    );
    assert.equal(
      refusalMessage(batch, "", "not a number", 8),
      "An empty box was not used: not a number. Batch size stays 8."
    );
    assert.match(refusalMessage(epochs, "9".repeat(60), "outside 1–5000", 1000), /^“9{24}…” was not used/);
  });

  it("explains the engine and the initialisation in one line each", () => {
    for (const key of ["engine", "init"]) {
      const help = RETRAIN_FIELDS.find((f) => f.key === key)!.help;
      assert.ok(help && help.length > 40 && !help.includes("\n"), key);
    }
  });
});
