/**
 * What a training step needs to know, independent of how the step is computed:
 * the network, the data, the loss, the optimiser, which layers train and how the
 * weights are regularised. Both step engines (the fused typed-array step and the
 * tfjs oracle) take a `Problem` and nothing else.
 */
import type {MlpSpec} from "./mlp.js";
import {layerCount, validateSpec} from "./mlp.js";

/**
 * - `mse`: PyTorch's `MSELoss()`, the mean of (output − target)² over every
 *   coordinate of every row in the batch.
 * - `half-se`: the TensorFlow Playground's, ½ Σ_k (output_k − target_k)² per row,
 *   averaged over the rows.
 */
export type LossKind = "mse" | "half-se";

export type OptimizerConfig =
  | {
      readonly kind: "adam";
      readonly lr: number;
      readonly beta1: number;
      readonly beta2: number;
      readonly eps: number;
    }
  | {readonly kind: "sgd"; readonly lr: number};

/** PyTorch's Adam defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay. */
export function adam(lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8): OptimizerConfig {
  return {kind: "adam", lr, beta1, beta2, eps};
}

export function sgd(lr: number): OptimizerConfig {
  return {kind: "sgd", lr};
}

/**
 * Weight regularisation as the TensorFlow Playground applies it: after the
 * gradient update, every weight (not bias) moves by −lr·rate·∂R/∂w, with ∂R/∂w
 * taken at the weight before the gradient update (R = |w| or w²/2). With L1, a
 * weight that this move carries across zero is set to exactly zero and stays
 * there for the rest of training.
 */
export interface Regularization {
  readonly kind: "none" | "l1" | "l2";
  readonly rate: number;
}

export interface Problem {
  readonly spec: MlpSpec;
  /** Inputs, row-major [n, widths[0]]. */
  readonly inputs: Float64Array;
  /** Targets, row-major [n, widths[L]]; an autoencoder passes its inputs. */
  readonly targets: Float64Array;
  readonly n: number;
  readonly loss: LossKind;
  readonly optimizer: OptimizerConfig;
  /** One flag per layer: false freezes that layer's weights and bias. Default: all train. */
  readonly trainable?: readonly boolean[];
  readonly regularization?: Regularization;
}

export function trainableLayers(problem: Problem): boolean[] {
  const L = layerCount(problem.spec);
  const t = problem.trainable ? [...problem.trainable] : new Array<boolean>(L).fill(true);
  if (t.length !== L) throw new RangeError(`expected ${L} trainable flags, got ${t.length}`);
  return t;
}

export function validateProblem(problem: Problem): void {
  validateSpec(problem.spec);
  const {spec, n, inputs, targets, optimizer} = problem;
  const din = spec.widths[0];
  const dout = spec.widths[spec.widths.length - 1];
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (inputs.length !== n * din)
    throw new RangeError(`inputs: expected ${n * din} values, got ${inputs.length}`);
  if (targets.length !== n * dout)
    throw new RangeError(`targets: expected ${n * dout} values, got ${targets.length}`);
  if (!(optimizer.lr > 0) || !Number.isFinite(optimizer.lr))
    throw new RangeError(`learning rate must be positive, got ${optimizer.lr}`);
  if (!trainableLayers(problem).some(Boolean)) throw new RangeError("at least one layer must train");
}

/**
 * One optimisation step at a time, on a batch chosen by the caller. Callers
 * (loaders, the worker, tests) use only this interface and never learn how a
 * step is computed.
 */
export interface StepEngine {
  readonly problem: Problem;
  /** One update on rows batch[0..count) of the data; returns the batch loss before the update. */
  step(batch: ArrayLike<number>, count: number): number;
  /** A copy of the current parameters in the flat layout of `mlp.ts`. */
  getParams(): Float64Array;
  /** Replaces the parameters (the optimiser's state is kept). */
  setParams(params: Float64Array): void;
  /** Frees whatever the engine holds (tensors, buffers). */
  dispose(): void;
}
