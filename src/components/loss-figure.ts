/**
 * Loss curves of one model over training: the per-epoch mean of every seed as a
 * band (min to max) with the chosen seed's curve on top, optionally its noisy
 * per-step losses, on a log scale, with an optional reference level (the PCA
 * optimum). A pure function of data and options.
 */
import * as Plot from "@observablehq/plot";

export interface LossRun {
  readonly seed: number;
  readonly epochLoss: readonly number[];
  /** Every stride-th step loss. */
  readonly stepLoss?: readonly number[];
}

export interface LossFigureOptions {
  readonly width: number;
  readonly height?: number;
  readonly title?: string;
  /** The run drawn as a line (others only shape the band). */
  readonly seed: number;
  readonly stepsPerEpoch: number;
  readonly stepStride: number;
  readonly showSteps?: boolean;
  /** A horizontal reference, e.g. the exact PCA optimum. */
  readonly reference?: {readonly value: number; readonly label: string};
  readonly yDomain?: [number, number];
  /** Length of the x axis in epochs (default: the longest run). */
  readonly epochs?: number;
  /** An epoch to mark on the chosen run's curve (the history scrubber's position). */
  readonly marker?: number;
}

export function lossFigure(runs: readonly LossRun[], options: LossFigureOptions): SVGSVGElement | HTMLElement {
  const {width, height = 260, seed, stepsPerEpoch, stepStride, showSteps = true, reference} = options;
  const longest = Math.max(0, ...runs.map((r) => r.epochLoss.length));
  const epochs = options.epochs ?? longest;
  const band =
    runs.length > 1
      ? Array.from({length: longest}, (_, e) => {
          const values = runs.map((r) => r.epochLoss[e]).filter((v) => Number.isFinite(v));
          return {epoch: e + 1, lo: Math.min(...values), hi: Math.max(...values)};
        })
      : [];
  const chosen = runs.find((r) => r.seed === seed) ?? runs[0];
  const line = (chosen?.epochLoss ?? []).map((loss, e) => ({epoch: e + 1, loss: Number.isFinite(loss) && loss > 0 ? loss : NaN}));
  const steps =
    showSteps && chosen?.stepLoss
      ? chosen.stepLoss.map((loss, k) => ({epoch: (k * stepStride + 1) / stepsPerEpoch, loss}))
      : [];
  const last = line.filter((d) => Number.isFinite(d.loss)).at(-1);
  return Plot.plot({
    width,
    height,
    title: options.title,
    ariaLabel: `Loss curve${options.title ? ` of ${options.title}` : ""}, log scale`,
    ariaDescription:
      `Mean squared error per epoch of seed ${chosen?.seed ?? seed} over ${epochs} epochs` +
      (last ? `, ending at ${last.loss.toPrecision(3)} in epoch ${last.epoch}` : "") +
      (runs.length > 1 ? `; the band spans ${runs.length} seeds` : "") +
      (reference ? `; the dashed line marks the ${reference.label} at ${reference.value.toPrecision(3)}.` : "."),
    marginLeft: 56,
    x: {label: "epoch", domain: [0, Math.max(1, epochs)]},
    y: {type: "log", label: "MSE", grid: true, domain: options.yDomain},
    marks: [
      options.marker !== undefined ? Plot.ruleX([options.marker], {stroke: "var(--theme-foreground-focus)", strokeDasharray: "2,2"}) : null,
      Plot.line(steps, {x: "epoch", y: "loss", stroke: "currentColor", strokeOpacity: 0.18, strokeWidth: 0.6}),
      Plot.areaY(band, {x: "epoch", y1: "lo", y2: "hi", fill: "var(--theme-foreground-focus)", fillOpacity: 0.18}),
      Plot.line(line, {x: "epoch", y: "loss", stroke: "var(--theme-foreground-focus)", strokeWidth: 1.6, tip: true}),
      options.marker !== undefined
        ? Plot.dot(line.filter((d) => d.epoch === Math.max(1, options.marker!)), {x: "epoch", y: "loss", r: 4, fill: "var(--theme-foreground-focus)"})
        : null,
      reference
        ? [
            Plot.ruleY([reference.value], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}),
            Plot.text([reference], {x: epochs, y: "value", text: "label", textAnchor: "end", dy: -6, fill: "var(--theme-foreground-muted)"})
          ]
        : null
    ]
  });
}
