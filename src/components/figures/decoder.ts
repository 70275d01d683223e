/**
 * Decoder curves over the data: the image of a latent interval, drawn as a
 * polyline coloured by the code z (one shared diverging scale), with the data
 * points underneath. The frame holds the rectangle and every curve (core/autoencoder/frame.ts),
 * x and y in proportion; where a curve would run past the frame's limit it is
 * cut and the place is marked with a triangle. A curve too small to see gets a
 * ring and a note on the figure. Optionally linked: pointing at a data point
 * draws the arrow from it to its reconstruction on the curve and names its
 * code, and `selected` draws that for one point without a pointer (keyboard,
 * touch). A pure function of data and options.
 */
import * as Plot from "@observablehq/plot";
import type {Box, Exit, Side} from "../../core/autoencoder/frame.js";
import {curveSize, fitFrame, frameExits} from "../../core/autoencoder/frame.js";
import {SHEET_RECT} from "../../core/autoencoder/rectangle.js";

export interface Curve {
  readonly z: readonly number[];
  readonly x: readonly (readonly number[])[];
  /** Drawn in a neutral colour (e.g. other seeds, or the published run under a reader's) instead of coloured by z. */
  readonly muted?: boolean;
}

export interface DecoderFigureOptions {
  readonly width: number;
  readonly title?: string;
  /** Largest |z| of the colour scale (shared by panels that must agree). */
  readonly zExtent?: number;
  /** A fixed frame (otherwise fitted to the rectangle and the curves). */
  readonly xDomain?: [number, number];
  readonly yDomain?: [number, number];
  readonly legend?: boolean;
  /** For the linked view: each point's code and reconstruction. */
  readonly codes?: readonly number[];
  readonly reconstructions?: readonly (readonly number[])[];
  /** For the linked view: the index of a point whose arrow is always drawn. */
  readonly selected?: number;
  /** A line of text for the top margin (e.g. which run the muted curve is). */
  readonly note?: string;
}

export function curveSegments(
  curves: readonly Curve[]
): {x1: number; y1: number; x2: number; y2: number; z: number; muted: boolean}[] {
  return curves.flatMap((c) =>
    c.x.slice(1).map((p, k) => ({
      x1: c.x[k][0],
      y1: c.x[k][1],
      x2: p[0],
      y2: p[1],
      z: (c.z[k] + c.z[k + 1]) / 2,
      muted: Boolean(c.muted)
    }))
  );
}

const ROTATION: Record<Side, number> = {top: 0, right: 90, bottom: 180, left: 270};
const MARGIN = {left: 40, right: 20, top: 28, bottom: 30};
/** A curve smaller than this fraction of the frame's width gets a ring and a note. */
const TINY = 0.03;
const NOTE_LINE = 14;

/** Splits text into lines of at most `chars` characters, between words. */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** The frame a figure of these curves uses (exported so panels that must agree can share one). */
export function decoderFrame(
  curves: readonly Curve[],
  options: Pick<DecoderFigureOptions, "xDomain" | "yDomain"> = {}
): Box & {clipped: boolean} {
  if (options.xDomain && options.yDomain) return {x: options.xDomain, y: options.yDomain, clipped: false};
  return fitFrame(
    SHEET_RECT,
    curves.map((c) => c.x)
  );
}

