/**
 * What a network's weights say about its structure: which inputs it still uses
 * and which hidden neurons still take part (a weight of exactly 0 is a missing
 * connection, as L1 leaves them).
 */
import type {MlpSpec} from "../engine/mlp.js";
import {layout} from "../engine/mlp.js";

export interface InputUse {
  /** Σ |w| over the weights leaving the input. */
  readonly sumAbs: number;
  /** How many of those weights are not exactly 0. */
  readonly connections: number;
}

/** For every input of the network, how strongly the first layer listens to it. */
export function inputUse(spec: MlpSpec, params: ArrayLike<number>): InputUse[] {
  const first = layout(spec)[0];
  return Array.from({length: first.in}, (_, i) => {
    let sumAbs = 0;
    let connections = 0;
    for (let j = 0; j < first.out; ++j) {
      const w = params[first.w + j * first.in + i];
      sumAbs += Math.abs(w);
      if (w !== 0) ++connections;
    }
    return {sumAbs, connections};
  });
}

/**
 * Hidden neurons per layer that still take part: at least one incoming and one
 * outgoing weight not exactly 0. (A neuron without inputs still sends its
 * constant bias on; without outputs it is invisible to the network's output.)
 */
export function activeNeurons(spec: MlpSpec, params: ArrayLike<number>): number[] {
  const layers = layout(spec);
  const counts: number[] = [];
  for (let l = 0; l + 1 < layers.length; ++l) {
    const into = layers[l];
    const out = layers[l + 1];
    let n = 0;
    for (let k = 0; k < into.out; ++k) {
      let hasIn = false;
      for (let i = 0; i < into.in && !hasIn; ++i) hasIn = params[into.w + k * into.in + i] !== 0;
      let hasOut = false;
      for (let j = 0; j < out.out && !hasOut; ++j) hasOut = params[out.w + j * out.in + k] !== 0;
      if (hasIn && hasOut) ++n;
    }
    counts.push(n);
  }
  return counts;
}
