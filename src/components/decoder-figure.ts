/**
 * Decoder curves over the data: the image of a latent interval, drawn as a
 * polyline coloured by the code z (one shared diverging scale), with the data
 * points underneath. Optionally linked: pointing at a data point draws the arrow
 * from it to its reconstruction on the curve and names its code. A pure function
 * of data and options.
 */
import * as Plot from "@observablehq/plot";

export interface Curve {
  readonly z: readonly number[];
  readonly x: readonly (readonly number[])[];
  /** Drawn in a neutral colour (e.g. other seeds) instead of coloured by z. */
  readonly muted?: boolean;
}

export interface DecoderFigureOptions {
  readonly width: number;
  readonly title?: string;
  /** Largest |z| of the colour scale (shared by panels that must agree). */
  readonly zExtent?: number;
  readonly xDomain?: [number, number];
  readonly yDomain?: [number, number];
  readonly legend?: boolean;
  /** For the linked view: each point's code and reconstruction. */
  readonly codes?: readonly number[];
  readonly reconstructions?: readonly (readonly number[])[];
}

export function curveSegments(curves: readonly Curve[]): {x1: number; y1: number; x2: number; y2: number; z: number; muted: boolean}[] {
  return curves.flatMap((c) =>
    c.x.slice(1).map((p, k) => ({x1: c.x[k][0], y1: c.x[k][1], x2: p[0], y2: p[1], z: (c.z[k] + c.z[k + 1]) / 2, muted: Boolean(c.muted)}))
  );
}

export function decoderFigure(points: readonly (readonly number[])[], curves: readonly Curve[], options: DecoderFigureOptions): SVGSVGElement | HTMLElement {
  const {width, title, legend = true} = options;
  const segments = curveSegments(curves);
  const finite = segments.filter((s) => [s.x1, s.y1, s.x2, s.y2].every(Number.isFinite));
  const zExtent = options.zExtent ?? Math.max(1e-9, ...curves.flatMap((c) => c.z.map(Math.abs)));
  const data = points.map((p, i) => ({
    x: p[0],
    y: p[1],
    code: options.codes?.[i],
    rx: options.reconstructions?.[i]?.[0],
    ry: options.reconstructions?.[i]?.[1]
  }));
  const linked = Boolean(options.codes && options.reconstructions);
  const ends = curves.filter((c) => !c.muted && c.x.length > 0).map((c) => ({x: c.x[0][0], y: c.x[0][1], z: c.z[0]}));
  return Plot.plot({
    width,
    height: Math.round(width * 0.62),
    title,
    ariaLabel: `Decoder curve over the data${title ? `: ${title}` : ""}`,
    ariaDescription: `${curves.length} decoder curve${curves.length === 1 ? "" : "s"} (the image of an interval of codes), coloured by the code from purple (negative) to orange (positive), over ${points.length} data points and the rectangle they were drawn from.${linked ? " Pointing at a data point draws an arrow to its reconstruction." : ""}`,
    marginLeft: 40,
    x: {domain: options.xDomain, label: "x₁"},
    y: {domain: options.yDomain, label: "x₂"},
    color: {type: "diverging", scheme: "PuOr", domain: [-zExtent, zExtent], pivot: 0, legend, label: "code z"},
    marks: [
      Plot.frame({stroke: "var(--theme-foreground-faint)"}),
      Plot.rect([{}], {x1: -2, x2: 2, y1: -1, y2: 1, stroke: "var(--theme-foreground-muted)", strokeDasharray: "3,3", fill: "none"}),
      Plot.dot(data, {x: "x", y: "y", r: 2.2, fill: "var(--theme-foreground-muted)", fillOpacity: 0.7}),
      Plot.link(
        finite.filter((s) => s.muted),
        {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "currentColor", strokeOpacity: 0.25, strokeWidth: 1, clip: true}
      ),
      Plot.link(
        finite.filter((s) => !s.muted),
        {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "z", strokeWidth: 2.4, strokeLinecap: "round", clip: true}
      ),
      // The start of the interval (its smallest z), so the direction of travel is visible.
      Plot.dot(ends, {x: "x", y: "y", fill: "z", stroke: "currentColor", r: 3.5, symbol: "square", clip: true}),
      linked
        ? [
            Plot.arrow(data, Plot.pointer({px: "x", py: "y", x1: "x", y1: "y", x2: "rx", y2: "ry", stroke: "var(--theme-foreground-focus)", strokeWidth: 1.6, maxRadius: 30})),
            Plot.dot(data, Plot.pointer({px: "x", py: "y", x: "rx", y: "ry", r: 5, fill: "code", stroke: "currentColor", maxRadius: 30})),
            Plot.dot(data, Plot.pointer({x: "x", y: "y", r: 4, stroke: "var(--theme-foreground-focus)", strokeWidth: 2, maxRadius: 30})),
            Plot.tip(
              data,
              Plot.pointer({
                x: "x",
                y: "y",
                maxRadius: 30,
                channels: {code: {value: "code", label: "code z"}, rx: {value: "rx", label: "x̂₁"}, ry: {value: "ry", label: "x̂₂"}},
                format: {x: ".3f", y: ".3f", code: ".3f", rx: ".3f", ry: ".3f"}
              })
            )
          ]
        : null
    ]
  });
}