export function decoderFigure(
  points: readonly (readonly number[])[],
  curves: readonly Curve[],
  options: DecoderFigureOptions
): SVGSVGElement | HTMLElement {
  const {width, title, legend = true} = options;
  const frame = decoderFrame(curves, options);
  const segments = curveSegments(curves);
  const finite = segments.filter((s) => [s.x1, s.y1, s.x2, s.y2].every(Number.isFinite));
  const zExtent = options.zExtent ?? Math.max(1e-9, ...curves.flatMap((c) => c.z.map(Math.abs)));
  const data = points.map((p, i) => ({
    i,
    x: p[0],
    y: p[1],
    code: options.codes?.[i],
    rx: options.reconstructions?.[i]?.[0],
    ry: options.reconstructions?.[i]?.[1]
  }));
  const linked = Boolean(options.codes && options.reconstructions);
  const selected =
    linked && options.selected !== undefined ? data.filter((d) => d.i === options.selected) : [];
  const main = curves.filter((c) => !c.muted && c.x.length > 0);
  const mutedPoints = curves.flatMap((c, k) =>
    c.muted
      ? c.x.map((p) => ({
          curve: k,
          x: Number.isFinite(p[0]) ? p[0] : NaN,
          y: Number.isFinite(p[1]) ? p[1] : NaN
        }))
      : []
  );
  const ends = main.map((c) => ({x: c.x[0][0], y: c.x[0][1], z: c.z[0]}));
  const exits: Exit[] = main.flatMap((c) => frameExits(c.x, frame));
  const frameWidth = frame.x[1] - frame.x[0];
  const tiny = main
    .map((c) => ({c, size: curveSize(c.x)}))
    .filter(({size}) => size < TINY * frameWidth)
    .map(({c, size}) => {
      const xs = c.x.filter((p) => p.every(Number.isFinite));
      const x = xs.reduce((s, p) => s + p[0], 0) / xs.length;
      const y = xs.reduce((s, p) => s + p[1], 0) / xs.length;
      return {x, y, text: `◯ the whole curve lies inside the ring (${size.toPrecision(1)} across)`};
    });
  const plotWidth = width - MARGIN.left - MARGIN.right;
  // Notes wrap to the plot's width (about 6 px per character at 11 px).
  const notes = [
    options.note ? {text: options.note, fill: "var(--theme-foreground-muted)"} : null,
    exits.length
      ? {text: `▲ the curve leaves the frame (${exits.length}×)`, fill: "var(--theme-foreground-focus)"}
      : null,
    ...tiny.map((t) => ({text: t.text, fill: "var(--theme-foreground-focus)"}))
  ]
    .filter((d): d is {text: string; fill: string} => d !== null)
    .flatMap((d) =>
      wrap(d.text, Math.max(16, Math.floor(plotWidth / 6))).map((text) => ({text, fill: d.fill}))
    );
  const extraTop = NOTE_LINE * Math.max(0, notes.length - 1);
  const height =
    Math.round((plotWidth * (frame.y[1] - frame.y[0])) / frameWidth) + MARGIN.top + MARGIN.bottom + extraTop;
  const description =
    `${curves.length} decoder curve${curves.length === 1 ? "" : "s"} (the image of an interval of codes), coloured by the code from purple (negative) to orange (positive), over ${points.length} data points and the rectangle they were drawn from; the frame spans x₁ from ${frame.x[0]} to ${frame.x[1]} and x₂ from ${frame.y[0]} to ${frame.y[1]}.` +
    (exits.length
      ? ` The curve leaves the frame at ${exits.length === 1 ? "one place" : `${exits.length} places`}, marked by triangles.`
      : "") +
    (tiny.length
      ? ` ${tiny.map((t) => `The curve is too small to see: ${t.text.slice(2)}.`).join(" ")}`
      : "") +
    (linked ? " Pointing at a data point draws an arrow to its reconstruction." : "") +
    (selected.length ? ` Point ${selected[0].i + 1} is selected: code ${selected[0].code?.toFixed(3)}.` : "");
  return Plot.plot({
    width,
    height,
    title,
    ariaLabel: `Decoder curve over the data${title ? `: ${title}` : ""}`,
    ariaDescription: description,
    marginLeft: MARGIN.left,
    marginRight: MARGIN.right,
    marginTop: MARGIN.top + extraTop,
    marginBottom: MARGIN.bottom,
    x: {domain: frame.x, label: "x₁"},
    y: {domain: frame.y, label: "x₂"},
    color: {
      type: "diverging",
      scheme: "PuOr",
      domain: [-zExtent, zExtent],
      pivot: 0,
      legend,
      label: "code z",
      tickFormat: "~g"
    },
    marks: [
      Plot.frame({stroke: "var(--theme-foreground-faint)"}),
      Plot.rect([{}], {
        x1: -2,
        x2: 2,
        y1: -1,
        y2: 1,
        stroke: "var(--theme-foreground-muted)",
        strokeDasharray: "3,3",
        fill: "none"
      }),
      Plot.dot(data, {x: "x", y: "y", r: 2.2, fill: "var(--theme-foreground-muted)", fillOpacity: 0.7}),
      // Muted curves (other seeds, the published run under a reader's) in one neutral colour: a path each, not a line per segment.
      Plot.line(mutedPoints, {
        x: "x",
        y: "y",
        z: "curve",
        stroke: "currentColor",
        strokeOpacity: 0.25,
        strokeWidth: 1,
        clip: true
      }),
      Plot.link(
        finite.filter((s) => !s.muted),
        {
          x1: "x1",
          y1: "y1",
          x2: "x2",
          y2: "y2",
          stroke: "z",
          strokeWidth: 2.4,
          strokeLinecap: "round",
          clip: true
        }
      ),
      // The start of the interval (its smallest z), so the direction of travel is visible.
      Plot.dot(ends, {
        x: "x",
        y: "y",
        fill: "z",
        stroke: "currentColor",
        r: 3.5,
        symbol: "square",
        clip: true
      }),
      // Where a curve runs out of the frame.
      Plot.dot(exits, {
        x: "x",
        y: "y",
        symbol: "triangle",
        rotate: (d: Exit) => ROTATION[d.side],
        r: 5,
        fill: "var(--theme-foreground-focus)",
        stroke: "var(--theme-background)"
      }),
      // Notes in the top margin, one per line, never over the curves.
      notes.map((note, k) =>
        Plot.text([note.text], {
          frameAnchor: "top-right",
          textAnchor: "end",
          dy: -13 - NOTE_LINE * (notes.length - 1 - k),
          fontSize: 11,
          fill: note.fill
        })
      ),
      // A curve too small to see: a ring around it, and a note in the top margin.
      Plot.dot(tiny, {
        x: "x",
        y: "y",
        r: 11,
        stroke: "var(--theme-foreground-focus)",
        strokeWidth: 1.5,
        fill: "none"
      }),
      selected.length
        ? [
            Plot.arrow(selected, {
              x1: "x",
              y1: "y",
              x2: "rx",
              y2: "ry",
              stroke: "var(--theme-foreground-focus)",
              strokeWidth: 2
            }),
            Plot.dot(selected, {x: "rx", y: "ry", r: 5, fill: "code", stroke: "currentColor"}),
            Plot.dot(selected, {
              x: "x",
              y: "y",
              r: 6,
              stroke: "var(--theme-foreground-focus)",
              strokeWidth: 2,
              fill: "none"
            }),
            Plot.text(selected, {
              x: "x",
              y: "y",
              text: (d: (typeof data)[number]) => `point ${d.i + 1}: z = ${d.code?.toFixed(3)}`,
              dy: -12,
              fontSize: 11,
              fill: "var(--theme-foreground)",
              stroke: "var(--theme-background)",
              strokeWidth: 4,
              paintOrder: "stroke"
            })
          ]
        : null,
      linked
        ? [
            Plot.arrow(
              data,
              Plot.pointer({
                px: "x",
                py: "y",
                x1: "x",
                y1: "y",
                x2: "rx",
                y2: "ry",
                stroke: "var(--theme-foreground-focus)",
                strokeWidth: 1.6,
                maxRadius: 30
              })
            ),
            Plot.dot(
              data,
              Plot.pointer({
                px: "x",
                py: "y",
                x: "rx",
                y: "ry",
                r: 5,
                fill: "code",
                stroke: "currentColor",
                maxRadius: 30
              })
            ),
            Plot.dot(
              data,
              Plot.pointer({
                x: "x",
                y: "y",
                r: 4,
                stroke: "var(--theme-foreground-focus)",
                strokeWidth: 2,
                maxRadius: 30
              })
            ),
            Plot.tip(
              data,
              Plot.pointer({
                x: "x",
                y: "y",
                maxRadius: 30,
                channels: {
                  point: {value: (d: (typeof data)[number]) => d.i + 1, label: "point"},
                  code: {value: "code", label: "code z"},
                  rx: {value: "rx", label: "x̂₁"},
                  ry: {value: "ry", label: "x̂₂"}
                },
                format: {x: ".3f", y: ".3f", code: ".3f", rx: ".3f", ry: ".3f"}
              })
            )
          ]
        : null
    ]
  });
}
