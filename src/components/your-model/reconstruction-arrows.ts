/**
 * Every point with an arrow to its reconstruction, over the decoder curve (in
 * grey): where the autoencoder moves each point. A pure function of data and options.
 */
import * as Plot from "@observablehq/plot";
import {decoderFrame} from "../figures/decoder.js";

export function reconstructionArrows(
  points: readonly (readonly number[])[],
  reconstructions: readonly (readonly number[])[],
  curve: {readonly z: readonly number[]; readonly x: readonly (readonly number[])[]},
  options: {readonly width: number; readonly title?: string}
): SVGSVGElement | HTMLElement {
  const frame = decoderFrame([curve]);
  const arrows = points.map((p, i) => ({
    x1: p[0],
    y1: p[1],
    x2: reconstructions[i][0],
    y2: reconstructions[i][1]
  }));
  const line = curve.x.filter((p) => p.every(Number.isFinite)).map((p) => ({x: p[0], y: p[1]}));
  const plotWidth = Math.max(260, options.width);
  const mean =
    arrows.reduce((s, a) => s + Math.hypot(a.x2 - a.x1, a.y2 - a.y1), 0) / Math.max(1, arrows.length);
  return Plot.plot({
    width: plotWidth,
    height: Math.round(((plotWidth - 60) * (frame.y[1] - frame.y[0])) / (frame.x[1] - frame.x[0])) + 60,
    title: options.title,
    marginLeft: 40,
    ariaLabel: "Each point with an arrow to its reconstruction",
    ariaDescription: `${points.length} data points, each with an arrow to where your autoencoder reconstructs it (mean arrow length ${mean.toPrecision(2)}), over the decoder curve in grey.`,
    x: {domain: frame.x, label: "x₁"},
    y: {domain: frame.y, label: "x₂"},
    marks: [
      Plot.frame({stroke: "var(--theme-foreground-faint)"}),
      Plot.line(line, {
        x: "x",
        y: "y",
        stroke: "currentColor",
        strokeOpacity: 0.35,
        strokeWidth: 1.5,
        clip: true
      }),
      Plot.arrow(arrows, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: "#d95f02",
        strokeWidth: 1.2,
        headLength: 6,
        clip: true
      }),
      Plot.dot(
        points.map((p) => ({x: p[0], y: p[1]})),
        {x: "x", y: "y", r: 2.4, fill: "currentColor"}
      )
    ]
  });
}
