/**
 * Figures of exercise 1 (g): where a retrained encoder moves each point's
 * reconstruction along the frozen decoder's curve, how its codes compare with
 * the old and the best possible ones, and one point's loss along the latent
 * axis. Pure functions of data and options.
 */
import * as Plot from "@observablehq/plot";

type Row = readonly number[];

export interface ArrowFigureData {
  readonly points: readonly Row[];
  /** The decoder curve (samples along the latent axis). */
  readonly curve: readonly Row[];
  readonly from: readonly Row[];
  readonly to: readonly Row[];
  /** Per point: did the retrained code reach the best code? */
  readonly atBest: readonly boolean[];
  /** Reconstructions of another run drawn faintly for comparison (the published run, under a reader's). */
  readonly compare?: readonly Row[];
}

export interface RectOptions {
  readonly width: number;
  readonly rect: {readonly x: readonly [number, number]; readonly y: readonly [number, number]};
}

export const REACHED = "reached its best code";
export const MISSED = "stuck elsewhere";
const COLORS = {
  domain: [REACHED, MISSED],
  range: ["var(--theme-foreground-focus)", "#d95f02"],
  legend: true,
  label: "retrained code"
};

/** Arrows from each point's old reconstruction to its new one, over the data and the decoder curve. */
export function arrowFigure(d: ArrowFigureData, options: RectOptions): SVGSVGElement | HTMLElement {
  const {width, rect} = options;
  const pad = 0.4;
  const w = Math.max(260, width);
  const arrows = d.from.map((p, i) => ({
    x1: p[0],
    y1: p[1],
    x2: d.to[i][0],
    y2: d.to[i][1],
    point: i,
    status: d.atBest[i] ? REACHED : MISSED
  }));
  return Plot.plot({
    width: w,
    height:
      Math.round(((w - 60) * (rect.y[1] - rect.y[0] + 2 * pad)) / (rect.x[1] - rect.x[0] + 2 * pad)) + 70,
    marginLeft: 40,
    x: {domain: [rect.x[0] - pad, rect.x[1] + pad], label: "x₁"},
    y: {domain: [rect.y[0] - pad, rect.y[1] + pad], label: "x₂"},
    color: COLORS,
    marks: [
      Plot.line(d.curve, {
        x: "0",
        y: "1",
        stroke: "var(--theme-foreground-muted)",
        strokeWidth: 1,
        clip: true
      }),
      Plot.dot(d.points, {x: "0", y: "1", r: 2.5, fill: "var(--theme-foreground)", fillOpacity: 0.35}),
      d.compare
        ? Plot.dot(d.compare, {
            x: "0",
            y: "1",
            r: 3.5,
            symbol: "times",
            stroke: "var(--theme-foreground-muted)",
            strokeOpacity: 0.7,
            clip: true
          })
        : null,
      Plot.dot(arrows, {x: "x1", y: "y1", r: 2, stroke: "status", fill: "none"}),
      Plot.arrow(arrows, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: "status",
        strokeWidth: 1.2,
        headLength: 6,
        clip: true,
        tip: true,
        channels: {point: "point"}
      }),
      Plot.frame({strokeOpacity: 0.3})
    ]
  });
}

export interface ScatterData {
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly atBest: readonly boolean[];
  /** Another run's codes on the y axis, drawn faintly for comparison. */
  readonly compareY?: readonly number[];
}

/** One code against another, point by point, with the diagonal. */
export function codeScatter(
  d: ScatterData,
  options: {
    readonly width: number;
    readonly xLabel: string;
    readonly yLabel: string;
    readonly domain: [number, number];
  }
): SVGSVGElement | HTMLElement {
  const w = Math.max(240, options.width);
  const rows = d.x.map((x, i) => ({x, y: d.y[i], point: i, status: d.atBest[i] ? REACHED : MISSED}));
  return Plot.plot({
    width: w,
    height: Math.min(w, 420),
    marginLeft: 44,
    x: {domain: options.domain, label: options.xLabel},
    y: {domain: options.domain, label: options.yLabel},
    color: COLORS,
    marks: [
      Plot.line(
        options.domain.map((v) => ({v})),
        {x: "v", y: "v", stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}
      ),
      d.compareY
        ? Plot.dot(
            d.x.map((x, i) => ({x, y: d.compareY![i]})),
            {
              x: "x",
              y: "y",
              r: 2.5,
              symbol: "times",
              stroke: "var(--theme-foreground-muted)",
              strokeOpacity: 0.6
            }
          )
        : null,
      Plot.dot(rows, {x: "x", y: "y", stroke: "status", r: 3, tip: true, channels: {point: "point"}}),
      Plot.frame({strokeOpacity: 0.3})
    ]
  });
}

export interface ProfileData {
  /** The decoder curve: latent values and images. */
  readonly z: readonly number[];
  readonly curve: readonly Row[];
  readonly point: Row;
  /** Codes to mark, each with its decoded point D(z). */
  readonly marks: readonly {readonly label: string; readonly z: number; readonly image: Row}[];
}

/** ‖x − D(z)‖² along the latent axis for one point, with its old, retrained and best codes. */
export function profileFigure(
  d: ProfileData,
  options: {readonly width: number; readonly title?: string}
): SVGSVGElement | HTMLElement {
  const [px, py] = d.point;
  const loss = (c: Row) => (c[0] - px) ** 2 + (c[1] - py) ** 2;
  const rows = d.z.map((z, k) => ({z, loss: loss(d.curve[k])}));
  const lo = Math.min(...d.marks.map((m) => m.z));
  const hi = Math.max(...d.marks.map((m) => m.z));
  const pad = Math.max(2, 0.5 * (hi - lo));
  const shown = rows.filter((r) => r.z >= lo - pad && r.z <= hi + pad);
  const marks = d.marks.map((m) => ({label: m.label, z: m.z, loss: loss(m.image)}));
  return Plot.plot({
    width: Math.max(260, options.width),
    height: 260,
    title: options.title,
    marginLeft: 50,
    x: {label: "code z"},
    y: {label: "‖x − D(z)‖²", grid: true, tickFormat: "~g"},
    color: {
      legend: true,
      domain: marks.map((m) => m.label),
      range: ["var(--theme-foreground-muted)", "#d95f02", "var(--theme-foreground-focus)", "#7570b3"].slice(
        0,
        marks.length
      )
    },
    marks: [
      Plot.line(shown, {x: "z", y: "loss", stroke: "var(--theme-foreground)", strokeWidth: 1}),
      Plot.ruleX(marks, {x: "z", stroke: "label", strokeDasharray: "4,3"}),
      Plot.dot(marks, {x: "z", y: "loss", fill: "label", r: 4, tip: true})
    ]
  });
}
