/**
 * One playground run, trained as the TensorFlow Playground trains: the chosen
 * features of the points, hidden layers with one activation, a tanh output,
 * weights U(−0.5, 0.5) and biases 0.1, plain SGD on ½(output − label)² averaged
 * over the batch, the training set walked in the same fixed order every epoch
 * with an update after every batchSize-th point (leftover points join the next
 * epoch's first update), and L1/L2 applied to weights after every update.
 * Losses are the Playground's: ½(output − label)² averaged over a whole set.
 */
import {createEngine} from "../engine/engine.js";
import type {EngineOptions} from "../engine/engine.js";
import type {Activation, LayerLayout, MlpSpec} from "../engine/mlp.js";
import {activate, forward, initParams, layout} from "../engine/mlp.js";
import type {Problem, Regularization} from "../engine/problem.js";
import {sgd} from "../engine/problem.js";
import {createRng} from "../engine/random.js";
import type {Rng} from "../engine/random.js";
import {TrainingLoop} from "../engine/train.js";
import type {PlaygroundData} from "./datasets.js";
import {playgroundData} from "./datasets.js";
import {featurize} from "./features.js";
import type {PlaygroundConfig} from "./settings.js";
import {MAX_LAYERS, MAX_NEURONS} from "./settings.js";

export function playgroundSpec(
  config: Pick<PlaygroundConfig, "features" | "hidden" | "activation">
): MlpSpec {
  if (config.features.length < 1) throw new RangeError("choose at least one feature");
  if (config.hidden.length > MAX_LAYERS) throw new RangeError(`at most ${MAX_LAYERS} hidden layers`);
  for (const w of config.hidden) {
    if (!Number.isInteger(w) || w < 1 || w > MAX_NEURONS)
      throw new RangeError(`a hidden layer has 1–${MAX_NEURONS} neurons, got ${w}`);
  }
  return {
    widths: [config.features.length, ...config.hidden, 1],
    activations: [...config.hidden.map(() => config.activation), "tanh"]
  };
}

/** Mean over the rows of ½(output − label)²: the loss the Playground shows. */
export function playgroundLoss(
  spec: MlpSpec,
  params: Float64Array,
  inputs: Float64Array,
  labels: Float64Array
): number {
  const n = labels.length;
  if (n === 0) return NaN;
  const out = forward(spec, params, inputs, n);
  let sum = 0;
  for (let i = 0; i < n; ++i) {
    const e = out[i] - labels[i];
    sum += 0.5 * e * e;
  }
  return sum / n;
}

/**
 * `playgroundLoss` for one fixed set of rows, with its buffers allocated once:
 * the job evaluates the training and the test set after every epoch, which costs
 * more than the epoch itself. The same arithmetic in the same order as `forward`.
 */
export class SetLoss {
  private readonly layers: LayerLayout[];
  private readonly buffers: Float64Array[];

  constructor(
    private readonly spec: MlpSpec,
    private readonly inputs: Float64Array,
    private readonly labels: Float64Array
  ) {
    this.layers = layout(spec);
    this.buffers = this.layers.map((ly) => new Float64Array(labels.length * ly.out));
  }

  at(params: Float64Array): number {
    const n = this.labels.length;
    if (n === 0) return NaN;
    let x = this.inputs;
    this.layers.forEach((ly, l) => {
      const y = this.buffers[l];
      dense(params, ly, x, y, n);
      activateAll(this.spec.activations[l], y);
      x = y;
    });
    let sum = 0;
    for (let i = 0; i < n; ++i) {
      const e = x[i] - this.labels[i];
      sum += 0.5 * e * e;
    }
    return sum / n;
  }
}

/** y = x Wᵀ + b for n rows, two rows at a time (each weight loaded once serves both; every sum keeps its order). */
function dense(p: Float64Array, ly: LayerLayout, x: Float64Array, y: Float64Array, n: number): void {
  const {in: nin, out: nout, w, b} = ly;
  let r = 0;
  for (; r + 1 < n; r += 2) {
    const x0 = r * nin;
    const x1 = x0 + nin;
    for (let j = 0; j < nout; ++j) {
      const wj = w + j * nin;
      let s0 = p[b + j];
      let s1 = s0;
      for (let i = 0; i < nin; ++i) {
        const wi = p[wj + i];
        s0 += wi * x[x0 + i];
        s1 += wi * x[x1 + i];
      }
      y[r * nout + j] = s0;
      y[(r + 1) * nout + j] = s1;
    }
  }
  for (; r < n; ++r) {
    const xr = r * nin;
    for (let j = 0; j < nout; ++j) {
      const wj = w + j * nin;
      let s = p[b + j];
      for (let i = 0; i < nin; ++i) s += p[wj + i] * x[xr + i];
      y[r * nout + j] = s;
    }
  }
}

