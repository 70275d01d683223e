import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {
  againstAnsweringZero,
  atOrigin,
  bestNote,
  connectedInputs,
  connectionSentence,
  connectionWeights,
  depthWidth,
  inputShare,
  memorizationMet,
  memorizationNumbers,
  missReason,
  missesNote,
  originSentence,
  playgroundFacts,
  regularizationFindings,
  regularizationLabel,
  regularizationNames,
  seedsVerdict,
  shortName,
  spiralNumbers
} from "../../src/core/playground/answers.js";
import type {MemorizationStudy, RegularizationStudy, SpiralStudy} from "../../src/core/playground/studies.js";
import {
  MEMORIZATION_BASE,
  MEMORIZATION_TARGET,
  REGULARIZATION_BASE
} from "../../src/core/playground/studies.js";
import type {PlaygroundSettings} from "../../src/core/playground/settings.js";

describe("the playground's facts", () => {
  it("quotes the data sets, points, features and menus from the code", () => {
    const f = playgroundFacts();
    assert.equal(f.datasets, 4);
    assert.equal(f.datasetNames, "circle, exclusive or, gaussian, spiral");
    assert.equal(f.points, 500);
    assert.equal(f.arm, 250);
    assert.equal(f.maxLayers, 6);
    assert.equal(f.maxNeurons, 8);
    assert.equal(f.features, "X₁, X₂, X₁², X₂², X₁X₂, sin X₁, sin X₂");
    assert.match(String(f.learningRates), /^0\.00001, .*, 10$/);
    assert.ok(Number(f.varianceTo) > Number(f.varianceFrom));
  });
});

describe("names of networks", () => {
  it("writes equal widths as depth × width and others as a list", () => {
    assert.equal(depthWidth([8, 8, 8, 8]), "4 × 8");
    assert.equal(depthWidth([8, 4, 2]), "8-4-2");
    assert.equal(
      shortName({hidden: [8, 8, 8, 8], activation: "relu", regularization: "l2"}),
      "4 × 8 ReLU + L2"
    );
    assert.equal(shortName({hidden: [8, 8], activation: "tanh", regularization: "none"}), "2 × 8 tanh");
    assert.equal(regularizationLabel({regularization: "none", regRate: 0}), "none");
    assert.equal(regularizationLabel({regularization: "l1", regRate: 0.003}), "L1 0.003");
    assert.deepEqual(regularizationNames(0.003), {
      none: "no regularisation",
      l1: "L1, rate 0.003",
      l2: "L2, rate 0.003"
    });
  });
});

// ---- (a) ----

const run = (s: Partial<PlaygroundSettings>, trainLoss: number, testLoss: number, testError: number) =>
  ({settings: {...MEMORIZATION_BASE, ...s}, trainLoss, testLoss, testError}) as never;

function spiralStudy(best: string, train: number[][], test: number[][]): SpiralStudy {
  const candidate = (name: string, median: number) => ({
    name,
    run: run({hidden: [8, 8]}, 0.01234, 0.05678, 0.0444),
    medianTestLoss: median,
    worstTestLoss: 0.2,
    seeds: []
  });
  return {
    points: {train, test},
    candidates: [candidate("relu-2x8", 0.1), candidate("relu-4x8-l2", 0.03)],
    winner: "relu-4x8-l2",
    best
  };
}

describe("(a) the spiral's sentences", () => {
  it("quotes every candidate's numbers at four decimals and the error in per cent, the answer also as `winner`", () => {
    const n = spiralNumbers(spiralStudy("relu-4x8-l2", [], []));
    assert.deepEqual(n["relu-2x8"], {
      train: "0.0123",
      test: "0.0568",
      error: "4.4 %",
      median: "0.1000",
      worst: "0.2000"
    });
    assert.equal(n.winner.median, "0.0300");
  });

  it("notes whether the marked network is the best by median", () => {
    assert.equal(
      bestNote({best: "relu-4x8-l2", winner: "relu-4x8-l2"}),
      "The marked network has the lowest median test loss of the table."
    );
    assert.equal(
      bestNote({best: "relu-4x8", winner: "relu-4x8-l2"}),
      "Note: with the current code the lowest median test loss belongs to relu-4x8, not to the marked network."
    );
  });

  it("says where the split put the two points at the origin: both in training (as published), one each, both in test", () => {
    const o = [0, 0, 1];
    const p = [1, 2, -1];
    assert.equal(atOrigin([o, p, [0, 0, -1]]), 2);
    const at = (train: number[][], test: number[][]) => originSentence({noise: 0, seed: 1}, {train, test});
    assert.match(
      at([o, o, p], [p]),
      /^Neither loss can reach zero exactly: .* In the split of seed 1, both lie in the training set\.$/
    );
    assert.match(at([o, p], [o]), /seed 1, one lies in the training set and one in the test set\.$/);
    assert.match(at([p], [o, o]), /seed 1, both lie in the test set\.$/);
    assert.equal(originSentence({noise: 10, seed: 1}, {train: [o, o], test: []}), "");
  });
});

