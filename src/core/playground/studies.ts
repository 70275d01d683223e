/**
 * The three pretrained studies of the bonus exercise, as data: which runs each
 * one trains, and how their results are put together for the pages and the key
 * figures. Loaders train the runs (in parallel, see src/data/lib) and call the
 * `assemble…` functions; nothing here is a result, only a question.
 */
import {playgroundSpec, runData} from "./run.js";
import type {InputUse} from "./weights.js";
import {activeNeurons, inputUse} from "./weights.js";
import type {ExperimentOptions, ExperimentResult} from "./experiment.js";
import {pointRows} from "./experiment.js";
import type {PlaygroundSettings, RegularizationKind} from "./settings.js";
import {REGULARIZATION_KINDS} from "./settings.js";
import {median} from "../stats.js";

const ALL_FEATURES = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"] as const;

/** The data a run trains and is tested on, as rows for drawing (the same streams as PlaygroundRun). */
export function studyPoints(settings: PlaygroundSettings): {train: number[][]; test: number[][]} {
  const data = runData(settings);
  return {train: pointRows(data.train), test: pointRows(data.test)};
}

// ---- (a) the spiral from X1 and X2 alone ----

/** The spiral as the Playground opens it (noise 0, half the points for training), from X₁ and X₂. */
export const SPIRAL_BASE: PlaygroundSettings = {
  dataset: "spiral",
  noise: 0,
  trainRatio: 50,
  batchSize: 10,
  features: ["x1", "x2"],
  hidden: [8, 8, 8, 8],
  activation: "relu",
  regularization: "l2",
  regRate: 0.003,
  lr: 0.03,
  seed: 1,
  epochs: 1500
};

export interface Candidate {
  readonly name: string;
  readonly settings: PlaygroundSettings;
}

const variant = (name: string, change: Partial<PlaygroundSettings>): Candidate => ({
  name,
  settings: {...SPIRAL_BASE, ...change}
});
const noReg = {regularization: "none", regRate: 0} as const;

/** What was tried, in the order the table lists it. */
export const SPIRAL_CANDIDATES: readonly Candidate[] = [
  variant("tanh-2x8", {hidden: [8, 8], activation: "tanh", ...noReg}),
  variant("tanh-6x8", {hidden: [8, 8, 8, 8, 8, 8], activation: "tanh", ...noReg}),
  variant("sigmoid-6x8", {hidden: [8, 8, 8, 8, 8, 8], activation: "sigmoid", lr: 0.3, ...noReg}),
  variant("relu-4x4", {hidden: [4, 4, 4, 4], ...noReg}),
  variant("relu-2x8", {hidden: [8, 8], ...noReg}),
  variant("relu-6x8", {hidden: [8, 8, 8, 8, 8, 8], ...noReg}),
  variant("relu-4x8", {...noReg}),
  variant("relu-3x8-l2", {hidden: [8, 8, 8]}),
  variant("relu-4x8-l2", {})
];
/** The answer: the candidate the page explains. `assembleSpiral` also names the best by median, so a page can check. */
export const SPIRAL_WINNER = "relu-4x8-l2";
/**
 * Every candidate trains with each seed (other initial weights, another draw of
 * the training/test split); the first is the one the figures show.
 */
export const SPIRAL_SEEDS: readonly number[] = [1, 2, 3, 4, 5];

export function spiralRuns(): PlaygroundSettings[] {
  return SPIRAL_CANDIDATES.flatMap((c) => SPIRAL_SEEDS.map((seed) => ({...c.settings, seed})));
}

export interface SeedLoss {
  readonly seed: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly query: string;
}

export interface SpiralCandidate {
  readonly name: string;
  /** The run with the first seed, as the figures draw it. */
  readonly run: ExperimentResult;
  readonly seeds: SeedLoss[];
  readonly medianTestLoss: number;
  readonly worstTestLoss: number;
}

export interface SpiralStudy {
  readonly points: {train: number[][]; test: number[][]};
  readonly candidates: SpiralCandidate[];
  readonly winner: string;
  /** The candidate with the lowest median test loss over the seeds. */
  readonly best: string;
}

