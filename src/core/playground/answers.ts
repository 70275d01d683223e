/**
 * What the bonus pages say about their studies: the facts of the playground,
 * the numbers each answer quotes (formatted as the prose prints them), and the
 * sentences whose wording depends on the results. DOM-free; the pages put the
 * strings into Markdown and the components into tables and figures.
 */
import {ACTIVATION_LABELS, layout, paramCount} from "../engine/mlp.js";
import {agree, count, listing, noun, placement} from "../format/words.js";
import {DATASET_LABELS, DATASET_NAMES, PLAYGROUND_POINTS, gaussVariance} from "./datasets.js";
import {FEATURES, featureLabel} from "./features.js";
import {playgroundSpec} from "./run.js";
import type {PlaygroundSettings, RegularizationKind} from "./settings.js";
import {LEARNING_RATES, MAX_LAYERS, MAX_NEURONS, REGULARIZATION_RATES} from "./settings.js";
import type {
  MemorizationStudy,
  RegularizationStudy,
  RegularizedRun,
  SpiralCandidate,
  SpiralStudy
} from "./studies.js";

/** A loss as the bonus pages print it. */
export const loss = (x: number): string => x.toFixed(4);
/** A fraction as a percentage with one decimal: "27.3 %". */
export const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** The loss of answering 0 everywhere, ½(0 − (±1))²: the reference a useful network must beat. */
export const ANSWER_ZERO = {value: 0.5, label: "answering 0 everywhere"} as const;

// ---- the playground ----

/** The numbers in the list of what the playground shares with the TensorFlow Playground. */
export function playgroundFacts(): Record<string, string | number> {
  return {
    datasets: DATASET_NAMES.length,
    datasetNames: DATASET_NAMES.map((d) => DATASET_LABELS[d]).join(", "),
    maxLayers: MAX_LAYERS,
    maxNeurons: MAX_NEURONS,
    points: PLAYGROUND_POINTS,
    arm: PLAYGROUND_POINTS / 2,
    varianceFrom: gaussVariance(0),
    varianceTo: gaussVariance(0.5),
    features: FEATURES.map((f) => f.label).join(", "),
    learningRates: LEARNING_RATES.join(", "),
    regularizationRates: REGULARIZATION_RATES.join(", ")
  };
}

// ---- names of networks ----

/** "4 × 8" when every hidden layer has the same width, "8-4-2" otherwise. */
export function depthWidth(hidden: readonly number[]): string {
  const equal = hidden.length > 0 && hidden.every((x) => x === hidden[0]);
  return equal ? `${hidden.length} × ${hidden[0]}` : hidden.join("-");
}

/** "none" or "L2 0.003". */
export function regularizationLabel(s: Pick<PlaygroundSettings, "regularization" | "regRate">): string {
  return s.regularization === "none" ? "none" : `${s.regularization.toUpperCase()} ${s.regRate}`;
}

/** "4 × 8 ReLU + L2": a network's short name in tables and captions. */
export function shortName(s: Pick<PlaygroundSettings, "hidden" | "activation" | "regularization">): string {
  const reg = s.regularization === "none" ? "" : ` + ${s.regularization.toUpperCase()}`;
  return `${depthWidth(s.hidden)} ${ACTIVATION_LABELS[s.activation]}${reg}`;
}

/** The labels of a run's input features: "X₁, X₂, X₁²". */
export function inputsLabel(s: Pick<PlaygroundSettings, "features">): string {
  return s.features.map(featureLabel).join(", ");
}

// ---- (a) the spiral ----

/** The numbers the prose quotes of one candidate. */
export interface CandidateNumbers {
  readonly train: string;
  readonly test: string;
  readonly error: string;
  readonly median: string;
  readonly worst: string;
}

export function candidateNumbers(c: SpiralCandidate): CandidateNumbers {
  return {
    train: loss(c.run.trainLoss),
    test: loss(c.run.testLoss),
    error: percent(c.run.testError),
    median: loss(c.medianTestLoss),
    worst: loss(c.worstTestLoss)
  };
}

/** Every candidate's quoted numbers by name, and the answer's under `winner`. */
export function spiralNumbers(study: SpiralStudy): Record<string, CandidateNumbers> {
  const out: Record<string, CandidateNumbers> = {};
  for (const c of study.candidates) out[c.name] = candidateNumbers(c);
  out.winner = out[study.winner];
  return out;
}

/** The note under the table: does the marked answer have the lowest median? */
export function bestNote(study: Pick<SpiralStudy, "best" | "winner">): string {
  return study.best === study.winner
    ? "The marked network has the lowest median test loss of the table."
    : `Note: with the current code the lowest median test loss belongs to ${study.best}, ` +
        "not to the marked network.";
}

/** How many of these points sit exactly at the origin. */
export function atOrigin(points: readonly (readonly number[])[]): number {
  return points.filter(([x, y]) => x === 0 && y === 0).length;
}

