/**
 * What the (c)/(d) page draws and judges: decoder curves of the published
 * weights (trained, or the seed's untrained draw under either initialisation)
 * over the interval the reader chose, every seed's trained curve, one model's
 * reconstructions of the data, and the verdicts on the predictions of (c) for
 * the published seeds and for a reader's run. No DOM.
 */
import type {AutoencoderSpec, ModelName} from "../../autoencoder/models.js";
import {decode, encode, reconstruct, sheetModel} from "../../autoencoder/models.js";
import type {CurveShape} from "../../autoencoder/analysis.js";
import {curveShape} from "../../autoencoder/analysis.js";
import type {AutoencoderSnapshot} from "../../autoencoder/snapshot.js";
import type {LinearMeasures, ReluMeasures, Verdict} from "../../autoencoder/decoder-verdicts.js";
import {decoderVerdicts, measureLinear, measureRelu, untrained} from "../../autoencoder/decoder-verdicts.js";
import {linspace} from "../../autoencoder/rectangle.js";
import {fixed} from "../../format/words.js";
import type {ReaderModel} from "../b/reader.js";
import {measureReader} from "../b/reader.js";

export const CD_MODELS: readonly ModelName[] = ["pca", "small", "big"];

/** How the reader chose the interval of codes a curve is drawn over, and which untrained draw to show. */
export interface CurveChoice {
  /** "data": the codes of the data widened by 10 %; "fixed": [−a, a]. */
  readonly interval: string;
  readonly a: number;
  readonly scheme: "torch" | "tfjs";
}

/** A decoder curve: codes z, their images [x1, x2], and the interval it covers. */
export interface DecoderCurve {
  readonly z: number[];
  readonly x: number[][];
  readonly lo: number;
  readonly hi: number;
}

