/**
 * Everything a reader can set in the playground, declared once: bounds,
 * defaults (the TensorFlow Playground's), the URL keys, and
 * the conversion between those values and a typed run configuration.
 */
import type {AnyField, Field, Ignored, Values} from "../settings/fields.js";
import {defaults, parseParams, toParams} from "../settings/fields.js";
import type {Activation} from "../engine/mlp.js";
import {ACTIVATION_LABELS, ACTIVATIONS} from "../engine/mlp.js";
import type {DataConfig, DatasetName} from "./datasets.js";
import {DATASET_NAMES} from "./datasets.js";
import type {FeatureName} from "./features.js";
import {FEATURE_NAMES} from "./features.js";

export const MAX_LAYERS = 6;
export const MAX_NEURONS = 8;

/** The Playground's menus of learning rates and regularisation rates. */
export const LEARNING_RATES: readonly string[] = [
  "0.00001",
  "0.0001",
  "0.001",
  "0.003",
  "0.01",
  "0.03",
  "0.1",
  "0.3",
  "1",
  "3",
  "10"
];
export const REGULARIZATION_RATES: readonly string[] = [
  "0",
  "0.001",
  "0.003",
  "0.01",
  "0.03",
  "0.1",
  "0.3",
  "1",
  "3",
  "10"
];

export type RegularizationKind = "none" | "l1" | "l2";
export const REGULARIZATION_KINDS: readonly RegularizationKind[] = ["none", "l1", "l2"];

/** A playground run: the data, the network and how it trains. */
export interface PlaygroundConfig extends DataConfig {
  readonly features: readonly FeatureName[];
  /** Neurons per hidden layer (0–6 layers of 1–8). */
  readonly hidden: readonly number[];
  readonly activation: Activation;
  readonly regularization: RegularizationKind;
  readonly regRate: number;
  readonly lr: number;
  readonly batchSize: number;
  /** One seed for the data and the initial weights. */
  readonly seed: number;
}

/** A configuration with the number of epochs it trains for (0: until paused). */
export interface PlaygroundSettings extends PlaygroundConfig {
  readonly epochs: number;
}

export const PLAYGROUND_FIELDS: readonly AnyField[] = [
  {key: "dataset", label: "data set", kind: "enum", options: DATASET_NAMES, value: "circle"},
  {key: "noise", label: "noise", kind: "int", min: 0, max: 50, value: 0},
  {key: "ratio", label: "training data (%)", kind: "int", min: 10, max: 90, value: 50},
  {key: "batch", label: "batch size", kind: "int", min: 1, max: 30, value: 10},
  {key: "features", label: "features", kind: "set", options: FEATURE_NAMES, minCount: 1, value: "x1,x2"},
  {
    key: "hidden",
    label: "hidden layers",
    kind: "ints",
    min: 1,
    max: MAX_NEURONS,
    minLength: 0,
    maxLength: MAX_LAYERS,
    value: "4,2"
  },
  {key: "activation", label: "activation", kind: "enum", options: ACTIVATIONS, value: "tanh"},
  {key: "reg", label: "regularisation", kind: "enum", options: REGULARIZATION_KINDS, value: "none"},
  {key: "regRate", label: "regularisation rate", kind: "enum", options: REGULARIZATION_RATES, value: "0"},
  {key: "lr", label: "learning rate", kind: "enum", options: LEARNING_RATES, value: "0.03"},
  {key: "seed", label: "seed", kind: "int", min: 0, max: 9999, value: 1},
  {key: "epochs", label: "stop at epoch (0: never)", kind: "int", min: 0, max: 100000, value: 0}
];

export function settingsFromValues(v: Values): PlaygroundSettings {
  const list = (key: string) => String(v[key]);
  return {
    dataset: v.dataset as DatasetName,
    noise: Number(v.noise),
    trainRatio: Number(v.ratio),
    batchSize: Number(v.batch),
    features: (list("features") === "" ? [] : list("features").split(",")) as FeatureName[],
    hidden: list("hidden") === "" ? [] : list("hidden").split(",").map(Number),
    activation: v.activation as Activation,
    regularization: v.reg as RegularizationKind,
    regRate: Number(v.regRate),
    lr: Number(v.lr),
    seed: Number(v.seed),
    epochs: Number(v.epochs)
  };
}