function activateAll(a: Activation, y: Float64Array): void {
  if (a === "linear") return;
  for (let k = 0; k < y.length; ++k) y[k] = activate(a, y[k]);
}

export interface WeightStats {
  /** Number of weights (biases excluded). */
  readonly count: number;
  /** Fraction of weights that are exactly 0. */
  readonly zeroFraction: number;
  readonly meanAbs: number;
}

export function weightStats(spec: MlpSpec, params: Float64Array): WeightStats {
  let count = 0;
  let zeros = 0;
  let abs = 0;
  for (const ly of layout(spec)) {
    for (let k = ly.w; k < ly.w + ly.in * ly.out; ++k) {
      ++count;
      if (params[k] === 0) ++zeros;
      abs += Math.abs(params[k]);
    }
  }
  return {count, zeroFraction: zeros / count, meanAbs: abs / count};
}

/**
 * The random streams of a run, all from its one seed: the data and the initial
 * weights come from two independent streams, so changing the network leaves the
 * data as it is and vice versa.
 */
function streams(seed: number): {root: Rng; data: Rng; init: Rng} {
  const root = createRng(seed);
  const data = root.fork();
  return {root, data, init: root.fork()};
}

/** The training and test points a run with this configuration uses. */
export function runData(config: PlaygroundConfig): PlaygroundData {
  return playgroundData(config, streams(config.seed).data);
}

export class PlaygroundRun {
  readonly config: PlaygroundConfig;
  readonly data: PlaygroundData;
  readonly spec: MlpSpec;
  readonly initial: Float64Array;
  readonly trainInputs: Float64Array;
  readonly testInputs: Float64Array;
  readonly loop: TrainingLoop;
  private readonly trainLoss: SetLoss;
  private readonly testLoss: SetLoss;

  constructor(config: PlaygroundConfig, engine: EngineOptions = {}) {
    this.config = config;
    const rng = streams(config.seed);
    this.data = playgroundData(config, rng.data);
    this.spec = playgroundSpec(config);
    this.initial = initParams(this.spec, "playground", rng.init);
    this.trainInputs = featurize(this.data.train.xy, config.features);
    this.testInputs = featurize(this.data.test.xy, config.features);
    this.trainLoss = new SetLoss(this.spec, this.trainInputs, this.data.train.label);
    this.testLoss = new SetLoss(this.spec, this.testInputs, this.data.test.label);
    const regularization: Regularization = {
      kind: config.regularization,
      rate: config.regularization === "none" ? 0 : config.regRate
    };
    const problem: Problem = {
      spec: this.spec,
      inputs: this.trainInputs,
      targets: this.data.train.label,
      n: this.data.train.label.length,
      loss: "half-se",
      optimizer: sgd(config.lr),
      regularization
    };
    // The order is fixed: the loop never shuffles, so its random source is never drawn from.
    this.loop = new TrainingLoop(createEngine(problem, this.initial, engine), rng.root, {
      batchSize: config.batchSize,
      shuffle: false,
      carryLast: true
    });
  }

  get epoch(): number {
    return this.loop.epoch;
  }

  params(): Float64Array {
    return this.loop.engine.getParams();
  }

  /** The network's output for `n` feature rows. */
  outputs(params: Float64Array, inputs: Float64Array, n: number): Float64Array {
    return forward(this.spec, params, inputs, n);
  }

  /** The Playground's train and test loss at the current parameters. */
  losses(params: Float64Array = this.params()): {train: number; test: number} {
    return {train: this.trainLoss.at(params), test: this.testLoss.at(params)};
  }

  /** One epoch; returns its mean step loss (not finite if training diverged). */
  runEpoch(): number {
    return this.loop.runEpoch();
  }

  dispose(): void {
    this.loop.engine.dispose();
  }
}
