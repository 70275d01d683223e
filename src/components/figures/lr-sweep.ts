/**
 * A result against the learning rate: per series, one dot per seed, a band from
 * the lowest to the highest seed and a line through the medians. Diverged runs
 * (null values) are drawn as crosses on the top edge, labelled, never dropped.
 * Optional horizontal references and single marked points (a reader's run) on
 * top. A pure function of data and options.
 */
import * as Plot from "@observablehq/plot";
import {median} from "../../core/stats.js";

export interface SweepSeries {
  readonly label: string;
  /** One entry per learning rate; one value per seed, null for a diverged run. */
  readonly points: readonly {readonly lr: number; readonly values: readonly (number | null)[]}[];
}

export interface SweepMark {
  readonly lr: number;
  readonly value: number | null;
  readonly label: string;
}

export interface SweepFigureOptions {
  readonly width: number;
  readonly height?: number;
  readonly title?: string;
  readonly yLabel: string;
  readonly yType?: "log" | "linear";
  readonly yDomain?: [number, number];
  /** Tick format of the y axis (plain numbers by default). */
  readonly yFormat?: string;
  readonly references?: readonly {readonly value: number; readonly label: string}[];
  readonly marks?: readonly SweepMark[];
  readonly colors?: readonly string[];
}

const DEFAULT_COLORS = ["#d95f02", "var(--theme-foreground-focus)", "#1b9e77", "#7570b3"];
export const DIVERGED = "diverged";

/** Ticks of a log axis on [lo, hi] in plain numbers: 1-2-5 steps, fewer when the range is wide. */
export function logTicks(lo: number, hi: number): number[] {
  const within = (ms: number[]) => {
    const out: number[] = [];
    for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); ++k) {
      for (const m of ms) {
        const v = Number((m * 10 ** k).toPrecision(3));
        if (v >= lo && v <= hi) out.push(v);
      }
    }
    return out;
  };
  const dense = within([1, 2, 5]);
  if (dense.length > 7) return within([1]);
  return dense.length >= 3 ? dense : within([1, 1.5, 2, 3, 5, 7]);
}

export function lrSweepFigure(
  series: readonly SweepSeries[],
  options: SweepFigureOptions
): SVGSVGElement | HTMLElement {
  const {width, height = 260, yType = "log", references = [], marks = []} = options;
  const colors = options.colors ?? DEFAULT_COLORS.slice(0, series.length);
  const usable = (y: number | null): y is number =>
    y !== null && Number.isFinite(y) && (yType !== "log" || y > 0);
  const all = [
    ...series.flatMap((s) => s.points.flatMap((p) => p.values.filter(usable))),
    ...references.map((r) => r.value).filter(usable),
    ...marks.map((m) => m.value).filter(usable)
  ];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const domain: [number, number] =
    options.yDomain ??
    (yType === "log" ? [lo / 1.3, hi * 1.6] : [Math.min(0, lo), hi + 0.12 * (hi - Math.min(0, lo) || 1)]);
  const top = domain[1];
  const dots: {lr: number; y: number; label: string; seed: number}[] = [];
  const crosses: {lr: number; y: number; label: string}[] = [];
  const bands: {lr: number; lo: number; hi: number; mid: number; label: string}[] = [];
  for (const s of series) {
    for (const p of s.points) {
      const ok = p.values.filter(usable);
      p.values.forEach((v, seed) =>
        usable(v)
          ? dots.push({lr: p.lr, y: v, label: s.label, seed})
          : crosses.push({lr: p.lr, y: top, label: s.label})
      );
      // The median counts a diverged run as worst; with half or more diverged there is no median to draw.
      const ranked = p.values.map((v) => (usable(v) ? v : Infinity));
      const mid = median(ranked);
      if (ok.length > 0)
        bands.push({
          lr: p.lr,
          lo: Math.min(...ok),
          hi: Math.max(...ok),
          mid: Number.isFinite(mid) ? mid : NaN,
          label: s.label
        });
    }
  }
  const many = series.some((s) => s.points.some((p) => p.values.length > 1));
  return Plot.plot({
    width: Math.max(260, width),
    height,
    title: options.title,
    marginLeft: 56,
    marginTop: 24,
    x: {type: "log", label: "learning rate", tickFormat: "~g"},
    y: {
      type: yType,
      label: options.yLabel,
      domain,
      grid: true,
      tickFormat: options.yFormat ?? "~g",
      ticks: yType === "log" ? logTicks(domain[0], domain[1]) : 5
    },
    color: {domain: series.map((s) => s.label), range: colors, legend: true},
    marks: [
      many
        ? Plot.areaY(bands, {x: "lr", y1: "lo", y2: "hi", fill: "label", fillOpacity: 0.14, z: "label"})
        : null,
      Plot.line(bands, {x: "lr", y: "mid", stroke: "label", strokeWidth: 1.6, z: "label"}),
      Plot.dot(dots, {x: "lr", y: "y", stroke: "label", r: 2.5, tip: true, channels: {"seed index": "seed"}}),
      // One row of crosses per series, so that two diverged runs at one rate stay visible.
      ...series.map((s, i) =>
        Plot.dot(
          crosses.filter((c) => c.label === s.label),
          {x: "lr", y: "y", stroke: "label", symbol: "times", r: 4, strokeWidth: 1.6, dy: 9 * i}
        )
      ),
      crosses.length
        ? Plot.text(crosses.slice(0, 1), {
            x: "lr",
            y: "y",
            text: () => DIVERGED,
            dy: -10,
            fill: "var(--theme-foreground-muted)"
          })
        : null,
      references.length
        ? [
            Plot.ruleY(references, {
              y: "value",
              stroke: "var(--theme-foreground-muted)",
              strokeDasharray: "4,3"
            }),
            // Labels alternate above and below their lines, so that two close references do not overprint.
            Plot.text(
              references.filter((_, i) => i % 2 === 0),
              {
                y: "value",
                frameAnchor: "left",
                text: "label",
                textAnchor: "start",
                dx: 4,
                dy: -6,
                fill: "var(--theme-foreground-muted)"
              }
            ),
            Plot.text(
              references.filter((_, i) => i % 2 === 1),
              {
                y: "value",
                frameAnchor: "left",
                text: "label",
                textAnchor: "start",
                dx: 4,
                dy: 9,
                fill: "var(--theme-foreground-muted)"
              }
            )
          ]
        : null,
      marks.length
        ? [
            Plot.dot(
              marks.map((m) => ({...m, y: usable(m.value) ? m.value : top})),
              {
                x: "lr",
                y: "y",
                symbol: "star",
                r: 6,
                fill: "var(--theme-foreground)",
                stroke: "var(--theme-background)",
                tip: true,
                channels: {run: "label"}
              }
            )
          ]
        : null
    ]
  });
}
