/**
 * The views a reader can set up on exercise 1 (c)/(d) besides the training
 * settings: which seed's decoders, over which interval, from which
 * initialisation; which data point is pointed at; which model's training
 * history at which epoch. Declared as fields, so each one is validated and
 * kept in the URL like every setting (a view is a link).
 */
import type {Field} from "./fields.js";
import {SEEDS, SHEET_SETUP} from "../autoencoder/setup.js";

export const CD_VIEW_FIELDS = {
  curveSeed: {
    key: "curveSeed",
    label: "seed",
    kind: "int",
    min: Math.min(...SEEDS),
    max: Math.max(...SEEDS),
    value: SEEDS[0]
  },
  interval: {
    key: "interval",
    label: "latent interval",
    kind: "enum",
    options: ["data", "fixed"],
    value: "data"
  },
  a: {key: "a", label: "a (fixed interval)", kind: "number", min: 0.5, max: 20, step: 0.5, value: 3},
  untrained: {
    key: "untrained",
    label: "untrained: initialisation",
    kind: "enum",
    options: ["torch", "tfjs"],
    value: "torch",
    help: "Which draw the untrained panels use: PyTorch's nn.Linear (weights and biases uniform in ±1/√fan-in) or TensorFlow.js's dense layer (Glorot-normal weights, zero biases)."
  },
  pointModel: {
    key: "pointModel",
    label: "model",
    kind: "enum",
    options: ["pca", "small", "big"],
    value: "big"
  },
  point: {key: "point", label: "data point", kind: "int", min: 1, max: SHEET_SETUP.n, value: 1},
  historyModel: {
    key: "historyModel",
    label: "model",
    kind: "enum",
    options: ["pca", "small", "big"],
    value: "big"
  }
} as const satisfies Record<string, Field>;
