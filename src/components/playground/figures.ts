/**
 * The playground's Plot figures, pure functions of data and options: the output
 * as a heat map over [−6, 6]² with the training and test points, the train and
 * test loss curves, and weight histograms. One diverging, colour-blind-safe scheme
 * (PuOr: purple −1, orange +1, clamped) is shared with the network diagram.
 */
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";

/**
 * Heat maps use the middle of the PuOr scheme (light enough for points and text to
 * stand out on them); labels, points and edges use its strong ends.
 */
const MAP_SPAN = [0.1, 0.9] as const;
const mapInterpolate = (t: number) => d3.interpolatePuOr(MAP_SPAN[0] + (MAP_SPAN[1] - MAP_SPAN[0]) * t);

/** The heat-map colour of a value in [−1, 1] (clamped): purple for −1, light grey for 0, orange for +1. */
export function signColor(v: number): string {
  const t = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
  return mapInterpolate((t + 1) / 2);
}

/** The strong colour of a sign: a label, a point, an edge. */
export function labelColor(sign: number): string {
  return d3.interpolatePuOr(sign > 0 ? 0.97 : 0.03);
}

/** A sign drawn as a line or a bar: lighter than a label, so that it reads on light and dark backgrounds alike. */
export function edgeColor(sign: number): string {
  return d3.interpolatePuOr(sign > 0 ? 0.82 : 0.17);
}

/** The heat-map scale as Plot options, for legends and rasters. */
export const SIGN_SCALE = {
  type: "linear",
  interpolate: mapInterpolate,
  domain: [-1, 1],
  clamp: true
} as const;

export interface OutputMapData {
  /** grid × grid output values, row by row from the bottom (y = −6) up. */
  readonly output: readonly number[];
  readonly grid: number;
  /** Rows [x1, x2, label]. */
  readonly train: readonly (readonly number[])[];
  readonly test: readonly (readonly number[])[];
}

export interface OutputMapOptions {
  readonly width: number;
  readonly title?: string;
  readonly showTest?: boolean;
  readonly legend?: boolean;
  /** Draw the points smaller (thumbnails). */
  readonly small?: boolean;
}

const DOMAIN: [number, number] = [-6, 6];

export function outputMap(data: OutputMapData, options: OutputMapOptions): SVGSVGElement | HTMLElement {
  const {width, showTest = true, legend = true, small = false} = options;
  const size = Math.max(small ? 120 : 220, Math.min(width, 560));
  const margin = small ? 4 : 36;
  const points = [
    ...data.train.map(([x, y, label]) => ({x, y, label, set: "train"})),
    ...(showTest ? data.test.map(([x, y, label]) => ({x, y, label, set: "test"})) : [])
  ];
  const r = small ? 1.6 : 3;
  return Plot.plot({
    width: size,
    height: size - (small ? 0 : margin) + (small ? 0 : 8),
    title: options.title,
    marginLeft: margin,
    marginBottom: small ? 4 : 32,
    marginTop: small ? 4 : 8,
    marginRight: small ? 4 : 8,
    x: {
      domain: DOMAIN,
      label: small ? null : "x₁",
      axis: small ? null : "bottom",
      ticks: 7,
      labelAnchor: "center",
      labelArrow: "none"
    },
    y: {
      domain: DOMAIN,
      label: small ? null : "x₂",
      axis: small ? null : "left",
      ticks: 7,
      labelAnchor: "center",
      labelArrow: "none"
    },
    color: {...SIGN_SCALE, legend: legend && !small, label: "network output (and point label)"},
    marks: [
      data.output.length
        ? Plot.raster(data.output as number[], {
            width: data.grid,
            height: data.grid,
            x1: DOMAIN[0],
            x2: DOMAIN[1],
            y1: DOMAIN[0],
            y2: DOMAIN[1],
            fill: (d: number) => d,
            imageRendering: "pixelated"
          })
        : null,
      ...(["test", "train"] as const).flatMap((set) =>
        [-1, 1].map((label) =>
          Plot.dot(
            points.filter((p) => p.set === set && p.label === label),
            {
              x: "x",
              y: "y",
              r,
              fill: labelColor(label),
              stroke: set === "train" ? "white" : "black",
              strokeWidth: small ? 0.5 : 1
            }
          )
        )
      ),
      Plot.frame({stroke: "currentColor", strokeOpacity: 0.4})
    ]
  });
}

