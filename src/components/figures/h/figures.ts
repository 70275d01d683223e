/**
 * The figures, tables, switches and data files of exercise 1 (h). `hState`
 * gathers what Figure 2 draws for the settings chosen (published curves at the
 * chosen rates, or the reader's runs over the published ones, faint); the
 * figures take Framework's `resize` from the page so they follow its width.
 */
import * as Inputs from "@observablehq/inputs";
import * as d3 from "d3";
import {html} from "htl";
import {switchInput} from "../../controls/controls.js";
import type {EnumField} from "../../controls/controls.js";
import {csvBlob, dataDownloads, jsonBlob} from "../../site/listing.js";
import {runFileName, withRunColumns} from "../../site/run-files.js";
import {slot} from "../../training/slot.js";
import type {TrainingState} from "../../training/trainer.js";
import type {CurveLike} from "../../training/gd-sgd-state.js";
import {
  AXIS_LABELS,
  OPTIMIZER_TITLES,
  PROBLEM_SHORT,
  liveCurves,
  nearestRate,
  panelSeries,
  seriesLabel,
  sweepSeries
} from "../../training/gd-sgd-state.js";
import {curvesFigure} from "../curves.js";
import {lrSweepFigure} from "../lr-sweep.js";
import {sheetModel} from "../../../core/autoencoder/models.js";
import {stateDict} from "../../../core/autoencoder/listings.js";
import type {CurveAxis, OptimizerKind} from "../../../core/exercises/h/gd-sgd.js";
import {GD_SGD_AXIS, OPTIMIZERS, PROBLEMS, PROBLEM_TITLES} from "../../../core/exercises/h/gd-sgd.js";
import type {Comparison, OptimizerVerdict} from "../../../core/exercises/h/verdicts.js";
import {compare} from "../../../core/exercises/h/verdicts.js";
import type {
  DrawnRates,
  GdSgdPublished,
  HNames,
  HSettings,
  TunedEntry
} from "../../../core/exercises/h/facts.js";
import {
  costRows,
  curvesCaption,
  duelTableRows,
  sweepTableRows,
  yourDuelsText
} from "../../../core/exercises/h/facts.js";
import {listing} from "../../../core/format/words.js";
import type {RetrainJob} from "../../../core/settings/retrain.js";

type Resize = (render: (width: number) => Element) => Element;

/** How the page names optimisers, problems and batch sizes. */
export const NAMES: HNames = {optimizer: OPTIMIZER_TITLES, short: PROBLEM_SHORT, series: seriesLabel};

/** The live section's names of its four runs. */
export const jobNames =
  (fullBatch: number) =>
  (job: Pick<RetrainJob, "optimizer" | "batchSize">): string =>
    jobName(job, fullBatch);

/** "Adam, mini-batch 8": one run of a retrain in the page. */
export const jobName = (job: Pick<RetrainJob, "optimizer" | "batchSize">, fullBatch: number): string =>
  `${OPTIMIZER_TITLES[job.optimizer]}, ${seriesLabel(job.batchSize, fullBatch)}`;

/** The switch of Figure 2's x axis. */
export function axisInput(): HTMLElement & {value: string} {
  return switchInput(GD_SGD_AXIS as EnumField, {
    examples: "examples seen",
    updates: "updates",
    time: "modelled wall time"
  });
}

/** The switch of the published learning rates Figure 2 draws. */
export function rateInput(): HTMLElement & {value: string} {
  const field = {
    key: "rates",
    label: "published learning rates",
    kind: "enum" as const,
    options: ["best", "shared"],
    value: "best"
  };
  return switchInput(field, {best: "each side's best", shared: "shared"});
}

/** Figure 1: per problem a row, per optimiser a panel of the final loss against the learning rate. */
export function sweepGrid(gd: GdSgdPublished, resize: Resize): Node {
  const full = gd.plan.fullBatch;
  const card = (p: (typeof PROBLEMS)[number], o: OptimizerKind) =>
    html`<div class="card" data-sweep=${`${p.key}-${o}`}>${resize((width) =>
      slot(`ex1h-sweep-${p.key}-${o}`, [width], () =>
        lrSweepFigure(sweepSeries([...gd.curves], p.key, o, full), {
          width,
          height: 230,
          title: `${PROBLEM_TITLES[p.key]}: ${OPTIMIZER_TITLES[o]}`,
          yLabel: "final full-data MSE"
        })
      )
    )}</div>`;
  return html`${PROBLEMS.map((p) => html`<div class="grid grid-cols-2">${OPTIMIZERS.map((o) => card(p, o))}</div>`)}`;
}