export function assembleSpiral(results: readonly ExperimentResult[]): SpiralStudy {
  const k = SPIRAL_SEEDS.length;
  if (results.length !== SPIRAL_CANDIDATES.length * k)
    throw new Error(`expected ${SPIRAL_CANDIDATES.length * k} runs, got ${results.length}`);
  const candidates = SPIRAL_CANDIDATES.map((c, i) => {
    const runs = results.slice(i * k, (i + 1) * k);
    const seeds = runs.map((r) => ({
      seed: r.settings.seed,
      trainLoss: r.trainLoss,
      testLoss: r.testLoss,
      query: r.query
    }));
    const tests = seeds.map((s) => s.testLoss);
    return {
      name: c.name,
      run: runs[0],
      seeds,
      medianTestLoss: median(tests),
      worstTestLoss: Math.max(...tests)
    };
  });
  const best = candidates.reduce((a, b) => (b.medianTestLoss < a.medianTestLoss ? b : a)).name;
  return {points: studyPoints(SPIRAL_BASE), candidates, winner: SPIRAL_WINNER, best};
}

// ---- (b) regularisation on the largest network ----

/** A circle that every run fits, with all seven features offered: what does each penalty keep? */
export const REGULARIZATION_BASE: PlaygroundSettings = {
  dataset: "circle",
  noise: 0,
  trainRatio: 50,
  batchSize: 10,
  features: [...ALL_FEATURES],
  hidden: [8, 8, 8, 8, 8, 8],
  activation: "tanh",
  regularization: "none",
  regRate: 0,
  lr: 0.03,
  seed: 1,
  epochs: 1000
};
export const REGULARIZATION_RATE = 0.003;

export function regularizationRuns(): PlaygroundSettings[] {
  return REGULARIZATION_KINDS.map((kind) => ({
    ...REGULARIZATION_BASE,
    regularization: kind,
    regRate: kind === "none" ? 0 : REGULARIZATION_RATE
  }));
}

export interface RegularizedRun extends ExperimentResult {
  /** Per input feature, in the order of the settings. */
  readonly inputs: InputUse[];
  /** Per hidden layer, the neurons that still take part. */
  readonly activeNeurons: number[];
}

export interface RegularizationStudy {
  readonly points: {train: number[][]; test: number[][]};
  readonly rate: number;
  readonly runs: Record<RegularizationKind, RegularizedRun>;
}

export function assembleRegularization(results: readonly ExperimentResult[]): RegularizationStudy {
  const [none, l1, l2] = results.map((r) => {
    const spec = playgroundSpec(r.settings);
    return {...r, inputs: inputUse(spec, r.final.params), activeNeurons: activeNeurons(spec, r.final.params)};
  });
  return {points: studyPoints(REGULARIZATION_BASE), rate: REGULARIZATION_RATE, runs: {none, l1, l2}};
}

// ---- (c) memorising noise ----

/** The least data and the most noise the Playground allows, on its largest network with every feature. */
export const MEMORIZATION_BASE: PlaygroundSettings = {
  // The same largest network, features and training as in (b), on the hardest data the Playground allows.
  ...REGULARIZATION_BASE,
  dataset: "spiral",
  noise: 50,
  trainRatio: 10,
  epochs: 3000
};
export const MEMORIZATION_SEEDS: readonly number[] = [1, 2, 3, 4, 5];
/** What the sheet asks of the medians: training loss near zero, test loss worse than answering 0 everywhere. */
export const MEMORIZATION_TARGET = {trainLoss: 0.05, testLoss: 0.5} as const;

export function memorizationRuns(): PlaygroundSettings[] {
  return MEMORIZATION_SEEDS.map((seed) => ({...MEMORIZATION_BASE, seed}));
}

export interface MemorizationStudy {
  readonly target: typeof MEMORIZATION_TARGET;
  readonly runs: (ExperimentResult & {
    readonly points: {train: number[][]; test: number[][]};
    readonly meets: boolean;
  })[];
  readonly medianTrainLoss: number;
  readonly medianTestLoss: number;
}

export function assembleMemorization(results: readonly ExperimentResult[]): MemorizationStudy {
  const runs = results.map((r) => ({
    ...r,
    points: studyPoints(r.settings),
    meets: r.trainLoss <= MEMORIZATION_TARGET.trainLoss && r.testLoss > MEMORIZATION_TARGET.testLoss
  }));
  return {
    target: MEMORIZATION_TARGET,
    runs,
    medianTrainLoss: median(runs.map((r) => r.trainLoss)),
    medianTestLoss: median(runs.map((r) => r.testLoss))
  };
}

/** How much the loaders keep of each run. */
export const STUDY_OPTIONS: {
  readonly full: ExperimentOptions;
  readonly thumbnail: ExperimentOptions;
  readonly lossOnly: ExperimentOptions;
} = {
  full: {view: {grid: 60, nodeGrid: 16}, curvePoints: 150},
  thumbnail: {view: {grid: 40, nodeGrid: 0}, curvePoints: 150},
  lossOnly: {view: {grid: 0, nodeGrid: 0}, curvePoints: 0}
};