/**
 * Why neither loss reaches zero on the noiseless spiral (both arms start at the
 * origin with opposite labels), and where the split put those two points; "" with noise.
 */
export function originSentence(
  settings: Pick<PlaygroundSettings, "noise" | "seed">,
  points: SpiralStudy["points"]
): string {
  if (settings.noise !== 0) return "";
  const where = placement(2, [
    [atOrigin(points.train), "in the training set"],
    [atOrigin(points.test), "in the test set"]
  ]);
  return (
    "Neither loss can reach zero exactly: both arms start at the origin, point 0 of each arm sits at " +
    "(0, 0) with opposite labels, and no network can give one point two answers. " +
    `In the split of seed ${settings.seed}, ${where}.`
  );
}

// ---- (b) regularisation ----

/** How (b) names its three runs: "no regularisation", "L1, rate 0.003", "L2, rate 0.003". */
export function regularizationNames(rate: number): Record<RegularizationKind, string> {
  return {none: "no regularisation", l1: `L1, rate ${rate}`, l2: `L2, rate ${rate}`};
}

/** The weights of a network (biases left out), layer by layer, from its flat parameters. */
export function connectionWeights(
  settings: Pick<PlaygroundSettings, "features" | "hidden" | "activation">,
  params: readonly number[]
): number[] {
  return layout(playgroundSpec(settings)).flatMap((ly) => params.slice(ly.w, ly.w + ly.in * ly.out));
}

/** The inputs a run still listens to (at least one first-layer weight not exactly 0). */
export function connectedInputs(run: Pick<RegularizedRun, "settings" | "inputs">): string[] {
  return run.settings.features.filter((_, i) => run.inputs[i].connections > 0).map(featureLabel);
}

/** The share of the first layer's Σ|w| that sits on the named inputs (0 when every weight is 0). */
export function inputShare(
  run: Pick<RegularizedRun, "settings" | "inputs">,
  labels: readonly string[]
): number {
  let total = 0;
  let named = 0;
  run.inputs.forEach((u, i) => {
    total += u.sumAbs;
    if (labels.includes(featureLabel(run.settings.features[i]))) named += u.sumAbs;
  });
  return total > 0 ? named / total : 0;
}

/** Whether a run still listens to all its inputs: "Every input stays connected.", "Only X₁² …". */
export function connectionSentence(run: Pick<RegularizedRun, "settings" | "inputs">): string {
  const kept = connectedInputs(run);
  if (kept.length === run.settings.features.length) return "Every input stays connected.";
  if (kept.length === 0) return "No input stays connected.";
  return `Only ${listing(kept)} ${agree(kept.length, "stays", "stay")} connected.`;
}

/** The two inputs that decide a circle centred at the origin. */
export const CIRCLE_INPUTS: readonly string[] = ["X₁²", "X₂²"];

/** The numbers and clauses of (b)'s comparison of expectation and observation. */
export function regularizationFindings(study: RegularizationStudy) {
  const {none, l1, l2} = study.runs;
  const s = none.settings;
  const kept = connectedInputs(l1);
  const circleOnly = kept.length === CIRCLE_INPUTS.length && CIRCLE_INPUTS.every((x) => kept.includes(x));
  const active = l1.activeNeurons.reduce((a, b) => a + b, 0);
  const hidden = s.hidden.reduce((a, b) => a + b, 0);
  return {
    setup: {
      features: count(s.features.length, "feature"),
      epochs: count(s.epochs, "epoch"),
      inputs: inputsLabel(s)
    },
    l1: {
      zero: percent(l1.final.stats.zeroFraction),
      noneZero: none.final.stats.zeroFraction === 0 ? "none" : percent(none.final.stats.zeroFraction),
      // "the 2 inputs still connected are X₁² and X₂², exactly the two that decide a circle"
      inputs:
        `the ${noun(kept.length, "input")} still connected ${agree(kept.length, "is", "are")} ` +
        (kept.length ? listing(kept) : "none") +
        (circleOnly ? ", exactly the two that decide a circle" : ""),
      // "only 8 of the 48 hidden neurons still take part (1, 2, 1, 1, 1, 2 per layer)"
      neurons:
        `only ${active} of the ${count(hidden, "hidden neuron")} ` +
        `still ${agree(active, "takes", "take")} part ` +
        `(${l1.activeNeurons.join(", ")} per layer)`,
      test: loss(l1.testLoss),
      train: loss(l1.trainLoss)
    },
    l2: {
      zero: percent(l2.final.stats.zeroFraction),
      mean: l2.final.stats.meanAbs.toFixed(3),
      circleShare: percent(inputShare(l2, CIRCLE_INPUTS)),
      train: loss(l2.trainLoss)
    },
    none: {
      mean: none.final.stats.meanAbs.toFixed(3),
      initialMean: none.initialStats.meanAbs.toFixed(3),
      circleShare: percent(inputShare(none, CIRCLE_INPUTS)),
      train: loss(none.trainLoss),
      connected: connectionSentence(none)
    }
  };
}