// ---- (b) ----

const features = REGULARIZATION_BASE.features;
const use = (sums: number[]) => sums.map((sumAbs) => ({sumAbs, connections: sumAbs > 0 ? 1 : 0}));

function regStudy(l1Inputs: number[], l1Active: number[], noneZero = 0): RegularizationStudy {
  const r = (kind: string, inputs: number[], active: number[], zero: number, meanAbs: number) => ({
    settings: {...REGULARIZATION_BASE, regularization: kind},
    trainLoss: 0.001,
    testLoss: 0.002,
    inputs: use(inputs),
    activeNeurons: active,
    final: {stats: {count: 384, zeroFraction: zero, meanAbs}},
    initialStats: {count: 384, zeroFraction: 0, meanAbs: 0.25}
  });
  const all = features.map(() => 1);
  return {
    points: {train: [], test: []},
    rate: 0.003,
    runs: {
      none: r("none", all, [8, 8, 8, 8, 8, 8], noneZero, 0.276),
      l1: r("l1", l1Inputs, l1Active, 0.966, 0.027),
      l2: r("l2", [0.1, 0.1, 0.7, 0.7, 0.1, 0.2, 0.1], [8, 8, 8, 8, 8, 8], 0, 0.112)
    }
  } as never;
}

describe("(b) regularisation's sentences", () => {
  it("reads the weights layer by layer without the biases", () => {
    const s = {features: ["x1", "x2"], hidden: [2], activation: "tanh"} as const;
    // Layer 1: 2 × 2 weights then 2 biases; layer 2: 1 × 2 weights then 1 bias.
    assert.deepEqual(connectionWeights(s, [1, 2, 3, 4, 9, 9, 5, 6, 9]), [1, 2, 3, 4, 5, 6]);
  });

  it("names the inputs still connected and the share of |w| on the circle's inputs", () => {
    const r = {settings: REGULARIZATION_BASE, inputs: use([0, 0, 1, 3, 0, 0, 0])};
    assert.deepEqual(connectedInputs(r), ["X₁²", "X₂²"]);
    assert.equal(inputShare(r, ["X₂²"]), 0.75);
    assert.equal(connectionSentence(r), "Only X₁² and X₂² stay connected.");
    assert.equal(
      connectionSentence({settings: REGULARIZATION_BASE, inputs: use([0, 0, 1, 0, 0, 0, 0])}),
      "Only X₁² stays connected."
    );
    assert.equal(
      connectionSentence({settings: REGULARIZATION_BASE, inputs: use(features.map(() => 0))}),
      "No input stays connected."
    );
    assert.equal(inputShare({settings: REGULARIZATION_BASE, inputs: use(features.map(() => 0))}, ["X₂²"]), 0);
  });

  it("at the published result: two inputs, exactly the circle's, 8 of 48 neurons", () => {
    const f = regularizationFindings(regStudy([0, 0, 0.16, 0.16, 0, 0, 0], [1, 2, 1, 1, 1, 2]));
    assert.equal(
      f.l1.inputs,
      "the inputs still connected are X₁² and X₂², exactly the two that decide a circle"
    );
    assert.equal(
      f.l1.neurons,
      "only 8 of the 48 hidden neurons still take part (1, 2, 1, 1, 1, 2 per layer)"
    );
    assert.equal(f.l1.zero, "96.6 %");
    assert.equal(f.l1.noneZero, "none");
    assert.equal(f.l2.circleShare, "70.0 %");
    assert.equal(f.setup.features, "7 features");
    assert.equal(f.none.connected, "Every input stays connected.");
  });

  it("agrees in number for one input and one neuron, and says none for no input", () => {
    const one = regularizationFindings(regStudy([0, 0, 0.16, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], 0.01));
    assert.equal(one.l1.inputs, "the input still connected is X₁²");
    assert.equal(
      one.l1.neurons,
      "only 1 of the 48 hidden neurons still takes part (1, 0, 0, 0, 0, 0 per layer)"
    );
    assert.equal(one.l1.noneZero, "1.0 %");
    const none = regularizationFindings(regStudy([0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]));
    assert.equal(none.l1.inputs, "the inputs still connected are none");
    const three = regularizationFindings(regStudy([0, 0, 1, 1, 1, 0, 0], [2, 2, 2, 2, 2, 2]));
    assert.equal(three.l1.inputs, "the inputs still connected are X₁², X₂² and X₁X₂");
  });
});

// ---- (c) ----

const memoRun = (seed: number, trainLoss: number, testLoss: number, testError: number, confidence = 0.9) => ({
  settings: {...MEMORIZATION_BASE, seed},
  trainLoss,
  testLoss,
  testError,
  testConfidence: confidence,
  points: {
    train: Array.from({length: 50}, () => [0, 0, 1]),
    test: Array.from({length: 450}, () => [0, 0, 1])
  },
  meets: trainLoss <= MEMORIZATION_TARGET.trainLoss && testLoss > MEMORIZATION_TARGET.testLoss
});

