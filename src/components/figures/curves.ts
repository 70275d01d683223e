/**
 * Learning curves of several series over a chosen axis: per series, a band
 * (min to max over runs) and the median line when there are several runs, a
 * highlighted run on top, and optional horizontal references. A faint series
 * (the published result behind a reader's run) is drawn lighter, underneath.
 * Loss ticks are plain numbers (0.3, 0.02), never SI prefixes. A pure function
 * of data and options.
 */
import * as Plot from "@observablehq/plot";

export interface CurveRun {
  /** One x value per point (runs of a series share their x values). */
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** Drawn on top as a thin line. */
  readonly highlight?: boolean;
}

export interface CurveSeries {
  readonly label: string;
  readonly runs: readonly CurveRun[];
  /** Drawn lighter and underneath (for comparison). */
  readonly faint?: boolean;
}

export interface CurvesOptions {
  readonly width: number;
  readonly height?: number;
  readonly title?: string;
  readonly xLabel: string;
  readonly yLabel?: string;
  readonly yDomain?: [number, number];
  readonly xDomain?: [number, number];
  /** Tick format of the x axis (Plot's default if left out). */
  readonly xFormat?: string;
  readonly references?: readonly {readonly value: number; readonly label: string}[];
  /** Colours of the series, in order. */
  readonly colors?: readonly string[];
}

const DEFAULT_COLORS = ["#d95f02", "var(--theme-foreground-focus)", "#1b9e77", "#7570b3"];

export function curvesFigure(
  series: readonly CurveSeries[],
  options: CurvesOptions
): SVGSVGElement | HTMLElement {
  const {width, height = 280, references = []} = options;
  const colors = options.colors ?? DEFAULT_COLORS.slice(0, series.length);
  type Band = {x: number; lo: number; hi: number; mid: number; label: string};
  type Point = {x: number; y: number; label: string; key: string};
  const bands: {strong: Band[]; faint: Band[]} = {strong: [], faint: []};
  const lines: {strong: Point[]; faint: Point[]} = {strong: [], faint: []};
  for (const s of series) {
    const tier = s.faint ? "faint" : "strong";
    const finite = s.runs.map((r) => r.y.map((y) => (Number.isFinite(y) && y > 0 ? y : NaN)));
    if (s.runs.length > 1) {
      const length = Math.min(...s.runs.map((r) => r.x.length));
      for (let k = 0; k < length; ++k) {
        const ys = finite
          .map((y) => y[k])
          .filter((y) => !Number.isNaN(y))
          .sort((a, b) => a - b);
        if (ys.length === 0) continue;
        const h = ys.length >> 1;
        bands[tier].push({
          x: s.runs[0].x[k],
          lo: ys[0],
          hi: ys[ys.length - 1],
          mid: ys.length % 2 ? ys[h] : (ys[h - 1] + ys[h]) / 2,
          label: s.label
        });
      }
    }
    s.runs.forEach((r, j) => {
      if (s.runs.length > 1 && !r.highlight) return;
      r.x.forEach((x, k) => lines[tier].push({x, y: finite[j][k], label: s.label, key: `${s.label} ${j}`}));
    });
  }
  const many = series.some((s) => s.runs.length > 1);
  const tierMarks = (tier: "strong" | "faint") => {
    const faint = tier === "faint";
    return [
      Plot.areaY(bands[tier], {
        x: "x",
        y1: "lo",
        y2: "hi",
        fill: "label",
        fillOpacity: faint ? 0.08 : 0.16,
        z: "label"
      }),
      Plot.line(bands[tier], {
        x: "x",
        y: "mid",
        stroke: "label",
        strokeWidth: faint ? 1.2 : 1.8,
        strokeOpacity: faint ? 0.55 : 1,
        z: "label"
      }),
      Plot.line(lines[tier], {
        x: "x",
        y: "y",
        stroke: "label",
        z: "key",
        strokeWidth: faint ? 1.2 : many ? 0.9 : 1.8,
        strokeOpacity: faint ? 0.55 : 1,
        strokeDasharray: many && !faint ? "3,2" : undefined,
        tip: !faint
      })
    ];
  };
  return Plot.plot({
    width: Math.max(260, width),
    height,
    title: options.title,
    marginLeft: 56,
    x: {label: options.xLabel, domain: options.xDomain, tickFormat: options.xFormat},
    y: {
      type: "log",
      label: options.yLabel ?? "full-data MSE",
      grid: true,
      domain: options.yDomain,
      tickFormat: "~g"
    },
    color: {domain: series.map((s) => s.label), range: colors, legend: true},
    marks: [
      ...tierMarks("faint"),
      ...tierMarks("strong"),
      references.length
        ? [
            Plot.ruleY(references, {
              y: "value",
              stroke: "var(--theme-foreground-muted)",
              strokeDasharray: "4,3"
            }),
            Plot.text(references, {
              y: "value",
              frameAnchor: "right",
              text: "label",
              textAnchor: "end",
              dy: -6,
              fill: "var(--theme-foreground-muted)"
            })
          ]
        : null
    ]
  });
}
