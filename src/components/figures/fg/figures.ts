/**
 * The figures and tables of exercise 1 (f)–(g), each a function of the page's
 * state (`FgState`: the published snapshot, the run on show, the published run
 * of its seed) and the width. Each redraws through a `slot`, so a run in the
 * page never blocks the main thread for long.
 */
import * as Inputs from "@observablehq/inputs";
import * as d3 from "d3";
import {html} from "htl";
import {slot} from "../../training/slot.js";
import {curvesFigure} from "../curves.js";
import {lrSweepFigure} from "../lr-sweep.js";
import {arrowFigure, codeScatter, profileFigure} from "../retrain.js";
import type {RetrainSettings, RetrainSnapshotLike, ShownRetrain} from "../../training/retrain-state.js";
import {liveRetrain, publishedRetrain, runLabel, worstPoint} from "../../training/retrain-state.js";
import type {TrainingState} from "../../training/trainer.js";
import {SHEET_RECT} from "../../../core/autoencoder/rectangle.js";
import {rate} from "../../../core/format/words.js";
import {codeDomain, shownFacts} from "../../../core/exercises/fg/facts.js";
import type {EncoderRetrainRun} from "../../../core/exercises/fg/encoder-retrain.js";
import type {RetrainSweep, RetrainSweepEntry} from "../../../core/exercises/fg/sweep.js";
import {seedRows, sweepReferences, sweepRows, sweepSeries} from "../../../core/exercises/fg/tables.js";

type Rows = readonly (readonly number[])[];
const f4 = d3.format(".4f");
const pct = d3.format(".0%");

/** What the figures of (g) draw: the published snapshot, the run on show (if any) and the published run of its seed. */
export interface FgState {
  readonly retrain: RetrainSnapshotLike & {readonly data: Rows};
  readonly seed: number;
  readonly pub: ShownRetrain;
  /** The reader's run in the page, once it has reported. */
  readonly mine?: ShownRetrain;
  readonly shown?: ShownRetrain;
  /** The published result is on show (else a reader's run, compared with the published one). */
  readonly published: boolean;
  /** The point Figure 4 follows. */
  readonly worst: number;
  /** "the published run (seed 0: …)" or "your run (…)"; "" before a reader's run reports. */
  readonly which: string;
  /** The captions' numbers and sentences for the run on show. */
  readonly facts: ReturnType<typeof shownFacts>;
}

/**
 * The state of the page's figures for the settings chosen: the published run of
 * the chosen seed, or (settings not published) the reader's run in `live`.
 */
export function fgState(
  retrain: FgState["retrain"],
  live: TrainingState | undefined,
  settings: RetrainSettings,
  published: boolean
): FgState {
  const {seed, lr, epochs, draw} = settings;
  const pub = publishedRetrain(retrain, seed);
  const mine = live ? liveRetrain(live, retrain, {seed, lr, epochs, draw}) : undefined;
  const shown = published ? pub : mine;
  const worst = shown ? worstPoint(shown, retrain.data) : 0;
  return {
    retrain,
    seed,
    pub,
    mine,
    shown,
    published,
    worst,
    which: shown ? runLabel(shown) : "",
    facts: shownFacts(shown, published, worst, retrain.data.length)
  };
}

/** A card around a figure (an empty card while there is nothing to draw). */
export function card(content: unknown): HTMLElement {
  return html`<div class="card">${content}</div>` as HTMLElement;
}

/** The published runs compared with a reader's run, when one is on show. */
const compared = (s: FgState) => (!s.published && s.shown ? s.pub : undefined);

/** Figure 1: full-data MSE while the encoder retrains, every published seed and the run on show. */
export function lossFigure(s: FgState, width: number): Element {
  const {shown, published, seed} = s;
  const curve = (cs: ShownRetrain["checkpoints"]) => ({
    x: cs.map((c) => c.examples),
    y: cs.map((c) => c.mse)
  });
  const publishedSeries = {
    label: `published: ${s.retrain.runs.length} seeds (band: min–max; line: median${published ? `; dashed: seed ${seed}` : ""})`,
    faint: !published,
    runs: s.retrain.runs.map((r) => ({...curve(r.checkpoints), highlight: published && r.seed === seed}))
  };
  const reader =
    shown && !published
      ? [
          {
            label: `your run: seed ${shown.seed}, learning rate ${rate(shown.settings.lr)}`,
            runs: [curve(shown.checkpoints)]
          }
        ]
      : [];
  const references = shown
    ? [
        {value: shown.mseBefore, label: `old encoder, seed ${shown.seed}: ${f4(shown.mseBefore)}`},
        {value: shown.optimalEncoderMse, label: `best possible encoder: ${f4(shown.optimalEncoderMse)}`}
      ]
    : [];
  return slot("ex1fg-curve", [shown?.checkpoints?.length, shown?.phase, published, seed, width], () =>
    curvesFigure([publishedSeries, ...reader], {
      width,
      xLabel: "training examples seen",
      colors: ["#d95f02", "var(--theme-foreground-focus)"],
      references
    })
  );
}

