/**
 * What the page of exercise 1 (a) quotes: the sheet's three networks with their
 * specs and parameter counts, the trained linear model's geometry for a seed
 * (as the prose writes its numbers), and the training setup in words. No DOM.
 */
import type {AutoencoderSpec, ModelName} from "../../autoencoder/models.js";
import {sheetModel} from "../../autoencoder/models.js";
import type {AutoencoderSnapshot} from "../../autoencoder/snapshot.js";
import {SHEET_CLASSES} from "../../autoencoder/listings.js";
import {linearGeometry} from "../../autoencoder/analysis.js";
import type {AutoencoderSetup} from "../../autoencoder/setup.js";
import {SHEET_SETUP} from "../../autoencoder/setup.js";
import {paramCount} from "../../engine/mlp.js";
import {count} from "../../format/words.js";

export type SheetClass = (typeof SHEET_CLASSES)[number];

export interface SheetNetwork extends SheetClass {
  readonly spec: AutoencoderSpec;
  readonly params: number;
  /** "small: 563 parameters", as the network's card is headed. */
  readonly heading: string;
}

/** The sheet's three networks, in the order of the listings (small, big, PCA-like). */
export function sheetNetworks(): SheetNetwork[] {
  return SHEET_CLASSES.map((c) => {
    const spec = sheetModel(c.name);
    const params = paramCount(spec);
    const title = c.name === "pca" ? "PCA-like (linear)" : c.name;
    return {...c, spec, params, heading: `${title}: ${count(params, "parameter")}`};
  });
}

/** The parameter counts as the prose writes them ("10,603"). */
export function parameterCounts(networks: readonly SheetNetwork[]): Record<ModelName, string> {
  return Object.fromEntries(networks.map((n) => [n.name, n.params.toLocaleString("en-US")])) as Record<
    ModelName,
    string
  >;
}

/** The trained linear model of `seed`: its weights, angles to the first principal axis, gain and code scale. */
export function linearFacts(snap: AutoencoderSnapshot, seed: number) {
  const run = snap.models.pca!.runs.find((r) => r.seed === seed)!;
  const geo = linearGeometry(run.weights, snap.pca.components[0]);
  return {
    w: geo.w.map((x) => x.toFixed(3)).join(", "),
    u: geo.u.map((x) => x.toFixed(3)).join(", "),
    encoderAngle: geo.encoderAngle.toFixed(2),
    decoderAngle: geo.decoderAngle.toFixed(2),
    gain: geo.gain.toFixed(4),
    codeScale: geo.codeScale.toFixed(3)
  };
}

/** The notebook's training setup in words. */
export function setupWords(s: AutoencoderSetup = SHEET_SETUP) {
  return {
    lr: String(s.lr),
    n: String(s.n),
    batchSize: String(s.batchSize),
    epochs: count(s.epochs, "epoch"),
    steps: count(Math.floor(s.n / s.batchSize), "step")
  };
}
