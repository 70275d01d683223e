/**
 * The latent code as colour over the input plane: the encoder evaluated on a
 * grid (a raster), the data points on top coloured by their own codes, one
 * diverging, colour-blind-safe scale centred at 0 and its legend. A pure
 * function of data and options. A decoder curve drawn over the map is cut at
 * the rectangle's edge, and each place where it leaves is marked.
 */
import * as Plot from "@observablehq/plot";
import type {Exit} from "../../core/autoencoder/frame.js";
import {frameExits} from "../../core/autoencoder/frame.js";

/**
 * The ink of what is drawn over the raster (point outlines, the decoder curve, exit marks).
 * The colour scale does not change with the theme, so neither does this: in the dark theme
 * the text colour (near white) vanished on the scale's light middle.
 */
const INK = "#1b1e23";

export interface LatentMapData {
  /** nx × ny codes, row by row from the bottom of the rectangle. */
  readonly grid: readonly number[];
  readonly nx: number;
  readonly ny: number;
  readonly rect: {readonly x: readonly [number, number]; readonly y: readonly [number, number]};
  /** One [x1, x2] per data point. */
  readonly points: readonly (readonly number[])[];
  /** The code of each data point. */
  readonly codes: readonly number[];
}

export interface LatentMapOptions {
  readonly width: number;
  readonly title?: string;
  /** Largest |code| the colour scale spans (shared by maps that must agree). */
  readonly extent?: number;
  readonly legend?: boolean;
  /** A decoder curve to draw over the map (one [x1, x2] per latent value). */
  readonly curve?: readonly (readonly number[])[];
  readonly height?: number;
}

/** The symmetric colour domain that covers the grid and the points. */
export function codeExtent(maps: readonly LatentMapData[]): number {
  let m = 0;
  for (const map of maps)
    for (const v of [...map.grid, ...map.codes]) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m || 1;
}

export function latentMap(map: LatentMapData, options: LatentMapOptions): SVGSVGElement | HTMLElement {
  const {width, title, legend = true} = options;
  const extent = options.extent ?? codeExtent([map]);
  const [x1, x2] = map.rect.x;
  const [y1, y2] = map.rect.y;
  const points = map.points.map((p, i) => ({x: p[0], y: p[1], code: map.codes[i]}));
  const plotWidth = Math.max(240, width);
  const curve = (options.curve ?? [])
    .filter((p) => p.every(Number.isFinite))
    .map((p) => ({x: p[0], y: p[1]}));
  const exits = frameExits(options.curve ?? [], map.rect);
  const rotation = {top: 0, right: 90, bottom: 180, left: 270} as const;
  return Plot.plot({
    width: plotWidth,
    height: options.height ?? Math.round(((plotWidth - 60) * (y2 - y1)) / (x2 - x1)) + 60,
    title,
    ariaLabel: `Latent code as colour over the input rectangle${title ? `: ${title}` : ""}`,
    ariaDescription: `The encoder's code on a ${map.nx} by ${map.ny} grid over [${x1}, ${x2}] × [${y1}, ${y2}], purple for negative and orange for positive codes up to ±${extent.toPrecision(2)}, with the ${points.length} data points coloured by their own codes.${
      exits.length
        ? ` The decoder curve leaves the rectangle at ${exits.length === 1 ? "one place" : `${exits.length} places`}, marked by triangles.`
        : ""
    }`,
    marginLeft: 40,
    x: {domain: [x1, x2], label: "x₁"},
    y: {domain: [y1, y2], label: "x₂"},
    color: {
      type: "diverging",
      scheme: "PuOr",
      domain: [-extent, extent],
      pivot: 0,
      legend,
      label: "code z",
      tickFormat: "~g"
    },
    marks: [
      Plot.raster(map.grid as number[], {
        width: map.nx,
        height: map.ny,
        x1,
        x2,
        y1,
        y2,
        fill: (d: number) => d,
        imageRendering: "pixelated"
      }),
      Plot.dot(points, {
        x: "x",
        y: "y",
        fill: "code",
        stroke: INK,
        strokeWidth: 0.8,
        r: 3.5,
        tip: true
      }),
      Plot.line(curve, {x: "x", y: "y", stroke: INK, strokeWidth: 1.6, clip: true}),
      Plot.dot(exits, {
        x: "x",
        y: "y",
        symbol: "triangle",
        rotate: (d: Exit) => rotation[d.side],
        r: 5,
        fill: INK,
        stroke: "white"
      }),
      Plot.frame()
    ]
  });
}
