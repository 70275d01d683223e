/**
 * What the "Check your own model" page uses, in one place: its inputs, its
 * figures, the verdict table, the section that goes on training, and the
 * grading of the model shown (the core's `yourModel` with the report's model titles).
 */
import type {ModelReference} from "../../core/model-file/reference.js";
import type {YourModel, YourModelChoice} from "../../core/model-file/your-model.js";
import {yourModel as gradeYourModel} from "../../core/model-file/your-model.js";
import {MODEL_TITLES} from "../training/ex1-state.js";

export {activationPicker, modelPicker, pointsChoice, pointsPicker, savingListing} from "./pickers.js";
export {arrowsFigure, codeMap, curveFigure, errorStrip, keyedNumber, yourModelDownloads} from "./figures.js";
export {verdictTable} from "./verdict-table.js";
export {goOnSection} from "./go-on.js";
export {SHEET_SETUP as setup} from "../../core/autoencoder/setup.js";

export function yourModel(choice: YourModelChoice, reference: ModelReference): YourModel {
  return gradeYourModel(choice, reference, MODEL_TITLES);
}