// ---- (c) memorising noise ----

type MemorizationRun = MemorizationStudy["runs"][number];
/** What the sentences read of a seed's run. */
type SeedRun = Pick<
  MemorizationRun,
  "settings" | "trainLoss" | "testLoss" | "testError" | "points" | "meets"
>;

/** The median verdict: training loss at most the target and test loss above it. */
export function memorizationMet(
  study: Pick<MemorizationStudy, "medianTrainLoss" | "medianTestLoss" | "target">
): boolean {
  return study.medianTrainLoss <= study.target.trainLoss && study.medianTestLoss > study.target.testLoss;
}

/** The sentence after the verdict: every seed meets the criterion, or which do not. */
export function seedsVerdict(runs: readonly Pick<MemorizationRun, "meets" | "settings">[]): string {
  const failing = runs.filter((r) => !r.meets);
  if (failing.length === 0) return "Every seed meets it on its own.";
  const n = failing.length;
  return (
    `${n} of ${count(runs.length, "seed")} ${agree(n, "does", "do")} not meet it ` +
    `on ${agree(n, "its", "their")} own ` +
    `(${noun(n, "seed")} ${listing(failing.map((r) => String(r.settings.seed)))}); see below.`
  );
}

/** Why one seed misses the criterion: it did not fit, or it fitted but guessed the test points too well. */
export function missReason(run: SeedRun, target: MemorizationStudy["target"]): string {
  const why =
    run.trainLoss > target.trainLoss
      ? `it did not fit its training points in ${count(run.settings.epochs, "epoch")}`
      : `it fitted its training points, but only ${percent(run.testError)} of its test points ` +
        "are on the wrong side, " +
        "so its confident mistakes cost less than 0.5 on average. " +
        `With ${count(run.points.train.length, "noisy point")} the map between them is a matter of chance; ` +
        "in this draw more of the patchwork happens to agree with the spiral";
  const losses = `training loss ${loss(run.trainLoss)} and test loss ${loss(run.testLoss)}`;
  return `Seed ${run.settings.seed} has ${losses}: ${why}.`;
}

/** The paragraph on the seeds that miss the criterion, as a bold lead and its text (both "" when none do). */
export function missesNote(study: {
  readonly runs: readonly SeedRun[];
  readonly target: MemorizationStudy["target"];
}): {lead: string; text: string} {
  const failing = study.runs.filter((r) => !r.meets);
  const n = failing.length;
  if (n === 0) return {lead: "", text: ""};
  return {
    lead: `The ${noun(n, "seed")} that ${agree(n, "does", "do")} not meet the criterion.`,
    text:
      `${failing.map((r) => missReason(r, study.target)).join(" ")} ` +
      `We report ${agree(n, "it", "them")} rather than replace ${agree(n, "it", "them")} with other seeds: ` +
      "the criterion holds for the median, not for every draw."
  };
}

/** Whether the median does worse than answering 0 everywhere: the close of (c)'s explanation. */
export function againstAnsweringZero(study: Pick<MemorizationStudy, "medianTestLoss">): string {
  return study.medianTestLoss > ANSWER_ZERO.value
    ? ", and so it does here: a half-informed guess that is always certain is worse than admitting ignorance."
    : `; here it does not: the median test loss, ${loss(study.medianTestLoss)}, ` +
        `stays below ${ANSWER_ZERO.value}, ` +
        "so the confident guesses between the training points are right often enough.";
}

/** The numbers of (c)'s setup, result and explanation, as the prose prints them. */
export function memorizationNumbers(study: MemorizationStudy) {
  const first = study.runs[0];
  const s = first.settings;
  const confidence = study.runs.map((r) => r.testConfidence);
  return {
    shift: s.noise / 100,
    trainPoints: count(first.points.train.length, "point"),
    testPoints: first.points.test.length,
    trainPointsNoun: count(first.points.train.length, "training point"),
    features: `${s.features.length} features (${inputsLabel(s)})`,
    epochs: count(s.epochs, "epoch"),
    seeds: count(study.runs.length, "seed"),
    parameters: paramCount(playgroundSpec(s)),
    medianTrain: loss(study.medianTrainLoss),
    medianTest: loss(study.medianTestLoss),
    verdict: memorizationMet(study) ? "met" : "not met",
    seedsVerdict: seedsVerdict(study.runs),
    confidenceFrom: Math.min(...confidence).toFixed(2),
    confidenceTo: Math.max(...confidence).toFixed(2),
    errorToLoss: study.runs.map((r) => `${percent(r.testError)} → ${loss(r.testLoss)}`).join("; "),
    againstZero: againstAnsweringZero(study),
    misses: missesNote(study)
  };
}