/** A table that fits its column. */
function table(rows: readonly object[], options: object = {}): HTMLElement {
  return html`<div class="table-fit">${Inputs.table(rows, {select: false, layout: "auto", ...options})}</div>` as HTMLElement;
}

/** Figure 1's table: every method at its own best learning rate and at the shared one. */
export function sweepTable(
  gd: GdSgdPublished,
  verdicts: readonly OptimizerVerdict[],
  tuned: readonly TunedEntry[]
): HTMLElement {
  return table(sweepTableRows(gd, verdicts, tuned, NAMES), {rows: 13});
}

/** Who is ahead per example, update and second, for every problem, optimiser and choice of rates. */
export function duelTable(verdicts: readonly OptimizerVerdict[]): HTMLElement {
  return table(duelTableRows(verdicts, NAMES), {rows: 13});
}

/** What Figure 2 and its caption show for the settings chosen. */
export interface HState {
  readonly gd: GdSgdPublished;
  readonly settings: HSettings;
  readonly published: boolean;
  readonly axis: CurveAxis;
  readonly rateChoice: "best" | "shared";
  readonly live?: TrainingState;
  readonly liveList: CurveLike[];
  readonly rates: Record<OptimizerKind, DrawnRates>;
  readonly yDomain?: [number, number];
  /** The x axis and the problem, as the caption names them. */
  readonly axisLabel: string;
  readonly problemTitle: string;
  /** Figure 2's caption after the axis. */
  readonly caption: string;
  /** The reader's finished runs compared as the published ones are ("" before). */
  readonly duels: string;
  /** The reader's runs' times in the browser ("" before they finish). */
  readonly elapsed: string;
}

export function hState(
  gd: GdSgdPublished,
  verdicts: readonly OptimizerVerdict[],
  live: TrainingState | undefined,
  settings: HSettings,
  published: boolean,
  axis: string,
  rateChoice: string
): HState {
  const P = gd.plan;
  const {fullBatch: full, miniBatch: mini} = P;
  const problem = settings.problem;
  const choice = rateChoice === "shared" ? "shared" : "best";
  const readerLr = {sgd: settings.sgdLr, adam: settings.adamLr};
  // The published learning rates drawn: each side's best, the shared one, or (after a run in the page) the sweep's nearest to the reader's.
  const ratesOf = (o: OptimizerKind): DrawnRates => {
    if (!published) {
      const r = nearestRate(P.learningRates[o], readerLr[o]);
      return {[full]: r, [mini]: r};
    }
    const v = verdicts.find((x) => x.problem === problem && x.optimizer === o)!;
    return choice === "shared"
      ? {[full]: v.sharedLr, [mini]: v.sharedLr}
      : {[full]: v.full.bestLearningRate, [mini]: v.mini.bestLearningRate};
  };
  const rates = {sgd: ratesOf("sgd"), adam: ratesOf("adam")};
  const liveList = live ? liveCurves(live) : [];
  const pubCurves = gd.curves.filter((c) => c.problem === problem);
  const allMse = [...pubCurves.flatMap((c) => c.checkpoints), ...liveList.flatMap((c) => c.checkpoints)]
    .map((k) => k.mse)
    .filter((y) => y > 0 && Number.isFinite(y) && y < 1e4);
  const yDomain: [number, number] | undefined = allMse.length
    ? [d3.min(allMse)! * 0.9, d3.max(allMse)! * 1.1]
    : undefined;
  // The reader's finished runs, full batch against their mini-batches, by the functions of the published comparison.
  const duels: {o: OptimizerKind; c: Comparison}[] =
    live && !live.running
      ? OPTIMIZERS.flatMap((o) => {
          const mine = liveList.filter((c) => c.optimizer === o);
          const f = mine.filter((c) => c.batchSize === full);
          const m = mine.filter((c) => c.batchSize !== full);
          return f.length && m.length ? [{o, c: compare(f, m, gd.stepCost[problem][o])}] : [];
        })
      : [];
  const times = live?.jobs.map((j) => `${(j.elapsedMs / 1000).toFixed(1)} s (${jobName(j.job, full)})`);
  return {
    gd,
    settings,
    published,
    axis: axis as CurveAxis,
    rateChoice: choice,
    live,
    liveList,
    rates,
    yDomain,
    axisLabel: AXIS_LABELS[axis as CurveAxis],
    problemTitle: PROBLEM_TITLES[problem],
    caption: curvesCaption(settings, P, published, choice, rates),
    duels: duels.length ? yourDuelsText(duels, NAMES) : "",
    elapsed:
      live && !live.running && times
        ? `Your browser took ${listing(times)}, the four runs sharing your processor's cores.`
        : ""
  };
}

