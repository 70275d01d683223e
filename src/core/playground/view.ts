/**
 * What the playground's figures draw at one moment of training: the output over
 * the input square [−6, 6]², every node's own output over the same square (the
 * features, each hidden neuron, the output neuron), the parameters and losses.
 */
import {gridPoints} from "../autoencoder/rectangle.js";
import type {MlpSpec} from "../engine/mlp.js";
import {forward, layerCount} from "../engine/mlp.js";
import {sig, sigArray} from "../format/round.js";
import {featurize} from "./features.js";
import type {FeatureName} from "./features.js";
import type {WeightStats} from "./run.js";
import {weightStats} from "./run.js";

/** The input square the Playground draws. */
export const PLAYGROUND_RECT = {x: [-6, 6] as const, y: [-6, 6] as const};

export interface PlaygroundViewOptions {
  /** Cells per side of the output map (0: none). */
  readonly grid: number;
  /** Cells per side of each node's small map (0: none). */
  readonly nodeGrid: number;
}

export interface PlaygroundView {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  /** The output on grid × grid cells, row by row from the bottom (y = −6) up. */
  readonly output: number[];
  readonly grid: number;
  /** Each node's output on nodeGrid² cells: the features, then every hidden layer, then the output neuron. */
  readonly nodes: number[][];
  readonly nodeGrid: number;
  /** The parameters, flat, in the layout of mlp.ts (weights [out, in], then biases, per layer). */
  readonly params: number[];
  readonly stats: WeightStats;
}

/** Every layer's outputs on `n` rows: index 0 the inputs, then one array per layer. */
export function layerOutputs(
  spec: MlpSpec,
  params: Float64Array,
  inputs: Float64Array,
  n: number
): Float64Array[] {
  const out = [inputs];
  for (let l = 0; l < layerCount(spec); ++l) out.push(forward(spec, params, out[l], n, l, l + 1));
  return out;
}

/** Column `k` of a row-major [n, width] array. */
function column(values: Float64Array, width: number, k: number, n: number): number[] {
  return Array.from({length: n}, (_, r) => sig(values[r * width + k], 3));
}

/** The output of the network on a grid over [−6, 6]², row by row from the bottom. */
export function outputMap(
  spec: MlpSpec,
  params: Float64Array,
  features: readonly FeatureName[],
  grid: number
): number[] {
  const n = grid * grid;
  if (n === 0) return [];
  return sigArray(forward(spec, params, featurize(gridPoints(PLAYGROUND_RECT, grid, grid), features), n), 3);
}

export function describePlayground(
  state: {
    readonly spec: MlpSpec;
    readonly features: readonly FeatureName[];
    readonly params: Float64Array;
    readonly epoch: number;
    readonly trainLoss: number;
    readonly testLoss: number;
  },
  options: PlaygroundViewOptions
): PlaygroundView {
  const {spec, features, params} = state;
  const nodes: number[][] = [];
  if (options.nodeGrid > 0) {
    const n = options.nodeGrid * options.nodeGrid;
    const layers = layerOutputs(
      spec,
      params,
      featurize(gridPoints(PLAYGROUND_RECT, options.nodeGrid, options.nodeGrid), features),
      n
    );
    layers.forEach((values, l) => {
      for (let k = 0; k < spec.widths[l]; ++k) nodes.push(column(values, spec.widths[l], k, n));
    });
  }
  return {
    epoch: state.epoch,
    trainLoss: sig(state.trainLoss, 4),
    testLoss: sig(state.testLoss, 4),
    output: outputMap(spec, params, features, options.grid),
    grid: options.grid,
    nodes,
    nodeGrid: options.nodeGrid,
    params: sigArray(params, 4),
    stats: weightStats(spec, params)
  };
}
