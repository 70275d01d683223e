/**
 * Everything the "Check your own model" page says about the model it shows:
 * which model, with which activations and on which points it is graded, the
 * grade itself, the verdicts, and the words and numbers its sentences quote.
 * One call per choice of the reader; no DOM.
 */
import type {AutoencoderSpec, ModelName} from "../autoencoder/models.js";
import type {Activation} from "../engine/mlp.js";
import {count} from "../format/words.js";
import type {Architecture} from "./architecture.js";
import {notation, specOf} from "./architecture.js";
import type {Grade, ReaderVerdict} from "./grade.js";
import {gradeModel, placeSentence, readerVerdicts, sheetName} from "./grade.js";
import type {LoadedModel} from "./read.js";
import type {ModelReference} from "./reference.js";

/** A model on the page: the file's name and what was read from it. */
export interface ChosenModel {
  readonly name: string;
  readonly model: LoadedModel;
  /** The bundled example, shown before the reader drops a file. */
  readonly isExample?: boolean;
}

/** "sheet": the sheet's activations (ReLU after the hidden layers, none for the linear model). */
export type ActivationChoice = "sheet" | Activation;

export interface YourModelChoice {
  readonly chosen: ChosenModel;
  readonly activation: ActivationChoice;
  /** The reader's own points, row-major [x1, x2, …]; the report's 100 points when absent or null. */
  readonly points?: Float64Array | null;
}

/** The words and numbers of the page's sentences (empty strings where a clause does not apply). */
export interface YourModelText {
  readonly name: string;
  readonly exampleNote: string;
  readonly format: string;
  readonly checkpoint: string;
  readonly layers: string;
  readonly ignored: string;
  readonly architecture: string;
  readonly params: string;
  readonly sheetModel: string;
  readonly assumedActivations: string;
  readonly pointsName: string;
  readonly mse: string;
  readonly optimum: string;
  readonly ratio: string;
  readonly seeds: string;
  readonly pieces: string;
  readonly turnsX1: string;
  readonly turnsX2: string;
  readonly smoothNote: string;
  /** The linear model's angles to the principal axis and its gain (undefined for other models). */
  readonly linear?: {readonly decoderAngle: string; readonly encoderAngle: string; readonly gain: string};
  readonly goOnNote: string;
}

export interface YourModel {
  readonly chosen: ChosenModel;
  readonly arch: Architecture;
  readonly params: Float64Array;
  /** Which of the sheet's architectures it is, if any. */
  readonly sheet?: ModelName;
  /** The spec it is graded with (the chosen activation). */
  readonly spec: AutoencoderSpec;
  /** True with the sheet's activations: comparisons with published runs and the runs of "go on" need them. */
  readonly sheetActivations: boolean;
  readonly points?: Float64Array;
  /** The points graded on, one [x1, x2] each. */
  readonly shownPoints: number[][];
  /** The report's points, one [x1, x2] each (the runs of "go on" train on them). */
  readonly sheetPoints: number[][];
  readonly grade: Grade;
  /** The published seeds it is placed among (empty when they do not compare). */
  readonly seedRuns: readonly {readonly seed: number; readonly mse: number}[];
  readonly verdicts: ReaderVerdict[];
  readonly grid: ModelReference["grid"];
  readonly text: YourModelText;
}

const sheetTitle = (sheet: ModelName | undefined, titles: Readonly<Record<ModelName, string>>) =>
  sheet
    ? `: the sheet's ${titles[sheet]} model`
    : ": not one of the sheet's three, so there are no published seeds to compare with";

function checkpointClause(model: LoadedModel): string {
  const c = model.checkpoint;
  if (!c) return "";
  const version = c.version ?? "version not recorded";
  return `, saved at epoch ${c.epoch ?? "?"} (global step ${c.globalStep ?? "?"}, Lightning ${version})`;
}

function isSmooth(spec: AutoencoderSpec): boolean {
  return spec.activations.some((a) => a === "tanh" || a === "sigmoid");
}

const SMOOTH_NOTE =
  " (with a smooth activation the curve has no straight pieces: the count only says how finely it bends)";

