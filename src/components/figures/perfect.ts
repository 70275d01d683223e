/**
 * Figures of exercise 1 (e): the constructed autoencoder's decoder curve through
 * the data, its two coordinate functions, and what it does with fresh points.
 * Pure functions of data and options.
 */
import * as Plot from "@observablehq/plot";
import {html} from "htl";

export interface PerfectFigureData {
  /** One [x1, x2] per data point. */
  readonly points: readonly (readonly number[])[];
  /** Data indices in the order of their codes, and the sorted codes. */
  readonly order: readonly number[];
  readonly knots: readonly number[];
  /** The decoder curve: latent values and their images. */
  readonly curve: {readonly z: readonly number[]; readonly x: readonly (readonly number[])[]};
  /** The encoder's unit direction u. */
  readonly direction: readonly number[];
}

export interface PerfectFigureOptions {
  readonly width: number;
  readonly rect: {readonly x: readonly [number, number]; readonly y: readonly [number, number]};
}

const PAD = 0.3;

/** The frame both figures share: the data rectangle with a margin, at equal scales in x and y. */
function planeFrame(options: PerfectFigureOptions) {
  const {rect} = options;
  const width = Math.max(260, options.width);
  return {
    width,
    height:
      Math.round(((width - 60) * (rect.y[1] - rect.y[0] + 2 * PAD)) / (rect.x[1] - rect.x[0] + 2 * PAD)) + 60,
    marginLeft: 40,
    x: {domain: [rect.x[0] - PAD, rect.x[1] + PAD], label: "x₁"},
    y: {domain: [rect.y[0] - PAD, rect.y[1] + PAD], label: "x₂"}
  };
}

/** The data, the encoder's direction and the decoder's polygon through the points in order of their codes. */
export function decoderCurveFigure(
  d: PerfectFigureData,
  options: PerfectFigureOptions
): SVGSVGElement | HTMLElement {
  const {rect} = options;
  const rank = new Map(d.order.map((i, k) => [i, k + 1]));
  const points = d.points.map((p, i) => ({
    x: p[0],
    y: p[1],
    rank: rank.get(i) ?? 0,
    z: d.knots[(rank.get(i) ?? 1) - 1]
  }));
  const curve = d.curve.z.map((z, k) => ({z, x: d.curve.x[k][0], y: d.curve.x[k][1]}));
  const [u1, u2] = d.direction;
  const reach = Math.max(Math.abs(rect.x[0]), Math.abs(rect.x[1]));
  return Plot.plot({
    ...planeFrame(options),
    color: {type: "sequential", scheme: "viridis", label: "order of the code z", legend: true},
    marks: [
      Plot.arrow([{x1: -reach * u1, y1: -reach * u2, x2: reach * u1, y2: reach * u2}], {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: "var(--theme-foreground-muted)",
        strokeDasharray: "4,3",
        headLength: 10
      }),
      Plot.text([{x: reach * u1, y: reach * u2}], {
        x: "x",
        y: "y",
        text: () => "u",
        dy: -10,
        fill: "var(--theme-foreground-muted)"
      }),
      Plot.line(curve, {
        x: "x",
        y: "y",
        stroke: "var(--theme-foreground)",
        strokeWidth: 1,
        strokeOpacity: 0.7,
        clip: true
      }),
      Plot.dot(points, {
        x: "x",
        y: "y",
        fill: "rank",
        r: 3.5,
        stroke: "var(--theme-background)",
        strokeWidth: 0.8,
        tip: true,
        channels: {code: "z"}
      }),
      Plot.frame({strokeOpacity: 0.3})
    ]
  });
}

/** x̂₁(z) and x̂₂(z): the two coordinates of the decoder along the latent axis, with the knots. */
export function coordinateFigure(
  d: PerfectFigureData,
  options: {readonly width: number}
): SVGSVGElement | HTMLElement {
  const rows = d.curve.z.flatMap((z, k) => [
    {z, value: d.curve.x[k][0], coordinate: "x̂₁(z)"},
    {z, value: d.curve.x[k][1], coordinate: "x̂₂(z)"}
  ]);
  const knots = d.order.flatMap((i, k) => [
    {z: d.knots[k], value: d.points[i][0], coordinate: "x̂₁(z)"},
    {z: d.knots[k], value: d.points[i][1], coordinate: "x̂₂(z)"}
  ]);
  return Plot.plot({
    width: Math.max(260, options.width),
    height: 300,
    marginLeft: 40,
    x: {label: "code z"},
    y: {label: null, grid: true},
    fy: {label: null},
    marks: [
      Plot.line(rows, {
        x: "z",
        y: "value",
        fy: "coordinate",
        stroke: "var(--theme-foreground)",
        strokeWidth: 1
      }),
      Plot.dot(knots, {x: "z", y: "value", fy: "coordinate", r: 2.2, fill: "var(--theme-foreground-focus)"}),
      Plot.frame({strokeOpacity: 0.3})
    ]
  });
}

export interface FreshFigureData {
  readonly fresh: readonly (readonly number[])[];
  readonly reconstructed: readonly (readonly number[])[];
  readonly curve: PerfectFigureData["curve"];
}

/** Fresh points of the rectangle with arrows to where the network sends them (onto its curve). */
export function freshFigure(d: FreshFigureData, options: PerfectFigureOptions): SVGSVGElement | HTMLElement {
  const arrows = d.fresh.map((p, i) => ({
    x1: p[0],
    y1: p[1],
    x2: d.reconstructed[i][0],
    y2: d.reconstructed[i][1]
  }));
  const curve = d.curve.x.map(([x, y]) => ({x, y}));
  return Plot.plot({
    ...planeFrame(options),
    marks: [
      Plot.line(curve, {x: "x", y: "y", stroke: "var(--theme-foreground-muted)", strokeWidth: 1, clip: true}),
      Plot.arrow(arrows, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: "var(--theme-foreground-focus)",
        strokeOpacity: 0.55,
        headLength: 5,
        clip: true
      }),
      Plot.dot(arrows, {x: "x1", y: "y1", r: 1.6, fill: "var(--theme-foreground)"}),
      Plot.frame({strokeOpacity: 0.3})
    ]
  });
}

export interface ErrorRow {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

/** The reconstruction errors of the constructed autoencoder: one row per measure. */
export function errorTable(rows: readonly ErrorRow[]): HTMLElement {
  return html`<table class="key-figures perfect-errors"><tbody>${rows.map(
    (r) => html`<tr>
    <th scope="row">${r.label}</th><td data-key=${r.key} data-value=${r.value}>${r.text}</td>
  </tr>`
  )}</tbody></table>` as HTMLElement;
}