/** Smallest and largest of the comparable values (NaN skipped). */
function extent(xs: ArrayLike<number>): [number, number] {
  let [lo, hi] = [Infinity, -Infinity];
  for (let k = 0; k < xs.length; ++k)
    if (xs[k] >= xs[k]) [lo, hi] = [Math.min(lo, xs[k]), Math.max(hi, xs[k])];
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/** The snapshot's data as the models take it: flat [x1, x2, x1, x2, …]. */
export function flatData(snap: AutoencoderSnapshot): Float64Array {
  return Float64Array.from(snap.data.flat());
}

/** The trained parameters of a published run. */
export function trainedParams(snap: AutoencoderSnapshot, name: ModelName, seed: number): Float64Array {
  return Float64Array.from(snap.models[name]!.runs.find((r) => r.seed === seed)!.weights);
}

/** The interval a curve is drawn over: the data's codes widened by 10 %, or [−a, a]. */
export function curveInterval(
  spec: AutoencoderSpec,
  params: Float64Array,
  data: Float64Array,
  choice: CurveChoice
): [number, number] {
  if (choice.interval === "fixed") return [-choice.a, choice.a];
  const [lo, hi] = extent(encode(spec, params, data, data.length / 2));
  const pad = 0.1 * (hi - lo || 1);
  return [lo - pad, hi + pad];
}

/** The decoder's image of `points` codes evenly spaced over [lo, hi]. */
export function decoderCurve(
  spec: AutoencoderSpec,
  params: Float64Array,
  lo: number,
  hi: number,
  points: number
): DecoderCurve {
  const z = linspace(lo, hi, points);
  const x = decode(spec, params, z, z.length);
  return {z: Array.from(z), x: Array.from({length: z.length}, (_, k) => [x[2 * k], x[2 * k + 1]]), lo, hi};
}

/** The curve of the decoder on the chosen interval, 241 points. */
export function chosenCurve(
  spec: AutoencoderSpec,
  params: Float64Array,
  data: Float64Array,
  choice: CurveChoice
): DecoderCurve {
  const [lo, hi] = curveInterval(spec, params, data, choice);
  return decoderCurve(spec, params, lo, hi, 241);
}

export interface PanelStage {
  readonly params: Float64Array;
  readonly curve: DecoderCurve;
  readonly shape: CurveShape;
}

/** One architecture's decoder, untrained (the seed's draw) and trained (published). */
export interface CurvePanel {
  readonly name: ModelName;
  readonly init: PanelStage;
  readonly trained: PanelStage;
}

/** The panels of every architecture for one published seed, and the choices they were drawn with. */
export interface CurvePanels extends CurveChoice {
  readonly seed: number;
  readonly panels: CurvePanel[];
}

export function curvePanels(snap: AutoencoderSnapshot, seed: number, choice: CurveChoice): CurvePanels {
  const data = flatData(snap);
  const panels = CD_MODELS.map((name) => {
    const spec = sheetModel(name);
    const stage = (params: Float64Array): PanelStage => {
      const curve = chosenCurve(spec, params, data, choice);
      return {params, curve, shape: curveShape(spec, params, curve.lo, curve.hi)};
    };
    const init = stage(untrained(spec, seed)[choice.scheme]);
    return {name, init, trained: stage(trainedParams(snap, name, seed))};
  });
  return {...choice, seed, panels};
}

/** "[-0.12, 0.34]". */
export const intervalText = (c: DecoderCurve) => `[${fixed(c.lo, 2)}, ${fixed(c.hi, 2)}]`;

/** Every published seed's trained curve over the codes of the data (161 points); all but `seed` muted. */
export function allSeedCurves(
  snap: AutoencoderSnapshot,
  seed: number
): {name: ModelName; curves: (DecoderCurve & {muted: boolean})[]}[] {
  const data = flatData(snap);
  return CD_MODELS.map((name) => {
    const spec = sheetModel(name);
    const curves = snap.config.seeds.map((s) => {
      const params = trainedParams(snap, name, s);
      const [lo, hi] = extent(encode(spec, params, data, data.length / 2));
      return {...decoderCurve(spec, params, lo, hi, 161), muted: s !== seed};
    });
    return {name, curves};
  });
}

/**
 * One published model's codes and reconstructions of every data point, and its curve on the chosen
 * interval.
 */
export interface LinkedView {
  readonly codes: number[];
  readonly reconstructions: number[][];
  readonly curve: DecoderCurve;
}

export function linkedView(
  snap: AutoencoderSnapshot,
  name: ModelName,
  seed: number,
  choice: CurveChoice
): LinkedView {
  const data = flatData(snap);
  const n = snap.data.length;
  const spec = sheetModel(name);
  const params = trainedParams(snap, name, seed);
  const rec = reconstruct(spec, params, data, n);
  return {
    codes: Array.from(encode(spec, params, data, n)),
    reconstructions: Array.from({length: n}, (_, i) => [rec[2 * i], rec[2 * i + 1]]),
    curve: chosenCurve(spec, params, data, choice)
  };
}

/** "Point 17 at (…) has the code z = …; the decoder maps it to (…), … away." (`index` from 0). */
export function pointReadout(
  points: readonly (readonly number[])[],
  view: LinkedView,
  index: number
): string {
  const [x1, x2] = points[index];
  const [r1, r2] = view.reconstructions[index];
  const far = Math.hypot(x1 - r1, x2 - r2).toFixed(3);
  return `Point ${index + 1} at (${fixed(x1, 3)}, ${fixed(x2, 3)}) has the code z = ${fixed(view.codes[index], 3)}; the decoder maps it to (${fixed(r1, 3)}, ${fixed(r2, 3)}), ${far} away.`;
}

/** The predictions of (c) judged on every published seed, not only the one whose curves are shown. */
export function publishedVerdicts(
  snap: AutoencoderSnapshot,
  titles: Readonly<Record<ModelName, string>>
): Verdict[] {
  const pc1 = snap.pca.components[0];
  const relu = (m: "small" | "big") => {
    const spec = sheetModel(m);
    return snap.models[m]!.runs.map((r) => {
      const init = untrained(spec, r.seed);
      return measureRelu(spec, r.analysis, init.torch, init.tfjs);
    });
  };
  return decoderVerdicts(
    {
      pca: snap.models.pca!.runs.map((r) => measureLinear(r.weights, r.analysis, pc1, snap.pca.mean)),
      small: relu("small"),
      big: relu("big")
    },
    titles
  );
}

/** The same predictions judged on a reader's finished run (null until every model has its final state). */
export function readerVerdicts(
  models: readonly ReaderModel[],
  pca: AutoencoderSnapshot["pca"],
  titles: Readonly<Record<ModelName, string>>
): Verdict[] | null {
  if (!models.length || !models.every((m) => m.params && m.view)) return null;
  const measured = measureReader(models, pca);
  const relu = (m: "small" | "big") => [measured[m]!.measures as ReluMeasures];
  return decoderVerdicts(
    {pca: [measured.pca!.measures as LinearMeasures], small: relu("small"), big: relu("big")},
    titles
  );
}

/** "; small stopped at epoch 12": how a reader's models ended, if not by reaching their last epoch. */
export function readerEnd(
  models: readonly ReaderModel[],
  titles: Readonly<Record<ModelName, string>>
): string {
  return models
    .filter((m) => m.phase !== "done")
    .map(
      (m) =>
        `; ${titles[m.model]} ${m.phase === "stopped" ? "stopped" : m.phase} at epoch ${m.epochLoss.length}`
    )
    .join("");
}

/** Why the untrained bound of ten pieces can fail, said when it did. */
export const TEN_PIECES_NOTE =
  "The bound of ten pieces was a guess: a layer of w units can put up to w switching points anywhere " +
  "on the code line, and a seed that happens to place many of them inside the short interval of " +
  "untrained codes gets that many kinks; the rest of the picture (short, near the output bias, not " +
  "through the origin) is measured in the same row.";

/** How many predictions held, in the published runs and in a reader's, and which did not. */
export function verdictSummary(published: readonly Verdict[], reader: readonly Verdict[] | null): string {
  const failed = published.filter((v) => !v.held);
  const whats = (vs: readonly Verdict[]) => vs.map((v) => v.what).join("; ");
  let text = `In the published runs, ${published.length - failed.length} of ${published.length} predictions held`;
  if (reader) {
    const readerFailed = reader.filter((v) => !v.held);
    text += `; in your run, ${reader.length - readerFailed.length} of ${reader.length}`;
    if (readerFailed.length) text += ` (not: ${whats(readerFailed)})`;
  }
  text += ".";
  if (failed.length) {
    const untrainedFailed = failed.some((v) => v.what.startsWith("the untrained"));
    text += ` Where one did not: ${whats(failed)}. ${untrainedFailed ? TEN_PIECES_NOTE : ""}`;
  }
  return text;
}