/** A rate written as the Playground's menu writes it ("0.03", "1e-5" → "0.00001"). */
function menuValue(x: number, menu: readonly string[]): string {
  const hit = menu.find((m) => Number(m) === x);
  if (hit === undefined) throw new RangeError(`${x} is not on the Playground's menu (${menu.join(", ")})`);
  return hit;
}

export function valuesFromSettings(s: PlaygroundSettings): Values {
  return {
    ...defaults(PLAYGROUND_FIELDS),
    dataset: s.dataset,
    noise: s.noise,
    ratio: s.trainRatio,
    batch: s.batchSize,
    features: FEATURE_NAMES.filter((f) => s.features.includes(f)).join(","),
    hidden: s.hidden.join(","),
    activation: s.activation,
    reg: s.regularization,
    regRate: menuValue(s.regRate, REGULARIZATION_RATES),
    lr: menuValue(s.lr, LEARNING_RATES),
    seed: s.seed,
    epochs: s.epochs
  };
}

/** The query string that opens the playground with these settings ("" for the defaults). */
export function settingsQuery(s: PlaygroundSettings): string {
  return toParams(PLAYGROUND_FIELDS, valuesFromSettings(s)).toString();
}

/** Settings from a query string; refused values are listed and replaced by defaults. */
export function settingsFromQuery(search: string): {
  settings: PlaygroundSettings;
  values: Values;
  ignored: ReturnType<typeof parseParams>["ignored"];
} {
  const {values, ignored} = parseParams(PLAYGROUND_FIELDS, new URLSearchParams(search));
  return {settings: settingsFromValues(values), values, ignored};
}

/**
 * Where a link opens a run: trained to this epoch, then paused (0: at the
 * start). It is a position in the run, not a setting of it, so it stays out of
 * the run's query; the playground writes it into the URL whenever it pauses.
 */
export const OPEN_AT_FIELD: Field = {
  key: "at",
  label: "paused at epoch",
  kind: "int",
  min: 0,
  max: 100000,
  value: 0
};

/** The epoch a query opens its run at; a value past the run's last epoch is refused with a reason. */
export function openAtFromQuery(
  search: string,
  settings: Pick<PlaygroundSettings, "epochs">
): {at: number; ignored: Ignored[]} {
  const {values, ignored} = parseParams([OPEN_AT_FIELD], new URLSearchParams(search));
  const at = Number(values.at);
  if (settings.epochs > 0 && at > settings.epochs) {
    return {
      at: 0,
      ignored: [
        ...ignored,
        {
          key: "at",
          raw: String(at),
          reason: `the run stops at epoch ${settings.epochs} (epochs=${settings.epochs}), so it cannot open at a later one`
        }
      ]
    };
  }
  return {at, ignored};
}

/** The query for these settings opened at epoch `at`. */
export function positionQuery(settingsParams: URLSearchParams, at: number): string {
  const params = new URLSearchParams(settingsParams);
  params.delete(OPEN_AT_FIELD.key);
  if (at > 0) params.set(OPEN_AT_FIELD.key, String(at));
  return params.toString();
}

/** "4 × 8 ReLU, L2 0.003, learning rate 0.03": how the pages name a network. */
export function architectureName(
  s: Pick<PlaygroundConfig, "hidden" | "activation" | "regularization" | "regRate" | "lr">
): string {
  const widths =
    s.hidden.every((w) => w === s.hidden[0]) && s.hidden.length > 0
      ? `${s.hidden.length} × ${s.hidden[0]}`
      : `[${s.hidden.join(", ")}]`;
  const act = ACTIVATION_LABELS[s.activation];
  const reg = s.regularization === "none" ? "" : `, ${s.regularization.toUpperCase()} ${s.regRate}`;
  return `${widths} ${act}${reg}, learning rate ${s.lr}`;
}
