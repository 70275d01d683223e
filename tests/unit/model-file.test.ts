// The model-file readers against files written by PyTorch (tests/fixtures/model-files/make_fixtures.py):
// every tensor equal to the value PyTorch saved, bit for bit; every bad file refused with its message;
// the architecture inferred; the grading against constructed models with known answers.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import {readModelFile, checkSize} from "../../src/core/model-file/read.js";
import {ModelFileError} from "../../src/core/model-file/state-dict.js";
import {flatParams, inferArchitecture, notation, specOf} from "../../src/core/model-file/architecture.js";
import {
  gradeModel,
  placeSentence,
  readerVerdicts,
  seedPlace,
  sheetName
} from "../../src/core/model-file/grade.js";
import {reconstruct, sheetModel} from "../../src/core/autoencoder/models.js";
import {sheetData} from "../../src/core/autoencoder/snapshot.js";
import {testReference} from "./model-reference-fixture.js";

const DIR = new URL("../fixtures/model-files/", import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));
interface ExpectedTensor {
  shape: number[];
  dtype: string;
  values: number[];
}
const expected = JSON.parse(readFileSync(new URL("expected.json", DIR), "utf8")) as Record<
  string,
  Record<string, ExpectedTensor>
> & {
  outputs: Record<string, number[][]> & {points: number[][]};
};

function expectedTensors(name: string): Record<string, ExpectedTensor> {
  const e = expected[name] as unknown as {sameAs?: string; prefix?: string};
  if (!e.sameAs) return expected[name];
  return Object.fromEntries(Object.entries(expected[e.sameAs]).map(([k, v]) => [`${e.prefix}${k}`, v]));
}

const GOOD = [
  "notebook-big.ckpt",
  "notebook-big-state-dict.pt",
  "small.safetensors",
  "pca-float64.pt",
  "small-report.json"
];

