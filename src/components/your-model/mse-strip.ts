/**
 * A reader's full-data MSE among the published seeds of the same architecture,
 * on a log axis, with the PCA optimum (no model with a one-number code does
 * better on these points) as a dashed rule. A pure function of data and options.
 */
import * as Plot from "@observablehq/plot";

export interface MseStripData {
  readonly yours: number;
  /** The published seeds' MSE (empty when they do not compare: another architecture, activation or data set). */
  readonly seeds: readonly {readonly seed: number; readonly mse: number}[];
  readonly optimum: number;
  readonly architecture: string;
}

export function mseStrip(data: MseStripData, options: {readonly width: number}): SVGSVGElement | HTMLElement {
  const values = [data.yours, data.optimum, ...data.seeds.map((s) => s.mse)].filter(
    (v) => v > 0 && Number.isFinite(v)
  );
  const lo = Math.min(...values) / 1.6;
  const hi = Math.max(...values) * 1.6;
  const seedsText = data.seeds.length
    ? ` The ${data.seeds.length} published seeds of ${data.architecture} range from ${Math.min(...data.seeds.map((s) => s.mse)).toPrecision(3)} to ${Math.max(...data.seeds.map((s) => s.mse)).toPrecision(3)}.`
    : "";
  return Plot.plot({
    width: Math.max(260, options.width),
    height: 120,
    marginLeft: 20,
    marginRight: 20,
    ariaLabel: "Your model's full-data MSE beside the published seeds",
    ariaDescription: `A log axis of full-data MSE: yours is ${data.yours.toPrecision(3)}, the PCA optimum ${data.optimum.toPrecision(3)}.${seedsText}`,
    x: {type: "log", domain: [lo, hi], label: "full-data MSE (log scale)", tickFormat: "~g", grid: true},
    y: {axis: null, domain: [-1, 1]},
    marks: [
      Plot.ruleX([data.optimum], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}),
      Plot.text([data.optimum], {
        x: (d: number) => d,
        y: 0.8,
        text: () => "PCA optimum",
        // Left of its rule: the optimum is at the right of the axis, where a label after it is cut off.
        textAnchor: "end",
        dx: -4,
        fill: "var(--theme-foreground-muted)"
      }),
      Plot.dot(data.seeds, {
        x: "mse",
        y: 0,
        r: 5,
        fill: "var(--theme-foreground-faint)",
        stroke: "currentColor",
        tip: true,
        title: (d: {seed: number; mse: number}) => `published seed ${d.seed}: ${d.mse.toPrecision(4)}`
      }),
      Plot.dot([data.yours], {
        x: (d: number) => d,
        y: 0,
        r: 8,
        symbol: "diamond",
        fill: "#d95f02",
        stroke: "currentColor"
      }),
      Plot.text([data.yours], {x: (d: number) => d, y: -0.75, text: () => "yours", fill: "currentColor"})
    ]
  });
}
