/**
 * The predictions of exercise 1 (c) checked against measurements of decoder
 * curves: one row per prediction, with what was measured and whether it held.
 * The same functions measure the published runs (every seed) and a reader's
 * run (one), so both columns of the page's table mean the same thing. No DOM.
 */
import type {AutoencoderSpec, ModelName} from "./models.js";
import {median} from "../stats.js";
import {autoencoderSpec} from "./models.js";
import {homogeneity, linearGeometry} from "./analysis.js";
import type {RunAnalysis, StateView} from "./snapshot.js";
import {analyseRun, describeState} from "./snapshot.js";
import {initParams} from "../engine/mlp.js";
import {createRng} from "../engine/random.js";
import {spanCount} from "../format/words.js";

/** What the verdicts need of one ReLU run. */
export interface ReluMeasures {
  /** Pieces and length of the untrained decoder (PyTorch initialisation) on its codes' interval. */
  readonly initPieces: number;
  readonly initLength: number;
  readonly finalPieces: number;
  readonly finalTurns: number;
  readonly finalLength: number;
  /** |D(0)| with PyTorch's initialisation. */
  readonly torchAtZero: number;
  /** |D(0)| and the largest deviation from two rays with zero biases (TensorFlow.js's initialisation). */
  readonly tfjsAtZero: number;
  readonly tfjsRayDeviation: number;
}

/** What the verdicts need of one linear run. */
export interface LinearMeasures {
  readonly initBend: number;
  readonly trainedBend: number;
  /** Angle of the trained decoder's direction to the first principal axis, in degrees. */
  readonly decoderAngle: number;
  /** Distance from the data's mean to the trained decoder's line. */
  readonly meanOffset: number;
}

export interface RunsMeasured {
  readonly pca: readonly LinearMeasures[];
  readonly small: readonly ReluMeasures[];
  readonly big: readonly ReluMeasures[];
}

export interface Verdict {
  readonly prediction: string;
  readonly measured: string;
  readonly held: boolean;
  /** What went wrong, when it did not hold. */
  readonly what: string;
}

/**
 * `analysis` must describe the untrained decoder with PyTorch's initialisation
 * (`torchInit`), whatever initialisation the run was trained from.
 */
export function measureRelu(
  spec: AutoencoderSpec,
  analysis: RunAnalysis,
  torchInit: Float64Array,
  tfjsInit: Float64Array
): ReluMeasures {
  const zero = homogeneity(spec, tfjsInit, 5);
  return {
    initPieces: analysis.initShape.pieces,
    initLength: analysis.initShape.length,
    finalPieces: analysis.finalShape.pieces,
    finalTurns: analysis.finalShape.turnsX2,
    finalLength: analysis.finalShape.length,
    torchAtZero: homogeneity(spec, torchInit, 5).atZero,
    tfjsAtZero: zero.atZero,
    tfjsRayDeviation: zero.rayDeviation
  };
}

/** Distance from `point` to the line {c + u z} of the linear model's decoder (flat parameters [w1, w2, b, u1, u2, c1, c2]). */
export function lineOffset(weights: ArrayLike<number>, point: readonly number[]): number {
  const [u1, u2, c1, c2] = [weights[3], weights[4], weights[5], weights[6]];
  return Math.abs((point[0] - c1) * u2 - (point[1] - c2) * u1) / Math.hypot(u1, u2);
}

export function measureLinear(
  weights: ArrayLike<number>,
  analysis: RunAnalysis,
  pc1: readonly number[],
  mean: readonly number[]
): LinearMeasures {
  return {
    initBend: analysis.initShape.bend,
    trainedBend: analysis.finalShape.bend,
    decoderAngle: linearGeometry(weights, pc1).decoderAngle,
    meanOffset: lineOffset(weights, mean)
  };
}

const min = (xs: readonly number[]) => Math.min(...xs);
const max = (xs: readonly number[]) => Math.max(...xs);