/** The sentence on the reader's finished runs, compared as the published ones are (nothing before). */
export function yourRuns(h: HState): HTMLElement | string {
  return h.duels
    ? (html`<strong>Your runs</strong>, compared by the same functions as the published ones: ${h.duels}.` as HTMLElement)
    : "";
}

/** The cost model's constants per problem and optimiser. */
export function costTable(gd: GdSgdPublished): HTMLElement {
  const format = {"update ÷ example": d3.format(".1f")};
  return Inputs.table(costRows(gd, NAMES), {select: false, layout: "auto", format});
}

/** Figure 2: one card per optimiser, learning curves of the full batch and the mini-batches over the chosen axis. */
export function curveCards(h: HState, resize: Resize): HTMLElement[] {
  const {gd, settings, published, axis, live} = h;
  const problem = settings.problem;
  const full = gd.plan.fullBatch;
  const liveKey = live ? live.jobs.map((j) => j.checkpoints.length).join(",") : "";
  const pubCurves = gd.curves.filter((c) => c.problem === problem);
  const seriesOf = (o: OptimizerKind) => [
    ...panelSeries(pubCurves, o, axis, gd.stepCost[problem][o], full, h.rates[o], {
      highlightSeed: published ? settings.seed : undefined,
      faint: !published,
      prefix: published ? "" : "published: "
    }),
    ...(live
      ? panelSeries(h.liveList, o, axis, gd.stepCost[problem][o], full, {}, {prefix: "your run: "})
      : [])
  ];
  const colors = ["#d95f02", "var(--theme-foreground-focus)", "#d95f02", "var(--theme-foreground-focus)"];
  return OPTIMIZERS.map(
    (o) =>
      html`<div class="card" data-optimizer=${o}>${resize((width) =>
        slot(`ex1h-${o}`, [published, liveKey, axis, width, settings.seed, problem, h.rateChoice], () =>
          curvesFigure(seriesOf(o), {
            width,
            title: `${OPTIMIZER_TITLES[o]}, ${PROBLEM_TITLES[problem]}`,
            xLabel: AXIS_LABELS[axis],
            yDomain: h.yDomain,
            colors
          })
        )
      )}</div>` as HTMLElement
  );
}

/** The data behind the page, and the reader's runs (learning curves, weights) named after their settings. */
export function hDownloads({gd, live, settings}: Pick<HState, "gd" | "live" | "settings">): HTMLElement {
  const {problem, seed, batch, sgdLr, adamLr, budget} = settings;
  const values = {problem, seed, batch, sgdLr, adamLr, budget};
  const full = gd.plan.fullBatch;
  const downloads = [
    {
      label: "learning curves (CSV)",
      filename: "ex1h-learning-curves.csv",
      make: () =>
        csvBlob(
          gd.curves.flatMap((c) =>
            c.checkpoints.map((p) => ({
              problem: c.problem,
              optimizer: c.optimizer,
              batchSize: c.batchSize,
              learningRate: c.learningRate,
              seed: c.seed,
              examples: p.examples,
              updates: p.updates,
              mse: p.mse
            }))
          )
        )
    },
    {
      label: "final losses by learning rate (CSV)",
      filename: "ex1h-lr-sweep.csv",
      make: () =>
        csvBlob(
          gd.curves.map((c) => ({
            problem: c.problem,
            optimizer: c.optimizer,
            batchSize: c.batchSize,
            learningRate: c.learningRate,
            seed: c.seed,
            finalMse: c.finalMse,
            diverged: c.diverged !== null
          }))
        )
    },
    {label: "everything behind this page (JSON)", filename: "ex1h-gd-sgd.json", make: () => jsonBlob(gd)}
  ];
  if (live) {
    const rows = live.jobs.flatMap((j) =>
      j.checkpoints.map((p) => ({
        optimizer: j.job.optimizer,
        batchSize: j.job.batchSize,
        learningRate: j.job.lr,
        examples: p.examples,
        updates: p.updates,
        mse: p.mse
      }))
    );
    downloads.push({
      label: "your runs: learning curves (CSV)",
      filename: runFileName("ex1h-learning-curves", "csv", values),
      make: () => csvBlob(withRunColumns(rows, "your run", values))
    });
    for (const j of live.jobs) {
      const params = (j.view as {params?: readonly number[]} | undefined)?.params;
      if (!params) continue;
      const tag = {...values, optimizer: j.job.optimizer, batchSize: j.job.batchSize};
      downloads.push({
        label: `your ${jobName(j.job, full)} weights (state_dict, JSON)`,
        filename: runFileName(`ex1h-${j.job.model}-state-dict`, "json", tag),
        make: () => jsonBlob(stateDict(sheetModel(j.job.model), params))
      });
    }
  }
  return dataDownloads(downloads);
}