// The published five seeds, rounded: seed 1 fits but its test loss stays below 0.5.
const published = [
  memoRun(1, 0.0358, 0.4872, 0.2733, 0.878),
  memoRun(2, 0.0001, 0.7564, 0.3933, 0.969),
  memoRun(3, 0.00003, 0.7678, 0.4089),
  memoRun(4, 0.0004, 0.7027, 0.3844),
  memoRun(5, 0.0002, 0.6195, 0.3244, 0.953)
];
const memoStudy = (
  runs: ReturnType<typeof memoRun>[],
  medianTrainLoss: number,
  medianTestLoss: number
): MemorizationStudy => ({target: MEMORIZATION_TARGET, runs, medianTrainLoss, medianTestLoss}) as never;

describe("(c) memorisation's sentences", () => {
  it("decides the median criterion on both sides of each threshold", () => {
    assert.equal(
      memorizationMet({target: MEMORIZATION_TARGET, medianTrainLoss: 0.0002, medianTestLoss: 0.7}),
      true
    );
    assert.equal(
      memorizationMet({target: MEMORIZATION_TARGET, medianTrainLoss: 0.06, medianTestLoss: 0.7}),
      false
    );
    assert.equal(
      memorizationMet({target: MEMORIZATION_TARGET, medianTrainLoss: 0.0002, medianTestLoss: 0.5}),
      false
    );
  });

  it("names the seeds that miss the criterion: one (as published), two, none", () => {
    assert.equal(seedsVerdict(published), "1 of 5 seeds does not meet it on its own (seed 1); see below.");
    const two = [published[0], memoRun(2, 0.2, 0.9, 0.4), ...published.slice(2)];
    assert.equal(seedsVerdict(two), "2 of 5 seeds do not meet it on their own (seeds 1 and 2); see below.");
    assert.equal(seedsVerdict(published.slice(1)), "Every seed meets it on its own.");
  });

  it("explains a miss by the training loss or by too few wrong test points", () => {
    assert.match(
      missReason(published[0], MEMORIZATION_TARGET),
      /^Seed 1 has training loss 0\.0358 and test loss 0\.4872: it fitted its training points, but only 27\.3 % of its test points .* 50 noisy points .*spiral\.$/
    );
    assert.equal(
      missReason(memoRun(2, 0.2, 0.9, 0.4), MEMORIZATION_TARGET),
      "Seed 2 has training loss 0.2000 and test loss 0.9000: it did not fit its training points in 3,000 epochs."
    );
  });

  it("leads the note on the misses in the right number, and leaves it out when every seed meets the criterion", () => {
    const one = missesNote({runs: published, target: MEMORIZATION_TARGET});
    assert.equal(one.lead, "The seed that does not meet the criterion.");
    assert.match(one.text, /We report it rather than replace it with other seeds/);
    const two = missesNote({runs: [published[0], memoRun(2, 0.2, 0.9, 0.4)], target: MEMORIZATION_TARGET});
    assert.equal(two.lead, "The seeds that do not meet the criterion.");
    assert.match(two.text, /Seed 1 .* Seed 2 .* We report them rather than replace them/);
    assert.deepEqual(missesNote({runs: published.slice(1), target: MEMORIZATION_TARGET}), {
      lead: "",
      text: ""
    });
  });

  it("quotes the setup and explanation numbers at the published result", () => {
    const n = memorizationNumbers(memoStudy(published, 0.0002, 0.7027));
    assert.equal(n.trainPoints, "50 points");
    assert.equal(n.testPoints, 450);
    assert.equal(n.seeds, "5 seeds");
    assert.equal(n.epochs, "3,000 epochs");
    // 7 inputs, six layers of 8 and one output: 7·8 + 8 + 5·(8·8 + 8) + 8 + 1.
    assert.equal(n.parameters, 7 * 8 + 8 + 5 * (64 + 8) + 8 + 1);
    assert.equal(n.verdict, "met");
    assert.equal(n.confidenceFrom, "0.88");
    assert.equal(n.confidenceTo, "0.97");
    assert.match(n.errorToLoss, /^27\.3 % → 0\.4872; 39\.3 % → 0\.7564; /);
    assert.equal(memorizationNumbers(memoStudy(published, 0.06, 0.7)).verdict, "not met");
    assert.equal(
      n.againstZero,
      ", and so it does here: a half-informed guess that is always certain is worse than admitting ignorance."
    );
    assert.equal(
      againstAnsweringZero({medianTestLoss: 0.45}),
      "; here it does not: the median test loss, 0.4500, stays below 0.5, so the confident guesses between the training points are right often enough."
    );
  });
});