/** The seven predictions of (c), judged on the given runs (any number of seeds per model, at least one). */
export function decoderVerdicts(runs: RunsMeasured, titles: Readonly<Record<ModelName, string>>): Verdict[] {
  const one = runs.pca.length === 1 && runs.small.length === 1 && runs.big.length === 1;
  const most = one ? "" : " at most";
  const pcaInitBend = max(runs.pca.map((r) => r.initBend));
  const pcaTrainedBend = max(runs.pca.map((r) => r.trainedBend));
  const pcaAngle = max(runs.pca.map((r) => r.decoderAngle));
  const pcaOffset = max(runs.pca.map((r) => r.meanOffset));
  const relu = (m: "small" | "big") => {
    const rs = runs[m];
    return {
      initPieces: [min(rs.map((r) => r.initPieces)), max(rs.map((r) => r.initPieces))] as const,
      finalPieces: [min(rs.map((r) => r.finalPieces)), max(rs.map((r) => r.finalPieces))] as const,
      finalTurns: [min(rs.map((r) => r.finalTurns)), max(rs.map((r) => r.finalTurns))] as const,
      initLength: median(rs.map((r) => r.initLength)),
      finalLength: median(rs.map((r) => r.finalLength)),
      torchOrigin: min(rs.map((r) => r.torchAtZero)),
      tfjsOrigin: max(rs.map((r) => r.tfjsAtZero)),
      tfjsRays: max(rs.map((r) => r.tfjsRayDeviation)),
      medianFinal: median(rs.map((r) => r.finalPieces))
    };
  };
  const m = {small: relu("small"), big: relu("big")};
  const lengthWord = one ? "length" : "median length";
  return [
    {
      prediction: "Linear, untrained: a straight segment",
      measured: `largest distance from a straight line ${pcaInitBend.toExponential(1)}`,
      held: pcaInitBend < 1e-9,
      what: "the untrained linear decoder is not straight"
    },
    {
      prediction: "Linear, trained: along the first principal axis, through the mean",
      measured: `direction ${pcaAngle.toFixed(2)}° from it${most}; mean${most} ${pcaOffset.toExponential(1)} from the line; straight (${pcaTrainedBend.toExponential(1)})`,
      held: pcaAngle < 2 && pcaOffset < 1e-2,
      what: "the trained linear decoder misses the principal axis"
    },
    ...(["small", "big"] as const).map((k) => ({
      prediction: `${titles[k]}, untrained (PyTorch): a short polygon, at most ten pieces, not through the origin`,
      measured: `${spanCount(...m[k].initPieces, "piece")}; ${lengthWord} ${m[k].initLength.toPrecision(2)} against ${m[k].finalLength.toFixed(1)} trained; |D(0)| ${one ? "=" : "≥"} ${m[k].torchOrigin.toFixed(3)}`,
      held: m[k].initPieces[1] <= 10 && m[k].initLength < m[k].finalLength / 3 && m[k].torchOrigin > 0,
      what:
        m[k].initPieces[1] > 10
          ? `the untrained ${k} model has ${one ? "" : "up to "}${m[k].initPieces[1]} pieces`
          : `the untrained ${k} model's curve is not short or passes through the origin`
    })),
    ...(["small", "big"] as const).map((k) => ({
      prediction: `${titles[k]}, untrained (zero biases): two rays from the origin`,
      measured: `|D(0)| = ${m[k].tfjsOrigin}; largest deviation from the rays ${m[k].tfjsRays.toExponential(1)}`,
      held: m[k].tfjsOrigin === 0 && m[k].tfjsRays < 1e-9,
      what: `the zero-bias ${k} decoder is not two rays`
    })),
    {
      prediction:
        "Trained ReLU models: long zigzags, many more pieces than untrained, more for the big model",
      measured: `small ${spanCount(...m.small.finalPieces, "piece")} and ${spanCount(...m.small.finalTurns, "turn")} in x₂; big ${spanCount(...m.big.finalPieces, "piece")} and ${spanCount(...m.big.finalTurns, "turn")}`,
      held:
        m.small.finalPieces[0] > m.small.initPieces[1] &&
        m.big.medianFinal > m.small.medianFinal &&
        m.small.finalTurns[0] >= 2,
      what: "the trained ReLU decoders are not the predicted zigzags"
    }
  ];
}

/** A trained run as a page has it: its architecture and seed, its final parameters and the view its figures draw. */
export interface TrainedRun {
  readonly hidden: readonly number[];
  readonly linear: boolean;
  readonly seed: number;
  readonly params: ArrayLike<number>;
  /** The final state's view; its curve's interval is where the pieces are counted. */
  readonly finalView: StateView;
}

/** The untrained parameters of a run's seed under both initialisations (the draws the build and the worker make first). */
export function untrained(spec: AutoencoderSpec, seed: number): {torch: Float64Array; tfjs: Float64Array} {
  return {torch: initParams(spec, "torch", createRng(seed)), tfjs: initParams(spec, "tfjs", createRng(seed))};
}

/**
 * Analysis and verdict measures of any run (a reader's, or a published one
 * rebuilt from its weights), with the functions the build uses: the untrained
 * shape is that of PyTorch's initialisation of the same seed, on the interval
 * its codes span widened by the final view's margin.
 */
/** A trained run measured: its analysis (pieces, turns, correlations) and the verdicts' measures. */
export interface MeasuredRun {
  readonly analysis: RunAnalysis;
  readonly measures: LinearMeasures | ReluMeasures;
}

export function measureRun(
  run: TrainedRun,
  data: Float64Array,
  pca: {readonly components: readonly (readonly number[])[]; readonly mean: readonly number[]},
  curveMargin = 0.1
): MeasuredRun {
  const spec = autoencoderSpec(run.hidden, 2, run.linear);
  const init = untrained(spec, run.seed);
  const curvePoints = run.finalView.curve.z.length;
  const initView = describeState(spec, init.torch, data, {
    grid: {rect: {x: [-2, 2], y: [-1, 1]}, nx: 1, ny: 1},
    curvePoints,
    curveMargin
  });
  const params = Float64Array.from(run.params);
  const analysis = analyseRun(spec, init.torch, params, data, initView, run.finalView);
  return {analysis, measures: measuresOf(run, analysis, pca)};
}

/** The verdicts' measures of a run whose analysis is known (e.g. measured in the training worker). */
function measuresOf(
  run: Pick<TrainedRun, "hidden" | "linear" | "seed" | "params">,
  analysis: RunAnalysis,
  pca: {readonly components: readonly (readonly number[])[]; readonly mean: readonly number[]}
): LinearMeasures | ReluMeasures {
  const spec = autoencoderSpec(run.hidden, 2, run.linear);
  const init = untrained(spec, run.seed);
  return run.linear
    ? measureLinear(Float64Array.from(run.params), analysis, pca.components[0], pca.mean)
    : measureRelu(spec, analysis, init.torch, init.tfjs);
}
