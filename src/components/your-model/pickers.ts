/**
 * The inputs of "Check your own model": the model file (with the bundled
 * example shown first), the activation assumed after the hidden layers, the
 * reader's own points and the choice to grade on them, and the listing that
 * says how to save a model in Python. Each returns an element with a value
 * for Observable's `view()`.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {checkSize, loadModel} from "../../core/model-file/read.js";
import {notation} from "../../core/model-file/architecture.js";
import {parsePoints} from "../../core/model-file/points.js";
import {SAVE_SNIPPETS} from "../../core/model-file/save-snippets.js";
import type {ActivationChoice, ChosenModel} from "../../core/model-file/your-model.js";
import type {Architecture} from "../../core/model-file/architecture.js";
import {ACTIVATION_LABELS} from "../../core/engine/mlp.js";
import {count} from "../../core/format/words.js";
import {codeListing} from "../site/listing.js";
import type {FileDrop} from "./file-drop.js";
import {fileDrop} from "./file-drop.js";

const MODEL_HINT =
  "PyTorch .pt/.pth (torch.save), Lightning .ckpt, .safetensors or the report's JSON state_dict. Choose it, or drop it here.";

/** The model picker; its value is the bundled example (the published big model, seed 0) until a file is read. */
export function modelPicker(exampleBytes: ArrayBuffer): FileDrop<ChosenModel> {
  const example: ChosenModel = {
    name: "the published big model, seed 0 (example)",
    model: loadModel(new Uint8Array(exampleBytes)),
    isExample: true
  };
  return fileDrop<ChosenModel>({
    label: "Your model file",
    hint: MODEL_HINT,
    read: (name, bytes) => ({name, model: loadModel(bytes)}),
    checkSize,
    initial: example,
    describe: (name, v) => `Read ${name}: ${v.model.format}, ${notation(v.model.arch.hidden)}.`
  });
}

/** How to save a model in Python, in each format the picker reads. */
export function savingListing(): HTMLElement {
  return codeListing(SAVE_SNIPPETS, {
    label: "Saving your model in Python, in any of the four formats",
    language: "python"
  });
}

export function activationPicker(arch: Architecture): HTMLElement & {value: ActivationChoice} {
  const sheet = arch.linear ? "the sheet's (none)" : "the sheet's (ReLU)";
  return Inputs.radio<ActivationChoice>(["sheet", "relu", "tanh", "sigmoid", "linear"], {
    label: "activation after the hidden layers",
    value: "sheet",
    format: (a) => (a === "sheet" ? sheet : ACTIVATION_LABELS[a])
  });
}

export interface OwnPoints {
  readonly name: string;
  readonly points: Float64Array;
}

const POINTS_HINT =
  "Your notebook drew other points than this report. A CSV with two columns x1, x2 (a header row is fine) or JSON [[x1, x2], …].";

export function pointsPicker(): FileDrop<OwnPoints> {
  return fileDrop<OwnPoints>({
    label: "Your own points (optional)",
    hint: POINTS_HINT,
    read: (name, bytes) => ({name, points: parsePoints(new TextDecoder().decode(bytes))}),
    checkSize,
    describe: (name, v) => `Read ${name}: ${count(v.points.length / 2, "point")}.`
  });
}

/**
 * Grade on the report's points or on the reader's: a radio button in a paragraph, whose value is
 * the points to grade on (null for the report's). Empty and hidden until the reader gave points.
 */
export function pointsChoice(own: OwnPoints | null): HTMLElement & {value: Float64Array | null} {
  const radio = own
    ? Inputs.radio<"sheet" | "own">(["sheet", "own"], {
        label: "grade on",
        value: "own",
        format: (k) => (k === "sheet" ? "the report's 100 points" : `your ${own.points.length / 2} points`)
      })
    : null;
  const p = html`<p>${radio}</p>` as HTMLElement & {value: Float64Array | null};
  p.hidden = radio === null;
  Object.defineProperty(p, "value", {get: () => (own && radio?.value === "own" ? own.points : null)});
  return p;
}