describe("model-file readers", () => {
  for (const name of GOOD) {
    it(`${name}: every tensor equals PyTorch's, bit for bit`, () => {
      const {dict} = readModelFile(bytes(name));
      const want = expectedTensors(name);
      assert.deepEqual(Object.keys(dict), Object.keys(want));
      for (const [key, t] of Object.entries(want)) {
        assert.deepEqual(dict[key].shape, t.shape, key);
        assert.equal(dict[key].dtype, t.dtype, key);
        assert.deepEqual(Array.from(dict[key].data), t.values, key);
      }
    });
  }

  it("tells the formats apart by content and reads a checkpoint's metadata", () => {
    assert.equal(readModelFile(bytes("notebook-big.ckpt")).format, "Lightning checkpoint");
    assert.deepEqual(readModelFile(bytes("notebook-big.ckpt")).checkpoint, {
      epoch: 24,
      globalStep: 300,
      version: "2.1.3"
    });
    assert.equal(readModelFile(bytes("notebook-big-state-dict.pt")).format, "PyTorch zip");
    assert.equal(readModelFile(bytes("small.safetensors")).format, "safetensors");
    assert.equal(readModelFile(bytes("small-report.json")).format, "JSON state_dict");
  });

  const BAD: [string, RegExp][] = [
    ["bad-not-a-model.txt", /not a model file the page knows/],
    ["bad-empty.pt", /empty \(0 bytes\)/],
    ["bad-no-data-pkl.zip", /no data\.pkl/],
    ["bad-legacy.pt", /legacy format.*save it again/],
    ["bad-whole-module.pt", /whole pickled module \(__main__\.Autoencoder\).*state_dict\(\)/],
    ["bad-truncated.pt", /damaged or cut short/],
    ["bad-nan.pt", /encoder\.0\.weight holds NaN/],
    ["bad-float16.pt", /stored as float16.*v\.float\(\)/],
    ["bad-bfloat16.pt", /stored as bfloat16/],
    ["bad-big-endian.pt", /big-endian/]
  ];
  for (const [name, message] of BAD) {
    it(`${name} is refused: ${message.source}`, () => {
      assert.throws(
        () => readModelFile(bytes(name)),
        (e: Error) => e instanceof ModelFileError && message.test(e.message)
      );
    });
  }

  it("refuses a file over 50 MB before reading it", () => {
    assert.throws(() => checkSize(51 * 2 ** 20), /51 MB, over the page's limit of 50 MB/);
    assert.doesNotThrow(() => checkSize(60_000));
  });

  it("a JSON file with NaN (Python's json writes it) says the run diverged", () => {
    assert.throws(
      () => readModelFile(new TextEncoder().encode('{"encoder.0.weight": [[NaN, 1]]}')),
      /diverged/
    );
  });
});

describe("architecture", () => {
  it("infers the notebook's big model under the Lightning prefix", () => {
    const arch = inferArchitecture(readModelFile(bytes("notebook-big.ckpt")).dict);
    assert.equal(notation(arch.hidden), "{50, 50, 50, 1, 50, 50, 50, 2}");
    assert.equal(arch.params, 10_603);
    assert.equal(arch.prefix, "autoencoder.");
    assert.equal(arch.layers[0].name, "autoencoder.encoder.0");
    assert.equal(arch.linear, false);
    assert.equal(sheetName(arch.hidden), "big");
  });

  it("the linear model has no activation; the small one ReLUs except bottleneck and output", () => {
    const pca = inferArchitecture(readModelFile(bytes("pca-float64.pt")).dict);
    assert.equal(pca.linear, true);
    assert.deepEqual(specOf(pca).activations, ["linear", "linear"]);
    const small = inferArchitecture(readModelFile(bytes("small.safetensors")).dict);
    assert.deepEqual(specOf(small).activations, ["relu", "relu", "linear", "relu", "relu", "linear"]);
    assert.deepEqual(specOf(small, "tanh").activations, ["tanh", "tanh", "linear", "tanh", "tanh", "linear"]);
  });

  const BAD: [string, RegExp][] = [
    [
      "bad-widths-do-not-chain.pt",
      /widths do not chain: encoder\.0 has 1 outputs but the next layer, decoder\.0, takes 3 inputs/
    ],
    ["bad-no-bottleneck.pt", /No bottleneck of width 1: the narrowest layer of \{4, 2\} has 4 neurons/],
    ["bad-input-width-3.pt", /takes 3 inputs; the sheet's points have 2/]
  ];
  for (const [name, message] of BAD) {
    it(`${name} is refused`, () =>
      assert.throws(() => inferArchitecture(readModelFile(bytes(name)).dict), message));
  }

  for (const name of ["notebook-big-state-dict.pt", "small.safetensors", "pca-float64.pt"]) {
    it(`${name}: the forward pass on the flat parameters gives PyTorch's reconstructions`, () => {
      const dict = readModelFile(bytes(name)).dict;
      const arch = inferArchitecture(dict);
      const y = reconstruct(
        specOf(arch),
        flatParams(dict, arch),
        expected.outputs.points.flat(),
        expected.outputs.points.length
      );
      const want = expected.outputs[name].flat();
      want.forEach((v, k) => assert.ok(Math.abs(y[k] - v) < 1e-12, `${name} output ${k}: ${y[k]} vs ${v}`));
    });
  }
});

const TITLES = {pca: "PCA-like", small: "small", big: "big"};

describe("grading", () => {
  const reference = testReference();

  it("the PCA-optimal linear model: MSE equals the optimum, angle 0, the linear verdict holds", () => {
    const {mean, components} = reference.pca;
    const [v1, v2] = components[0];
    // z = v·(x − mean), x̂ = mean + v z: flat [w1, w2, b, u1, u2, c1, c2].
    const params = Float64Array.of(v1, v2, -(v1 * mean[0] + v2 * mean[1]), v1, v2, mean[0], mean[1]);
    const grade = gradeModel(sheetModel("pca"), params, reference, {sheetActivations: true});
    assert.ok(Math.abs(grade.ratio - 1) < 1e-12, `ratio ${grade.ratio}`);
    assert.ok(grade.linear!.decoderAngle < 1e-6);
    assert.equal(grade.sheet, "pca");
    assert.deepEqual(grade.seeds && [grade.seeds.lower, grade.seeds.seeds], [0, 2]);
    const [v] = readerVerdicts(grade, params, reference, TITLES);
    assert.equal(v.reader.held, true);
    assert.match(v.reader.measured, /direction 0\.00° from it/);
  });

  it("a random linear model: above the optimum, its verdict fails", () => {
    const dict = readModelFile(bytes("pca-float64.pt")).dict;
    const arch = inferArchitecture(dict);
    const params = flatParams(dict, arch);
    const grade = gradeModel(specOf(arch), params, reference, {sheetActivations: true});
    assert.ok(grade.ratio > 1.5, `ratio ${grade.ratio}`);
    assert.equal(readerVerdicts(grade, params, reference, TITLES)[0].reader.held, false);
  });

  it("the notebook's big model: curve pieces, seed place and the ReLU verdict measured with the same functions", () => {
    const dict = readModelFile(bytes("notebook-big.ckpt")).dict;
    const arch = inferArchitecture(dict);
    const params = flatParams(dict, arch);
    const grade = gradeModel(specOf(arch), params, reference, {sheetActivations: true});
    assert.equal(grade.sheet, "big");
    assert.equal(grade.reconstructions.length, 100);
    assert.equal(grade.view.grid.length, 64 * 32);
    assert.ok(grade.shape.pieces >= 1);
    assert.equal(grade.seeds!.lower, reference.models.big.runs.filter((r) => r.mse < grade.mse).length);
    // The reference's "published" big model is this very model: both columns must say the same.
    const [v] = readerVerdicts(grade, params, reference, TITLES);
    assert.equal(v.reader.measured, v.published.measured);
    assert.equal(v.reader.held, v.published.held);
  });

  it("no seed comparison with other activations or on the reader's own points", () => {
    const dict = readModelFile(bytes("small.safetensors")).dict;
    const arch = inferArchitecture(dict);
    const params = flatParams(dict, arch);
    assert.equal(
      gradeModel(specOf(arch, "tanh"), params, reference, {sheetActivations: false}).seeds,
      undefined
    );
    const own = gradeModel(specOf(arch), params, reference, {
      sheetActivations: true,
      points: Float64Array.of(0, 0, 1, 0.5, -1, -0.5)
    });
    assert.equal(own.seeds, undefined);
    assert.equal(own.reconstructions.length, 3);
  });

  it("places an MSE among the seeds", () => {
    assert.deepEqual(seedPlace(0.003, "big", reference), {
      model: "big",
      seeds: 4,
      lower: 2,
      same: [],
      min: 0.001,
      median: 0.003,
      max: 0.008
    });
  });

  it("a published model dropped back in is named as that seed, not counted above or below it", () => {
    const place = seedPlace(0.004 * (1 + 2e-6), "big", reference);
    assert.deepEqual([place.lower, place.same], [2, [2]]);
    assert.equal(
      placeSentence(place),
      "the MSE of published seed 2 to four significant digits, lower than 1 and higher than 2 of the other 3 published seeds (median 0.00300, range 0.00100–0.00800)"
    );
    assert.match(
      placeSentence(seedPlace(0.003, "big", reference)),
      /^lower than 2 and higher than 2 of the 4 published seeds/
    );
  });
});

describe("the reader's own points", () => {
  it("reads CSV with a header, and JSON pairs", async () => {
    const {parsePoints} = await import("../../src/core/model-file/points.js");
    assert.deepEqual(Array.from(parsePoints("x1,x2\n0.5,-1\n1.5,0.25\n")), [0.5, -1, 1.5, 0.25]);
    assert.deepEqual(Array.from(parsePoints("[[1, 2], [3, 4]]")), [1, 2, 3, 4]);
    assert.throws(() => parsePoints("x1,x2\n1,2,3\n4,5\n"), /Row 1 of the points is not two finite numbers/);
    assert.throws(() => parsePoints("1,2"), /at least two rows/);
  });
});

describe("go on with it", () => {
  it("continues training and runs (g) on the reader's weights, with the best encoder as the bound", async () => {
    const {continueJob, frozenDecoderJob, bestEncoderMse} =
      await import("../../src/core/model-file/go-on.js");
    const {runJob} = await import("../../src/core/exercises/fg/encoder-retrain.js");
    const {reconstructionMse} = await import("../../src/core/autoencoder/models.js");
    const dict = readModelFile(bytes("small.safetensors")).dict;
    const arch = inferArchitecture(dict);
    const params = flatParams(dict, arch);
    const spec = specOf(arch);
    const data = sheetData();
    const before = reconstructionMse(spec, params, data, 100);
    const more = runJob(continueJob(arch, "small", params, 20));
    assert.deepEqual(Array.from(more.start), Array.from(params));
    assert.ok(reconstructionMse(spec, more.end, data, 100) < before, "more training lowers the MSE");
    const g = runJob(frozenDecoderJob(arch, "small", params, 20));
    const decoderFrom = spec.widths
      .slice(0, spec.encoderLayers + 1)
      .reduce((s, w, l, ws) => (l === 0 ? 0 : s + (ws[l - 1] + 1) * w), 0);
    assert.deepEqual(
      Array.from(g.end.subarray(decoderFrom)),
      Array.from(params.subarray(decoderFrom)),
      "the decoder stays frozen"
    );
    assert.notDeepEqual(
      Array.from(g.start.subarray(0, decoderFrom)),
      Array.from(params.subarray(0, decoderFrom)),
      "the encoder is redrawn"
    );
    const best = bestEncoderMse(spec, params, data);
    assert.ok(
      best <= before + 1e-12,
      `the best encoder (${best}) is at least as good as the reader's own (${before})`
    );
    assert.ok(best <= reconstructionMse(spec, g.end, data, 100) + 1e-12);
  });
});
