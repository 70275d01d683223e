/**
 * Loss curves of one model over training: the per-epoch mean of every seed as a
 * band (min to max) with the chosen seed's curve on top, optionally its noisy
 * per-step losses, on a log scale with plain-number ticks, with an optional
 * reference level (the PCA optimum). A reader's run (`overlay`) is drawn on top
 * in its own colour while the published curves stay underneath, muted. A legend
 * in the top margin names every line, so no label sits on the curves. A pure
 * function of data and options.
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
  /** Legend name of the chosen seed's line (default "seed N", with "published" when there is an overlay). */
  readonly seedLabel?: string;
  /** A reader's run, drawn on top of the (muted) published curves. */
  readonly overlay?: {readonly label: string; readonly epochLoss: readonly number[]};
}

/** The colour of a reader's run in every figure (the published runs keep the theme's colours). */
export const READER_COLOR = "#d95f02";
const LINE_HEIGHT = 14;

/** Plain numbers on log axes ("0.3", "0.02"), never SI prefixes ("300m"). */
export const plainTick = "~g";

const finiteLine = (losses: readonly number[]) =>
  losses.map((loss, e) => ({epoch: e + 1, loss: Number.isFinite(loss) && loss > 0 ? loss : NaN}));

type Band = {epoch: number; lo: number; hi: number}[];
/** The band of a list of runs, computed once per list (a figure redrawn while a reader trains reuses it). */
const bands = new WeakMap<readonly LossRun[], Band>();

function bandOf(runs: readonly LossRun[]): Band {
  const known = bands.get(runs);
  if (known) return known;
  const bandLength = Math.max(0, ...runs.map((r) => r.epochLoss.length));
  const band =
    runs.length > 1
      ? Array.from({length: bandLength}, (_, e) => {
          const values = runs.map((r) => r.epochLoss[e]).filter((v) => Number.isFinite(v));
          return {epoch: e + 1, lo: Math.min(...values), hi: Math.max(...values)};
        })
      : [];
  bands.set(runs, band);
  return band;
}

export function lossFigure(
  runs: readonly LossRun[],
  options: LossFigureOptions
): SVGSVGElement | HTMLElement {
  const {width, seed, stepsPerEpoch, stepStride, reference, overlay} = options;
  const showSteps = (options.showSteps ?? true) && !overlay;
  const longest = Math.max(0, overlay?.epochLoss.length ?? 0, ...runs.map((r) => r.epochLoss.length));
  const epochs = Math.max(options.epochs ?? longest, overlay?.epochLoss.length ?? 0);
  const band = bandOf(runs);
  const chosen = runs.find((r) => r.seed === seed) ?? (overlay ? undefined : runs[0]);
  const line = finiteLine(chosen?.epochLoss ?? []);
  const mine = overlay ? finiteLine(overlay.epochLoss) : [];
  const steps =
    showSteps && chosen?.stepLoss
      ? chosen.stepLoss.map((loss, k) => ({epoch: (k * stepStride + 1) / stepsPerEpoch, loss}))
      : [];
  const last = (overlay ? mine : line).filter((d) => Number.isFinite(d.loss)).at(-1);
  const seedName =
    options.seedLabel ?? (chosen ? `${overlay ? "published, " : ""}seed ${chosen.seed}` : "published");
  const legend = [
    overlay ? {text: `— ${overlay.label}`, fill: READER_COLOR} : null,
    chosen || band.length
      ? {
          text: `— ${chosen ? seedName : "published"}${band.length ? ` · band: ${runs.length} seeds` : ""}`,
          fill: overlay ? "var(--theme-foreground-muted)" : "var(--theme-foreground-focus)"
        }
      : null,
    reference
      ? {
          text: `- - ${reference.label} ${reference.value.toPrecision(3)}`,
          fill: "var(--theme-foreground-muted)"
        }
      : null
  ].filter((d): d is {text: string; fill: string} => d !== null);
  const marginTop = 30 + LINE_HEIGHT * legend.length;
  const height = (options.height ?? 260) + LINE_HEIGHT * legend.length;
  return Plot.plot({
    width,
    height,
    title: options.title,
    marginTop,
    ariaLabel: `Loss curve${options.title ? ` of ${options.title}` : ""}, log scale`,
    ariaDescription:
      (overlay
        ? `${overlay.label}: mean squared error per epoch over ${overlay.epochLoss.length} epochs, over the published curves`
        : `Mean squared error per epoch of seed ${chosen?.seed ?? seed} over ${epochs} epochs`) +
      (last ? `, ending at ${last.loss.toPrecision(3)} in epoch ${last.epoch}` : "") +
      (runs.length > 1 ? `; the band spans ${runs.length} published seeds` : "") +
      (reference
        ? `; the dashed line marks the ${reference.label} at ${reference.value.toPrecision(3)}.`
        : "."),
    marginLeft: 56,
    x: {label: "epoch", domain: [0, Math.max(1, epochs)]},
    y: {type: "log", label: "MSE", grid: true, domain: options.yDomain, tickFormat: plainTick},
    marks: [
      options.marker !== undefined
        ? Plot.ruleX([options.marker], {stroke: "var(--theme-foreground-focus)", strokeDasharray: "2,2"})
        : null,
      Plot.line(steps, {
        x: "epoch",
        y: "loss",
        stroke: "currentColor",
        strokeOpacity: 0.18,
        strokeWidth: 0.6,
        clip: true
      }),
      Plot.areaY(band, {
        x: "epoch",
        y1: "lo",
        y2: "hi",
        fill: "var(--theme-foreground-focus)",
        fillOpacity: overlay ? 0.12 : 0.18,
        clip: true
      }),
      reference
        ? Plot.ruleY([reference.value], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"})
        : null,
      Plot.line(
        line,
        overlay
          ? {x: "epoch", y: "loss", stroke: "var(--theme-foreground-muted)", strokeWidth: 1.2, clip: true}
          : {
              x: "epoch",
              y: "loss",
              stroke: "var(--theme-foreground-focus)",
              strokeWidth: 1.6,
              tip: true,
              clip: true
            }
      ),
      overlay
        ? Plot.line(mine, {
            x: "epoch",
            y: "loss",
            stroke: READER_COLOR,
            strokeWidth: 2,
            tip: true,
            clip: true
          })
        : null,
      options.marker !== undefined
        ? Plot.dot(
            line.filter((d) => d.epoch === Math.max(1, options.marker!)),
            {x: "epoch", y: "loss", r: 4, fill: "var(--theme-foreground-focus)"}
          )
        : null,
      // The legend, one line per entry, in the top margin (never over the curves).
      legend.map((entry, i) =>
        Plot.text([entry], {
          text: "text",
          fill: entry.fill,
          frameAnchor: "top-right",
          textAnchor: "end",
          dy: -8 - LINE_HEIGHT * (legend.length - 1 - i),
          fontSize: 11
        })
      )
    ]
  });
}
