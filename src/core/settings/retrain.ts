/**
 * What a reader can change when retraining the autoencoders in the page, with
 * bounds and the published defaults, and how those settings become training jobs.
 */
import type {ModelName} from "../autoencoder/models.js";
import {SHEET_HIDDEN} from "../autoencoder/models.js";
import type {Field, Values} from "./fields.js";
import type {InitScheme} from "../engine/mlp.js";
import {DEFAULT_ENGINE, ENGINE_KINDS} from "../engine/engine.js";
import {SEEDS, SHEET_SETUP} from "../autoencoder/setup.js";

export const RETRAIN_FIELDS: readonly Field[] = [
  {key: "seed", label: "seed", kind: "int", min: 0, max: 9999, value: SEEDS[0]},
  {key: "lr", label: "learning rate", kind: "number", min: 1e-5, max: 1, value: SHEET_SETUP.lr, log: true},
  {key: "epochs", label: "epochs", kind: "int", min: 1, max: 5000, value: SHEET_SETUP.epochs},
  {key: "batch", label: "batch size", kind: "int", min: 1, max: SHEET_SETUP.n, value: SHEET_SETUP.batchSize},
  {
    key: "init",
    label: "initialisation",
    kind: "enum",
    options: ["torch", "tfjs"],
    value: SHEET_SETUP.init,
    help: "How the weights start. torch: weights and biases from U(−1/√fan-in, 1/√fan-in), as in PyTorch; tfjs: Glorot-normal weights and zero biases, as in TensorFlow.js."
  },
  {key: "optimizer", label: "optimiser", kind: "enum", options: ["adam", "sgd"], value: "adam"},
  {
    key: "smallOuter",
    label: "small: outer width",
    kind: "int",
    min: 2,
    max: 100,
    value: SHEET_HIDDEN.small[0]
  },
  {
    key: "smallInner",
    label: "small: inner width",
    kind: "int",
    min: 2,
    max: 100,
    value: SHEET_HIDDEN.small[1]
  },
  {key: "bigWidth", label: "big: width", kind: "int", min: 2, max: 100, value: SHEET_HIDDEN.big[0]},
  {key: "bigDepth", label: "big: layers per side", kind: "int", min: 1, max: 5, value: 3},
  {
    key: "engine",
    label: "engine",
    kind: "enum",
    options: [...ENGINE_KINDS],
    value: DEFAULT_ENGINE,
    help: "Who computes each step. wasm: WebAssembly (float32, fastest), this site's own code, which trained the published results; fused: the same step in float64 JavaScript; tfjs: TensorFlow.js (the oracle), automatic differentiation in float32, slower, as a cross-check."
  }
];

export interface RetrainJob {
  readonly model: ModelName;
  readonly hidden: number[];
  readonly linear: boolean;
  readonly seed: number;
  readonly lr: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly init: InitScheme;
  readonly optimizer: "adam" | "sgd";
  /** Start from these parameters (flat, in the layout of `mlp.ts`) instead of drawing them all. */
  readonly initial?: readonly number[];
  /** With `initial`: redraw the encoder's layers from the seed's stream, keep the decoder. */
  readonly reinitEncoder?: boolean;
  /** Train the encoder only; every decoder parameter stays as it is. */
  readonly freezeDecoder?: boolean;
  /** Record the full-data MSE at the start and after the epoch that reaches each multiple of this many examples. */
  readonly evalEvery?: number;
}

/** The hidden widths (sheet notation) of a model under the given settings. */
export function hiddenFor(model: ModelName, v: Values): number[] {
  if (model === "pca") return [...SHEET_HIDDEN.pca];
  if (model === "small") {
    const outer = Number(v.smallOuter);
    const inner = Number(v.smallInner);
    return [outer, inner, 1, inner, outer, 2];
  }
  const side = Array.from({length: Number(v.bigDepth)}, () => Number(v.bigWidth));
  return [...side, 1, ...side, 2];
}

export function retrainJobs(v: Values, models: readonly ModelName[] = ["pca", "small", "big"]): RetrainJob[] {
  return models.map((model) => ({
    model,
    hidden: hiddenFor(model, v),
    linear: model === "pca",
    seed: Number(v.seed),
    lr: Number(v.lr),
    epochs: Number(v.epochs),
    batchSize: Number(v.batch),
    init: v.init as InitScheme,
    optimizer: v.optimizer === "sgd" ? "sgd" : "adam"
  }));
}
