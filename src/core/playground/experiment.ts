/**
 * A pretrained playground experiment: settings in, a result the pages draw out.
 * The result carries its settings and the playground query that reruns it, so a
 * reader can open it in the playground, press play and watch the same numbers
 * appear (the page and the loaders train with the same code).
 */
import {sig, sigArray} from "../format/round.js";
import type {Points} from "./datasets.js";
import {PlaygroundRun, weightStats} from "./run.js";
import type {WeightStats} from "./run.js";
import type {PlaygroundSettings} from "./settings.js";
import {settingsQuery} from "./settings.js";
import type {PlaygroundView, PlaygroundViewOptions} from "./view.js";
import {describePlayground} from "./view.js";

export interface ExperimentOptions {
  readonly view: PlaygroundViewOptions;
  /** About how many points each loss curve keeps (0: the first and last epoch only). */
  readonly curvePoints: number;
}

export interface ExperimentResult {
  readonly settings: PlaygroundSettings;
  /** The playground's query string for these settings. */
  readonly query: string;
  readonly trainLoss: number;
  readonly testLoss: number;
  /** Fractions of points on the wrong side of zero. */
  readonly trainError: number;
  readonly testError: number;
  /** Mean |output| over the test points: 1 means every answer is fully confident. */
  readonly testConfidence: number;
  /** Train and test loss at a subset of epochs, 0 and the last included. */
  readonly curve: {readonly epoch: number[]; readonly train: number[]; readonly test: number[]};
  readonly final: PlaygroundView;
  /** The weights before training. */
  readonly initialStats: WeightStats;
}

/** Points as [x1, x2, label] rows, rounded for drawing. */
export function pointRows(points: Points): number[][] {
  return Array.from(points.label, (l, i) => [sig(points.xy[2 * i], 4), sig(points.xy[2 * i + 1], 4), l]);
}

function classification(
  run: PlaygroundRun,
  params: Float64Array
): {trainError: number; testError: number; testConfidence: number} {
  const rate = (inputs: Float64Array, labels: Float64Array) => {
    const out = run.outputs(params, inputs, labels.length);
    let wrong = 0;
    let abs = 0;
    for (let i = 0; i < labels.length; ++i) {
      if (out[i] * labels[i] <= 0) ++wrong;
      abs += Math.abs(out[i]);
    }
    return {error: wrong / labels.length, confidence: abs / labels.length};
  };
  const train = rate(run.trainInputs, run.data.train.label);
  const test = rate(run.testInputs, run.data.test.label);
  return {trainError: train.error, testError: test.error, testConfidence: test.confidence};
}

export function runExperiment(settings: PlaygroundSettings, options: ExperimentOptions): ExperimentResult {
  if (!(settings.epochs >= 1)) throw new RangeError("a pretrained experiment needs a number of epochs");
  const run = new PlaygroundRun(settings);
  // With curvePoints 0, the curve keeps only the first and the last epoch.
  const stride =
    options.curvePoints > 0 ? Math.max(1, Math.ceil(settings.epochs / options.curvePoints)) : Infinity;
  const curve = {epoch: [] as number[], train: [] as number[], test: [] as number[]};
  const record = () => {
    const {train, test} = run.losses();
    curve.epoch.push(run.epoch);
    curve.train.push(train);
    curve.test.push(test);
  };
  record();
  while (run.epoch < settings.epochs) {
    const step = run.runEpoch();
    if (!Number.isFinite(step))
      throw new Error(`the experiment ${settingsQuery(settings)} diverged in epoch ${run.epoch}`);
    if (run.epoch % stride === 0 || run.epoch === settings.epochs) record();
  }
  const params = run.params();
  const {train, test} = run.losses(params);
  const final = describePlayground(
    {spec: run.spec, features: settings.features, params, epoch: run.epoch, trainLoss: train, testLoss: test},
    options.view
  );
  run.dispose();
  return {
    settings,
    query: settingsQuery(settings),
    trainLoss: train,
    testLoss: test,
    ...classification(run, params),
    curve: {epoch: curve.epoch, train: sigArray(curve.train, 4), test: sigArray(curve.test, 4)},
    final,
    initialStats: weightStats(run.spec, run.initial)
  };
}