export function yourModel(
  choice: YourModelChoice,
  reference: ModelReference,
  titles: Readonly<Record<ModelName, string>>
): YourModel {
  const {chosen, activation} = choice;
  const points = choice.points ?? undefined;
  const {arch, params} = chosen.model;
  const sheet = sheetName(arch.hidden);
  const sheetActivations = activation === "sheet" || (!arch.linear && activation === "relu");
  const spec = specOf(arch, activation === "sheet" ? undefined : activation);
  const grade = gradeModel(spec, params, reference, {points, sheetActivations});
  const shownPoints = points
    ? Array.from({length: points.length / 2}, (_, i) => [points[2 * i], points[2 * i + 1]])
    : reference.data;
  const verdicts =
    sheet && sheetActivations && !points ? readerVerdicts(grade, params, reference, titles) : [];
  const seedsSentence = grade.seeds
    ? `That is ${placeSentence(grade.seeds)} of the same architecture, trained by this report with the notebook's settings for ${reference.epochs} epochs.`
    : sheet
      ? "The published seeds are not compared: they were measured on the report's points, with the sheet's activations."
      : "";
  const text: YourModelText = {
    name: chosen.name,
    exampleNote: chosen.isExample ? " (drop your own file to replace it)" : "",
    format: chosen.model.format,
    checkpoint: checkpointClause(chosen.model),
    layers: arch.layers.map((l) => `${l.name} [${l.out}, ${l.in}]`).join(", "),
    ignored: arch.ignored.length ? `; other entries (ignored): ${arch.ignored.join(", ")}` : "",
    architecture: notation(arch.hidden),
    params: count(arch.params, "parameter"),
    sheetModel: sheetTitle(sheet, titles),
    assumedActivations: arch.linear
      ? "none at all for the two-layer linear model"
      : "ReLU after every hidden layer, none after the bottleneck (the code is any real number) and none after the output",
    pointsName: points ? `your ${shownPoints.length} points` : `the report's ${shownPoints.length} points`,
    mse: grade.mse.toPrecision(4),
    optimum: grade.pca.optimumMse.toPrecision(4),
    ratio: grade.ratio.toFixed(3),
    seeds: seedsSentence,
    pieces: count(grade.shape.pieces, "linear piece"),
    turnsX1: count(grade.shape.turnsX1, "time"),
    turnsX2: count(grade.shape.turnsX2, "time"),
    smoothNote: isSmooth(spec) ? SMOOTH_NOTE : "",
    linear: grade.linear && {
      decoderAngle: grade.linear.decoderAngle.toFixed(2),
      encoderAngle: grade.linear.encoderAngle.toFixed(2),
      gain: grade.linear.gain.toFixed(3)
    },
    goOnNote: sheetActivations ? "" : "They run the sheet's activations only: switch back to them above."
  };
  return {
    chosen,
    arch,
    params,
    sheet,
    spec,
    sheetActivations,
    points,
    shownPoints,
    sheetPoints: reference.data,
    grade,
    seedRuns: grade.seeds && sheet ? reference.models[sheet].runs : [],
    verdicts,
    grid: reference.grid,
    text
  };
}

/** One row per point: where it is, its code and its reconstruction (the page's CSV download). */
export function reconstructionRows(m: YourModel): Record<string, number>[] {
  return m.shownPoints.map((p, i) => ({
    point: i + 1,
    x1: p[0],
    x2: p[1],
    code: m.grade.view.codes[i],
    x1_hat: m.grade.reconstructions[i][0],
    x2_hat: m.grade.reconstructions[i][1]
  }));
}

/** The grading as the page's JSON download writes it. */
export function gradingRecord(m: YourModel): Record<string, unknown> {
  const g = m.grade;
  return {
    file: m.chosen.name,
    format: m.chosen.model.format,
    architecture: m.arch.hidden,
    activations: m.spec.activations,
    mse: g.mse,
    pcaOptimum: g.pca.optimumMse,
    ratio: g.ratio,
    curve: g.shape,
    seeds: g.seeds ?? null,
    linear: g.linear ?? null,
    verdicts: m.verdicts
  };
}