export interface LossCurveData {
  readonly epoch: readonly number[];
  readonly train: readonly number[];
  readonly test: readonly number[];
}

export interface LossCurveOptions {
  readonly width: number;
  readonly height?: number;
  readonly title?: string;
  /** Epochs on the x axis (default: the last recorded). */
  readonly epochs?: number;
  /** A horizontal reference line, e.g. 0.5 (answering 0 everywhere). */
  readonly reference?: {readonly value: number; readonly label: string};
  /** A logarithmic loss axis (for losses that end near zero). */
  readonly log?: boolean;
}

/** Keeps at most ~max points of a curve, always the first and the last. */
/**
 * The rows a loss figure draws: both sets at the same epochs, at most `maxEpochs` of them
 * (every k-th epoch and the last). Thinning is by epoch, never over the two sets' rows
 * together: every other row of the interleaved list is one set, so an even stride kept
 * only the training loss and the test curve vanished from runs of over 800 epochs.
 */
export function lossRows(
  data: LossCurveData,
  maxEpochs = 800
): {epoch: number; loss: number; set: "train" | "test"}[] {
  const n = data.epoch.length;
  const stride = Math.max(1, Math.ceil(n / maxEpochs));
  return data.epoch
    .flatMap((epoch, i) =>
      i % stride === 0 || i === n - 1
        ? [
            {epoch, loss: data.train[i], set: "train" as const},
            {epoch, loss: data.test[i], set: "test" as const}
          ]
        : []
    )
    .filter((d) => Number.isFinite(d.loss));
}

/** Axis numbers as plain decimals (0.3, 0.02, 1,500), never with SI prefixes ("300m") or exponents. */
export function plainNumber(x: number): string {
  return x.toLocaleString("en-US", {maximumSignificantDigits: 6});
}

/** Whole-number ticks for an epoch axis from 0 to `last` (none at fractional epochs). */
export function epochTicks(last: number, count = 5): number[] {
  return d3.ticks(0, Math.max(1, last), count).filter(Number.isInteger);
}

/** The height of a line of label text (px). */
const LABEL_LINE = 12;

export function lossCurves(data: LossCurveData, options: LossCurveOptions): SVGSVGElement | HTMLElement {
  const {width, height = 200, reference} = options;
  const rows = lossRows(data);
  const last = data.epoch.length - 1;
  const log = options.log ?? false;
  const shown = log ? rows.filter((d) => d.loss > 0) : rows;
  // Headroom above the largest loss, so that the end labels stay inside the frame, clear of the axis title.
  const top =
    Math.max(log ? 0 : 0.1, ...shown.map((d) => d.loss), reference ? reference.value : 0) *
    (log ? 1.8 : 1.15);
  const bottom = log ? Math.min(...shown.map((d) => d.loss)) * 0.7 : 0;
  // End labels, nudged apart: the larger loss above, the smaller below. On a linear axis a
  // label under a loss near 0 would sit on the x axis: then it goes above its point, and the
  // other label one line higher if the two points are close.
  const final = {train: data.train[last], test: data.test[last]};
  const [high, low]: ("train" | "test")[] = final.train >= final.test ? ["train", "test"] : ["test", "train"];
  const px = (loss: number) => ((loss - bottom) / (top - bottom)) * (height - 54);
  const lowAbove = !log && px(final[low]) < LABEL_LINE;
  const dy = {
    [low]: lowAbove ? -6 : 6,
    [high]: lowAbove && px(final[high]) - px(final[low]) < LABEL_LINE ? -6 - LABEL_LINE : -6
  } as Record<"train" | "test", number>;
  const ends =
    last >= 0
      ? (["train", "test"] as const)
          .map((set) => ({epoch: data.epoch[last], loss: final[set], set, dy: dy[set]}))
          .filter((d) => Number.isFinite(d.loss) && (!log || d.loss > 0))
      : [];
  const lastEpoch = Math.max(1, options.epochs ?? data.epoch[last] ?? 1);
  // The reference line is named in a line of its own under the axis, where no curve can run through its label.
  const marginBottom = reference ? 50 : 30;
  const color = {train: "var(--theme-foreground-focus)", test: "currentColor"};
  return Plot.plot({
    width,
    height: height + (reference ? 20 : 0),
    title: options.title,
    marginTop: 24,
    marginBottom,
    marginLeft: 48,
    marginRight: 44,
    x: {
      label: "epoch",
      domain: [0, lastEpoch],
      ticks: epochTicks(lastEpoch, Math.max(2, Math.floor(width / 90))),
      tickFormat: plainNumber
    },
    y: {
      label: "loss ½(output − label)²",
      domain: [bottom, top],
      grid: true,
      type: log ? "log" : "linear",
      tickFormat: plainNumber,
      ticks: log ? undefined : 5
    },
    marks: [
      reference
        ? [
            Plot.ruleY([reference.value], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "2,3"}),
            Plot.text([`dotted line: ${reference.label} (${plainNumber(reference.value)})`], {
              frameAnchor: "bottom-left",
              dy: marginBottom - 4,
              dx: -40,
              lineAnchor: "bottom",
              textAnchor: "start",
              fill: "var(--theme-foreground-muted)"
            })
          ]
        : null,
      Plot.line(
        shown.filter((d) => d.set === "train"),
        {x: "epoch", y: "loss", stroke: color.train, strokeWidth: 1.5}
      ),
      Plot.line(
        shown.filter((d) => d.set === "test"),
        {x: "epoch", y: "loss", stroke: color.test, strokeDasharray: "5,3", strokeWidth: 1.5}
      ),
      ends.map((d) => Plot.dot([d], {x: "epoch", y: "loss", r: 2.5, fill: color[d.set]})),
      ends.map((d) =>
        Plot.text([d], {
          x: "epoch",
          y: "loss",
          text: "set",
          textAnchor: "start",
          dx: 5,
          dy: d.dy,
          fill: color[d.set]
        })
      ),
      log ? null : Plot.ruleY([0])
    ]
  });
}