/** Figure 2: where each point's reconstruction moves, from the old code to the retrained one. */
export function arrowsFigure(s: FgState, width: number): Element | undefined {
  const {shown} = s;
  if (!shown) return undefined;
  const data = {
    points: s.retrain.data,
    curve: s.pub.run.curve.x,
    from: shown.recon.old,
    to: shown.recon.retrained,
    atBest: shown.atBest,
    compare: compared(s)?.recon.retrained
  };
  return slot("ex1fg-arrows", [shown.codes.retrained, width], () =>
    arrowFigure(data, {width, rect: SHEET_RECT})
  );
}

/** Figure 3: each point's retrained code against its old code ("old") or its best code ("best"). */
export function codesFigure(s: FgState, against: "old" | "best", width: number): Element | undefined {
  const {shown} = s;
  if (!shown) return undefined;
  const compare = compared(s)?.codes.retrained;
  const domain = codeDomain(shown, compare);
  const x = against === "old" ? shown.codes.old : shown.codes.best;
  const xLabel = against === "old" ? "old code" : "best code z* (search)";
  return slot(`ex1fg-${against}-new`, [shown.codes.retrained, width], () =>
    codeScatter(
      {x, y: shown.codes.retrained, atBest: shown.atBest, compareY: compare},
      {width, xLabel, yLabel: "retrained code", domain}
    )
  );
}

/** Figure 4: the squared distance of point `s.worst` to the decoder's curve along the latent axis. */
export function profileOf(s: FgState, width: number): Element | undefined {
  const {shown, worst, pub} = s;
  if (!shown) return undefined;
  const mark = (label: string, r: ShownRetrain) => ({
    label,
    z: r.codes.retrained[worst],
    image: r.recon.retrained[worst]
  });
  const marks = [
    {label: "old code", z: shown.codes.old[worst], image: shown.recon.old[worst]},
    mark(s.published ? "retrained code" : "retrained code (your run)", shown),
    {label: "best code", z: shown.codes.best[worst], image: shown.recon.best[worst]},
    ...(compared(s) ? [mark("retrained code (published)", pub)] : [])
  ];
  const data = {z: pub.run.curve.z, curve: pub.run.curve.x, point: s.retrain.data[worst], marks};
  return slot("ex1fg-profile", [shown.codes.retrained, worst, width], () =>
    profileFigure(data, {width, title: `point ${worst}: ‖x − D(z)‖² along z`})
  );
}

/** Figures 5 and 6: the final loss, or the share of codes at their best, against the learning rate. */
export function sweepFigure(
  sweep: RetrainSweep,
  entries: readonly RetrainSweepEntry[],
  retrain: FgState["retrain"],
  key: "finalMse" | "fractionAtBestCode",
  mine: ShownRetrain | undefined,
  width: number
): Element {
  const runs = retrain.runs;
  const refs = sweepReferences(sweep, runs, retrain.data.length);
  const value =
    key === "finalMse" ? (mine?.outcome?.mse ?? null) : (mine?.outcome?.fractionAtBestCode ?? null);
  const marks = mine ? [{lr: mine.settings.lr, value, label: runLabel(mine)}] : [];
  const series = sweepSeries(entries, sweep.plan.lengths, key);
  const options =
    key === "finalMse"
      ? {
          yLabel: "full-data MSE",
          references: [
            {value: refs.oldMse, label: `old encoder (median of ${runs.length} seeds): ${f4(refs.oldMse)}`},
            {value: refs.bestMse, label: `best possible encoder (median): ${f4(refs.bestMse)}`}
          ]
        }
      : {
          yLabel: "fraction of points at their best code",
          yType: "linear" as const,
          yDomain: [0, 1] as [number, number],
          yFormat: ".0%",
          references: [{value: refs.oldFraction, label: `old encoder (median): ${pct(refs.oldFraction)}`}]
        };
  const id = key === "finalMse" ? "ex1fg-sweep-mse" : "ex1fg-sweep-best";
  return slot(id, [width, value], () => lrSweepFigure(series, {width, ...options, marks}));
}

/** The table of every published seed (a reader's run first). */
export function seedTable(runs: readonly EncoderRetrainRun[], mine: ShownRetrain | undefined): HTMLElement {
  const rows = seedRows(runs, mine);
  const format = {old: f4, redrawn: f4, retrained: f4, best: f4, "÷ best": d3.format(".1f")};
  return html`<div class="table-fit">${Inputs.table(rows, {select: false, layout: "auto", format})}</div>` as HTMLElement;
}

/** The table of the sweep, per learning rate and length. */
export function sweepTable(sweep: RetrainSweep): HTMLElement {
  const f2 = d3.format(".2f");
  const format = {
    "median MSE": f4,
    "at best code (median)": pct,
    "codes travelled": (x: number | undefined) => (x === undefined ? "" : `${f2(x)} spacings`)
  };
  const table = Inputs.table(sweepRows(sweep), {select: false, layout: "auto", rows: 20, format});
  return html`<div class="table-fit">${table}</div>` as HTMLElement;
}
