/**
 * The network a state_dict describes: its linear layers in order (pairs
 * `<name>.weight` [out, in] and `<name>.bias` [out], under any prefix such as
 * `autoencoder.` or `model.`), checked against the sheet's form of an
 * autoencoder (widths chain, two inputs, two outputs, a bottleneck of width 1),
 * and the flat parameter vector in the layout of `engine/mlp.ts`.
 */
import type {Activation} from "../engine/mlp.js";
import {paramCount} from "../engine/mlp.js";
import type {AutoencoderSpec} from "../autoencoder/models.js";
import {autoencoderSpec} from "../autoencoder/models.js";
import type {StateDict} from "./state-dict.js";
import {ModelFileError} from "./state-dict.js";

export interface LinearLayer {
  /** The module's name without `.weight`/`.bias`, e.g. `autoencoder.encoder.0`. */
  readonly name: string;
  readonly in: number;
  readonly out: number;
}

export interface Architecture {
  readonly layers: readonly LinearLayer[];
  /** The sheet's notation: the widths after the input, e.g. [50, 50, 50, 1, 50, 50, 50, 2]. */
  readonly hidden: readonly number[];
  /** True for the two-layer model {1, 2}, which the sheet trains without any activation. */
  readonly linear: boolean;
  /** The common prefix of every key (e.g. `autoencoder.`), empty if none. */
  readonly prefix: string;
  readonly params: number;
  /** Keys that are not part of a linear layer (ignored). */
  readonly ignored: readonly string[];
}

/** Which activation follows the hidden layers (never the bottleneck or the output). */
export type HiddenActivation = Activation;

/** The sheet's notation, "{50, 50, 50, 1, 50, 50, 50, 2}". */
export const notation = (hidden: readonly number[]): string => `{${hidden.join(", ")}}`;

export function inferArchitecture(dict: StateDict): Architecture {
  const keys = Object.keys(dict);
  const layers: LinearLayer[] = [];
  const used = new Set<string>();
  for (const key of keys) {
    if (!key.endsWith(".weight") || dict[key].shape.length !== 2) continue;
    const name = key.slice(0, -".weight".length);
    const bias = dict[`${name}.bias`];
    const [out, nin] = dict[key].shape;
    if (!bias)
      throw new ModelFileError(
        `The layer ${name} has a weight but no bias; the sheet's nn.Linear layers have both.`
      );
    if (bias.shape.length !== 1 || bias.shape[0] !== out) {
      throw new ModelFileError(
        `The bias of ${name} has shape [${bias.shape.join(", ")}], its weight [${out}, ${nin}]: they do not belong together.`
      );
    }
    layers.push({name, in: nin, out});
    used.add(key).add(`${name}.bias`);
  }
  if (layers.length === 0) {
    throw new ModelFileError(
      "No linear layers found: expected pairs of <name>.weight [out, in] and <name>.bias [out], as nn.Linear saves them."
    );
  }
  for (let l = 1; l < layers.length; ++l) {
    if (layers[l].in !== layers[l - 1].out) {
      throw new ModelFileError(
        `The widths do not chain: ${layers[l - 1].name} has ${layers[l - 1].out} outputs but the next layer, ${layers[l].name}, takes ${layers[l].in} inputs.`
      );
    }
  }
  const hidden = layers.map((l) => l.out);
  if (layers[0].in !== 2) {
    throw new ModelFileError(
      `The first layer (${layers[0].name}) takes ${layers[0].in} inputs; the sheet's points have 2 coordinates.`
    );
  }
  if (hidden[hidden.length - 1] !== 2) {
    throw new ModelFileError(
      `The last layer (${layers[layers.length - 1].name}) has ${hidden[hidden.length - 1]} outputs; a reconstruction of the sheet's points has 2.`
    );
  }
  const narrowest = Math.min(...hidden.slice(0, -1));
  if (layers.length < 2 || narrowest !== 1) {
    throw new ModelFileError(
      `No bottleneck of width 1: the narrowest layer of ${notation(hidden)} has ${layers.length < 2 ? 2 : narrowest} neurons. The sheet's autoencoders squeeze the point into one number.`
    );
  }
  const prefixes = keys.map((k) => k.split(".")[0]);
  const prefix =
    prefixes.every((p) => p === prefixes[0]) &&
    !["encoder", "decoder"].includes(prefixes[0]) &&
    layers.length > 0 &&
    keys.every((k) => k.includes("."))
      ? `${prefixes[0]}.`
      : "";
  const linear = hidden.length === 2;
  const spec = autoencoderSpec(hidden, 2, linear);
  return {
    layers,
    hidden,
    linear,
    prefix,
    params: paramCount(spec),
    ignored: keys.filter((k) => !used.has(k))
  };
}

/**
 * The network to grade: the sheet's activations (ReLU after every hidden layer
 * except the bottleneck; none at all for the linear model), or `activation`
 * after every hidden layer instead.
 */
export function specOf(arch: Architecture, activation?: HiddenActivation): AutoencoderSpec {
  const sheet = autoencoderSpec(arch.hidden, 2, arch.linear);
  if (!activation) return sheet;
  const L = sheet.activations.length;
  const bottleneck = sheet.encoderLayers - 1;
  return {
    ...sheet,
    activations: sheet.activations.map((_, l) => (l === bottleneck || l === L - 1 ? "linear" : activation))
  };
}

/** The flat parameters (per layer: weight row-major [out, in], then bias), as float64. */
export function flatParams(dict: StateDict, arch: Architecture): Float64Array {
  const out = new Float64Array(arch.params);
  let at = 0;
  for (const layer of arch.layers) {
    for (const part of ["weight", "bias"]) {
      const data = dict[`${layer.name}.${part}`].data;
      out.set(data, at);
      at += data.length;
    }
  }
  return out;
}
