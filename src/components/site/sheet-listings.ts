/**
 * The code listings of exercise 1 (a) for one of the sheet's networks: the
 * PyTorch module, the same network in TensorFlow.js Layers, its training with
 * PyTorch Lightning and as a plain loop, and its trained weights of a seed as
 * a PyTorch state_dict with the snippet that loads them.
 */
import {html} from "htl";
import type {SheetNetwork} from "../../core/exercises/a/facts.js";
import type {AutoencoderSnapshot} from "../../core/autoencoder/snapshot.js";
import {
  lightningListing,
  loadSnippet,
  plainTrainingListing,
  stateDict,
  tfjsListing,
  torchListing
} from "../../core/autoencoder/listings.js";
import {SHEET_SETUP} from "../../core/autoencoder/setup.js";
import {SHEET_RECT} from "../../core/autoencoder/rectangle.js";
import {codeListing, dataDownloads, jsonBlob} from "./listing.js";

const TRAIN_SETUP = {...SHEET_SETUP, rect: SHEET_RECT};

export function torchCode(n: SheetNetwork): HTMLElement {
  const code = torchListing(n.spec, n.className, n.note);
  return codeListing(code, {label: `PyTorch: ${n.className}`, language: "python"});
}

export function tfjsCode(n: SheetNetwork): HTMLElement {
  return codeListing(tfjsListing(n.spec, n.name), {label: "TensorFlow.js Layers", language: "js"});
}

export function lightningCode(n: SheetNetwork): HTMLElement {
  const code = lightningListing(n.className, TRAIN_SETUP);
  return codeListing(code, {label: `PyTorch Lightning: training ${n.className}`, language: "python"});
}

export function plainLoopCode(n: SheetNetwork): HTMLElement {
  const code = plainTrainingListing(n.className, TRAIN_SETUP);
  return codeListing(code, {label: `Plain PyTorch: training ${n.className}`, language: "python"});
}

/** The download of the network's trained weights of `seed`, their full-data MSE, and how to load them in Python. */
export function trainedWeights(snap: AutoencoderSnapshot, n: SheetNetwork, seed: number): HTMLElement {
  const file = `autoencoder-${n.name}-seed${seed}.json`;
  const run = snap.models[n.name]!.runs.find((r) => r.seed === seed)!;
  const download = dataDownloads([
    {
      label: `Download ${n.name} weights, seed ${seed}`,
      filename: file,
      make: () => jsonBlob(stateDict(n.spec, run.weights))
    }
  ]);
  const note = html`<p class="source-note">Full-data MSE of these weights: ${run.final.mse}.</p>`;
  const load = codeListing(loadSnippet(n.className, file), {
    label: "Loading them in Python",
    language: "python"
  });
  return html`<div>${download}${note}${load}</div>` as HTMLElement;
}
