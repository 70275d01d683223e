/**
 * One autoencoder run: its network, its initial parameters and a training loop,
 * all from one seed. Loaders drive `loop.runEpoch()` to the end; the worker drives
 * it an epoch at a time between progress reports.
 */
import type {AutoencoderSpec} from "./models.js";
import {autoencoderSpec} from "./models.js";
import {createEngine} from "../engine/engine.js";
import type {EngineOptions} from "../engine/engine.js";
import type {InitScheme} from "../engine/mlp.js";
import {initLayer, initParams, layerCount, layout} from "../engine/mlp.js";
import type {OptimizerConfig} from "../engine/problem.js";
import {adam} from "../engine/problem.js";
import {createRng} from "../engine/random.js";
import type {Rng} from "../engine/random.js";
import {TrainingLoop} from "../engine/train.js";

export interface AutoencoderRunConfig {
  /** Hidden widths in the sheet's notation, ending with the input dimension. */
  readonly hidden: readonly number[];
  /** No non-linearity anywhere (the PCA-like model). */
  readonly linear: boolean;
  readonly seed: number;
  readonly batchSize: number;
  readonly init: InitScheme;
  /** Default: Adam with PyTorch's defaults. */
  readonly optimizer?: OptimizerConfig;
  /** Train only the encoder (decoder frozen). */
  readonly freezeDecoder?: boolean;
  /**
   * With `initial`: redraw the encoder's layers from the run's random source
   * (scheme `init`) and keep the decoder's given values. The shuffles continue
   * from the same source.
   */
  readonly reinitEncoder?: boolean;
}

export interface AutoencoderRun {
  readonly spec: AutoencoderSpec;
  readonly initial: Float64Array;
  readonly loop: TrainingLoop;
  /** The run's random source, after the initial draws; shuffles continue from it. */
  readonly rng: Rng;
}

/**
 * Draws initial parameters from `createRng(seed)` (unless `initial` is given;
 * then only the encoder is redrawn, if `reinitEncoder`) and prepares the loop
 * on `data` (row-major [n, 2]). The same stream then shuffles.
 */
export function startAutoencoder(
  config: AutoencoderRunConfig,
  data: Float64Array,
  engine: EngineOptions = {},
  initial?: Float64Array
): AutoencoderRun {
  const spec = autoencoderSpec(config.hidden, 2, config.linear);
  const rng = createRng(config.seed);
  const params = initial ? Float64Array.from(initial) : initParams(spec, config.init, rng);
  if (initial && config.reinitEncoder) {
    for (const layer of layout(spec).slice(0, spec.encoderLayers)) initLayer(params, layer, config.init, rng);
  }
  const L = layerCount(spec);
  const trainable = config.freezeDecoder
    ? Array.from({length: L}, (_, l) => l < spec.encoderLayers)
    : undefined;
  const problem = {
    spec,
    inputs: data,
    targets: data,
    n: data.length / 2,
    loss: "mse" as const,
    optimizer: config.optimizer ?? adam(),
    trainable
  };
  const stepEngine = createEngine(problem, params, engine);
  return {spec, initial: params, loop: new TrainingLoop(stepEngine, rng, {batchSize: config.batchSize}), rng};
}
