// "Check your own model": the words and numbers its sentences quote, for the fixtures PyTorch wrote,
// equal to what the page printed when it computed them inline; the downloads' rows; the two runs of
// "go on with it" and what they are compared with.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {loadModel} from "../../src/core/model-file/read.js";
import {specOf} from "../../src/core/model-file/architecture.js";
import {gradeModel} from "../../src/core/model-file/grade.js";
import type {ChosenModel} from "../../src/core/model-file/your-model.js";
import {gradingRecord, reconstructionRows, yourModel} from "../../src/core/model-file/your-model.js";
import {goOnPlan} from "../../src/core/model-file/go-on.js";
import {reconstructionMse} from "../../src/core/autoencoder/models.js";
import {SHEET_SETUP} from "../../src/core/autoencoder/setup.js";
import {fixtureBytes, testReference} from "./model-reference-fixture.js";

const reference = testReference();
const TITLES = {pca: "PCA-like (linear)", small: "small", big: "big"};
const chosen = (name: string, isExample = false): ChosenModel => ({
  name,
  model: loadModel(fixtureBytes(name)),
  isExample
});

describe("the page's sentences", () => {
  it("names a Lightning checkpoint, its layers and its architecture", () => {
    const m = yourModel({chosen: chosen("notebook-big.ckpt"), activation: "sheet"}, reference, TITLES);
    const t = m.text;
    assert.equal(t.checkpoint, ", saved at epoch 24 (global step 300, Lightning 2.1.3)");
    assert.equal(t.format, "Lightning checkpoint");
    assert.equal(t.exampleNote, "");
    assert.ok(t.layers.startsWith("autoencoder.encoder.0 [50, 2], autoencoder.encoder.2 [50, 50], "));
    assert.ok(t.layers.endsWith("autoencoder.decoder.4 [50, 50], autoencoder.decoder.6 [2, 50]"));
    assert.equal(t.ignored, "");
    assert.equal(t.architecture, "{50, 50, 50, 1, 50, 50, 50, 2}");
    assert.equal(t.params, "10,603 parameters");
    assert.equal(t.sheetModel, ": the sheet's big model");
    assert.match(t.assumedActivations, /^ReLU after every hidden layer/);
    // As the page printed them (the published data set is the one sheetData() draws).
    assert.equal(t.pointsName, "the report's 100 points");
    assert.equal(t.mse, "0.1707");
    assert.equal(t.optimum, "0.1780");
    assert.equal(t.ratio, "0.959");
    assert.equal(t.pieces, "99 linear pieces");
    assert.equal(t.turnsX1, "0 times");
    assert.equal(t.turnsX2, "3 times");
    assert.equal(t.smoothNote, "");
    assert.equal(t.linear, undefined);
    assert.equal(t.goOnNote, "");
    assert.match(t.seeds, /^That is higher than every one of the 4 published seeds \(median /);
    assert.match(t.seeds, /trained by this report with the notebook's settings for 1000 epochs\.$/);
    assert.deepEqual(m.seedRuns, reference.models.big.runs);
    assert.equal(m.verdicts.length, 1);
  });

  it("gives the linear model's angles and gain", () => {
    const m = yourModel({chosen: chosen("pca-float64.pt"), activation: "sheet"}, reference, TITLES);
    assert.deepEqual(m.text.linear, {decoderAngle: "11.29", encoderAngle: "30.67", gain: "0.505"});
    assert.equal(m.text.mse, "0.5148");
    assert.equal(m.text.ratio, "2.893");
    assert.equal(m.text.pieces, "1 linear piece");
    assert.equal(m.text.sheetModel, ": the sheet's PCA-like (linear) model");
    assert.equal(m.text.assumedActivations, "none at all for the two-layer linear model");
    assert.equal(m.text.params, "7 parameters");
    // ReLU is not the linear model's own activation: no comparison, no runs.
    const relu = yourModel({chosen: chosen("pca-float64.pt"), activation: "relu"}, reference, TITLES);
    assert.equal(relu.sheetActivations, false);
    assert.equal(relu.text.goOnNote, "They run the sheet's activations only: switch back to them above.");
  });

  it("drops the comparison for another activation, and says a smooth curve has no pieces", () => {
    const m = yourModel({chosen: chosen("small.safetensors"), activation: "tanh"}, reference, TITLES);
    const t = m.text;
    assert.equal(m.sheetActivations, false);
    assert.equal(
      t.seeds,
      "The published seeds are not compared: they were measured on the report's points, with the sheet's activations."
    );
    assert.equal(t.pieces, "4 linear pieces");
    assert.equal(t.turnsX2, "1 time");
    assert.match(t.smoothNote, /^ \(with a smooth activation the curve has no straight pieces/);
    assert.deepEqual(m.seedRuns, []);
    assert.deepEqual(m.verdicts, []);
    assert.equal(m.grade.mse, gradeModel(m.spec, m.params, reference, {sheetActivations: false}).mse);
  });

  it("grades on the reader's own points, and the example says it can be replaced", () => {
    const points = Float64Array.from([0, 0, 1, 0.5, -1, -0.5, 1.5, 0.2]);
    const m = yourModel(
      {chosen: chosen("small.safetensors", true), activation: "sheet", points},
      reference,
      TITLES
    );
    const t = m.text;
    assert.equal(t.exampleNote, " (drop your own file to replace it)");
    assert.equal(t.pointsName, "your 4 points");
    assert.equal(t.mse, "0.1201");
    assert.equal(t.optimum, "0.01381");
    assert.equal(t.ratio, "8.695");
    assert.equal(t.pieces, "19 linear pieces");
    assert.deepEqual(m.shownPoints, [
      [0, 0],
      [1, 0.5],
      [-1, -0.5],
      [1.5, 0.2]
    ]);
    assert.deepEqual(m.verdicts, [], "no verdicts on other points");
    assert.equal(
      t.seeds,
      "The published seeds are not compared: they were measured on the report's points, with the sheet's activations."
    );
    // null (the page's "the report's points") is no own points at all.
    const none = yourModel(
      {chosen: chosen("small.safetensors"), activation: "sheet", points: null},
      reference,
      TITLES
    );
    assert.equal(none.text.pointsName, "the report's 100 points");
    assert.equal(none.shownPoints, reference.data);
  });
});

describe("the downloads", () => {
  it("write one row per point and the grading with its verdicts", () => {
    const m = yourModel({chosen: chosen("small.safetensors"), activation: "sheet"}, reference, TITLES);
    const rows = reconstructionRows(m);
    assert.equal(rows.length, 100);
    assert.deepEqual(rows[3], {
      point: 4,
      x1: reference.data[3][0],
      x2: reference.data[3][1],
      code: m.grade.view.codes[3],
      x1_hat: m.grade.reconstructions[3][0],
      x2_hat: m.grade.reconstructions[3][1]
    });
    const mean = rows.reduce((s, r) => s + (r.x1 - r.x1_hat) ** 2 + (r.x2 - r.x2_hat) ** 2, 0) / 200;
    assert.ok(Math.abs(mean - m.grade.mse) < 1e-12 * m.grade.mse);
    const record = gradingRecord(m);
    assert.equal(record.file, "small.safetensors");
    assert.deepEqual(record.architecture, [20, 10, 1, 10, 20, 2]);
    assert.equal(record.mse, m.grade.mse);
    assert.equal(record.verdicts, m.verdicts);
    assert.equal(record.linear, null);
  });
});

describe("go on with it", () => {
  const m = yourModel({chosen: chosen("small.safetensors"), activation: "sheet"}, reference, TITLES);
  const data = Float64Array.from(reference.data.flat());
  const before = reconstructionMse(specOf(m.arch), m.params, data, 100);

  it("continues with the notebook's settings from the reader's weights", () => {
    const plan = goOnPlan("continue", m.arch, m.sheet, m.params, data);
    assert.equal(plan.job.epochs, SHEET_SETUP.epochs);
    assert.equal(plan.job.lr, SHEET_SETUP.lr);
    assert.equal(plan.job.freezeDecoder, undefined);
    assert.deepEqual(plan.job.initial, Array.from(m.params));
    assert.equal(plan.beforeMse, before);
    assert.equal(
      plan.beforeMse,
      m.grade.mse,
      "on the report's points, the model as it was is the graded one"
    );
    assert.equal(plan.bestEncoderMse, null);
    assert.equal(plan.runName, "your model");
    assert.equal(plan.filename, "your-model-continued-state-dict.json");
  });

  it("runs (g) with the reader's decoder frozen, and the best encoder as the bound", () => {
    const plan = goOnPlan("g", m.arch, m.sheet, m.params, data);
    assert.equal(plan.job.freezeDecoder, true);
    assert.equal(plan.job.reinitEncoder, true);
    assert.ok(plan.bestEncoderMse !== null && plan.bestEncoderMse <= before + 1e-12);
    assert.ok(plan.bestEncoderMse! > 0);
    assert.equal(plan.title, "Retrained encoder, your frozen decoder");
    assert.equal(plan.filename, "your-model-g-retrained-state-dict.json");
  });
});