export interface WeightSet {
  readonly name: string;
  readonly weights: readonly number[];
}

/** Histograms of the weights that are not exactly zero, one panel per set; the zeros are counted in the panel's label. */
export function weightHistograms(
  sets: readonly WeightSet[],
  options: {readonly width: number}
): SVGSVGElement | HTMLElement {
  const rows = sets.flatMap((s) =>
    s.weights.filter((w) => w !== 0).map((w) => ({name: s.name, w, sign: w < 0 ? "negative" : "positive"}))
  );
  const labels = new Map(
    sets.map((s) => [
      s.name,
      `${s.name}: ${s.weights.filter((w) => w === 0).length} of ${s.weights.length} exactly 0`
    ])
  );
  // Bins of one width on a symmetric domain that holds every weight: no bar can lie past the axis.
  const extent = Math.ceil(10 * Math.max(0.5, ...rows.map((r) => Math.abs(r.w)))) / 10;
  const bins = 40;
  const thresholds = Array.from({length: bins + 1}, (_, i) => -extent + (2 * extent * i) / bins);
  const narrow = options.width < 560;
  return Plot.plot({
    width: options.width,
    height: 110 * sets.length + 50,
    marginLeft: 44,
    marginRight: narrow ? 10 : Math.min(230, options.width * 0.4),
    // On a narrow screen each panel's label is written inside it, at its top left, instead of beside it.
    fy: {
      label: null,
      domain: sets.map((s) => s.name),
      tickFormat: (name: string) => labels.get(name) ?? name,
      axis: narrow ? null : "right",
      padding: 0.3
    },
    x: {label: "weight (the zeros are counted beside each panel, not drawn)", domain: [-extent, extent]},
    y: {label: "weights", grid: true, tickFormat: plainNumber},
    marks: [
      Plot.frame({stroke: "currentColor", strokeOpacity: 0.15}),
      Plot.rectY(rows, {
        ...Plot.binX<Plot.RectYOptions>(
          {y: "count"},
          {x: {value: "w", thresholds, domain: [-extent, extent]}, fill: "sign"}
        ),
        fy: "name",
        insetLeft: 0.5,
        insetRight: 0.5
      }),
      Plot.ruleX([0], {stroke: "currentColor", strokeOpacity: 0.5}),
      Plot.ruleY([0]),
      narrow
        ? Plot.text(sets, {
            fy: (s: WeightSet) => s.name,
            text: (s: WeightSet) => labels.get(s.name),
            frameAnchor: "top-left",
            dx: 4,
            dy: 4,
            fontSize: 11,
            stroke: "var(--theme-background)",
            strokeWidth: 3,
            paintOrder: "stroke"
          })
        : null
    ],
    color: {domain: ["negative", "positive"], range: [edgeColor(-1), edgeColor(1)]}
  });
}
