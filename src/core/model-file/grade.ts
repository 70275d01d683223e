/**
 * A reader's model graded on the sheet's points (or their own): full-data MSE
 * against the published seeds of the same architecture and the PCA optimum,
 * the latent map and decoder curve, its pieces and turns, each point's
 * reconstruction, the linear model's angle to the principal axis, and the
 * verdicts of exercise 1 (c)/(d) that concern a trained model, all with the
 * functions that measure the published runs. No DOM.
 */
import type {AutoencoderSpec, ModelName} from "../autoencoder/models.js";
import {MODEL_NAMES, SHEET_HIDDEN, reconstruct, reconstructionMse} from "../autoencoder/models.js";
import type {CurveShape, LinearGeometry} from "../autoencoder/analysis.js";
import {curveShape, linearGeometry} from "../autoencoder/analysis.js";
import type {StateView} from "../autoencoder/snapshot.js";
import {describeState} from "../autoencoder/snapshot.js";
import type {Pca2} from "../autoencoder/pca.js";
import {pca2} from "../autoencoder/pca.js";
import type {LinearMeasures, ReluMeasures, Verdict} from "../autoencoder/decoder-verdicts.js";
import {decoderVerdicts, measureRun} from "../autoencoder/decoder-verdicts.js";
import {median} from "../stats.js";
import type {ModelReference} from "./reference.js";

/** Which of the sheet's architectures these widths are, if any. */
export function sheetName(hidden: readonly number[]): ModelName | undefined {
  return MODEL_NAMES.find(
    (name) =>
      SHEET_HIDDEN[name].length === hidden.length && SHEET_HIDDEN[name].every((w, k) => w === hidden[k])
  );
}

/** Relative difference under which an MSE counts as a published seed's own (they are stored to six digits, in float32). */
const SAME_MSE = 1e-4;

/** Where an MSE falls among the published seeds' (which are on the sheet's points). */
export interface SeedPlace {
  readonly model: ModelName;
  readonly seeds: number;
  /** How many published seeds ended with a lower MSE (the ones it equals not counted). */
  readonly lower: number;
  /** The published seeds whose MSE it equals to four significant digits (a published model dropped back in). */
  readonly same: readonly number[];
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export function seedPlace(mse: number, model: ModelName, reference: ModelReference): SeedPlace {
  const runs = reference.models[model].runs;
  const mses = runs.map((r) => r.mse);
  const equal = (m: number) => Math.abs(m - mse) <= SAME_MSE * Math.abs(m);
  return {
    model,
    seeds: mses.length,
    lower: mses.filter((m) => m < mse && !equal(m)).length,
    same: runs.filter((r) => equal(r.mse)).map((r) => r.seed),
    min: Math.min(...mses),
    median: median(mses),
    max: Math.max(...mses)
  };
}

export interface Grade {
  readonly spec: AutoencoderSpec;
  /** Which sheet architecture it is (undefined for another one). */
  readonly sheet?: ModelName;
  readonly mse: number;
  readonly pca: Pca2;
  /** MSE ÷ the PCA optimum of the same points. */
  readonly ratio: number;
  readonly view: StateView;
  readonly shape: CurveShape;
  /** One reconstruction [x̂1, x̂2] per point. */
  readonly reconstructions: number[][];
  /** The linear model's geometry against the first principal axis. */
  readonly linear?: LinearGeometry;
  /** Only on the sheet's points, with the sheet's activations, for a sheet architecture. */
  readonly seeds?: SeedPlace;
}

export interface GradeOptions {
  /** The points to grade on, row-major [x1, x2, …] (the sheet's by default). */
  readonly points?: Float64Array;
  /** True when the spec uses the sheet's activations (comparisons with the published runs are only fair then). */
  readonly sheetActivations: boolean;
}

export function gradeModel(
  spec: AutoencoderSpec,
  params: Float64Array,
  reference: ModelReference,
  options: GradeOptions
): Grade {
  const ownPoints = options.points !== undefined;
  const data = options.points ?? Float64Array.from(reference.data.flat());
  const n = data.length / 2;
  const mse = reconstructionMse(spec, params, data, n);
  const pca = ownPoints ? pca2(data, n) : reference.pca;
  const view = describeState(spec, params, data, reference);
  const shape = curveShape(spec, params, view.curve.z[0], view.curve.z[view.curve.z.length - 1]);
  const y = reconstruct(spec, params, data, n);
  const reconstructions = Array.from({length: n}, (_, i) => [y[2 * i], y[2 * i + 1]]);
  const hidden = spec.widths.slice(1);
  const sheet = sheetName(hidden);
  const linear = hidden.length === 2 ? linearGeometry(params, pca.components[0]) : undefined;
  const seeds =
    sheet && !ownPoints && options.sheetActivations ? seedPlace(mse, sheet, reference) : undefined;
  return {spec, sheet, mse, pca, ratio: mse / pca.optimumMse, view, shape, reconstructions, linear, seeds};
}

/** The verdicts of (c)/(d) about trained models, with the reader's model in place of the published runs of its architecture. */
export interface ReaderVerdict {
  readonly published: Verdict;
  readonly reader: Verdict;
}

/**
 * Measures the reader's model with `measureRun` (its untrained comparison is
 * PyTorch's initialisation of seed 0, as for the published seed 0) and judges
 * the predictions about trained decoders: the linear model's row, or the ReLU
 * models' row with the reader's model standing for its architecture and the
 * published runs for the other. Only for the sheet's architectures and activations.
 */
export function readerVerdicts(
  grade: Grade,
  params: Float64Array,
  reference: ModelReference,
  titles: Readonly<Record<ModelName, string>>
): ReaderVerdict[] {
  if (!grade.sheet) return [];
  const data = Float64Array.from(reference.data.flat());
  const {measures} = measureRun(
    {
      hidden: grade.spec.widths.slice(1),
      linear: grade.sheet === "pca",
      seed: 0,
      params,
      finalView: grade.view
    },
    data,
    reference.pca,
    reference.curveMargin
  );
  const runs = {
    ...reference.measures,
    [grade.sheet]: grade.sheet === "pca" ? [measures as LinearMeasures] : [measures as ReluMeasures]
  };
  const published = decoderVerdicts(reference.measures, titles);
  const reader = decoderVerdicts(runs, titles);
  const row = grade.sheet === "pca" ? "Linear, trained" : "Trained ReLU";
  const k = published.findIndex((v) => v.prediction.startsWith(row));
  return k < 0 ? [] : [{published: published[k], reader: reader[k]}];
}

/** "lower than 3 of the 8 published seeds (median 0.0123, range 0.0101–0.0456)". */
export function placeSentence(place: SeedPlace): string {
  const range = `median ${place.median.toPrecision(3)}, range ${place.min.toPrecision(3)}–${place.max.toPrecision(3)}`;
  const higher = place.seeds - place.lower - place.same.length;
  if (place.same.length > 0) {
    const others = place.seeds - place.same.length;
    const seeds = place.same.length === 1 ? `seed ${place.same[0]}` : `seeds ${place.same.join(", ")}`;
    return `the MSE of published ${seeds} to four significant digits, lower than ${higher} and higher than ${place.lower} of the other ${others} published seeds (${range})`;
  }
  const where =
    place.lower === 0
      ? `lower than every one of the ${place.seeds} published seeds`
      : higher === 0
        ? `higher than every one of the ${place.seeds} published seeds`
        : `lower than ${higher} and higher than ${place.lower} of the ${place.seeds} published seeds`;
  return `${where} (${range})`;
}
