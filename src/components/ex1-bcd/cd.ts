/**
 * The controls, figures, tables and downloads of exercise 1 (c)/(d): the view
 * controls (each a field kept in the URL), the untrained and trained decoder
 * curves, the table of verdicts, every seed's curves, the linked view of one
 * data point, the training history, and a reader's retrained curves over the
 * published ones. Each is a function of data and options; layouts of several
 * cards take Framework's `resize`.
 */
import {html} from "htl";
import type {ModelName} from "../../core/autoencoder/models.js";
import {autoencoderSpec} from "../../core/autoencoder/models.js";
import type {AutoencoderSnapshot, HistorySnapshot} from "../../core/autoencoder/snapshot.js";
import type {Verdict} from "../../core/autoencoder/decoder-verdicts.js";
import type {CurveChoice, CurvePanel, CurvePanels, DecoderCurve} from "../../core/exercises/cd/curves.js";
import * as curves from "../../core/exercises/cd/curves.js";
import {intervalText, pointReadout, readerEnd} from "../../core/exercises/cd/curves.js";
import {cdRunNote} from "../../core/exercises/b/facts.js";
import {count} from "../../core/format/words.js";
import {runFileName} from "../../core/live/run-label.js";
import {CD_VIEW_FIELDS} from "../../core/settings/ex1-views.js";
import {RETRAIN_FIELDS} from "../../core/settings/retrain.js";
import type {ViewInput, ViewInputOptions} from "../controls/controls.js";
import {viewInput} from "../controls/controls.js";
import {decoderFigure} from "../figures/decoder.js";
import {latentMap} from "../figures/latent-map.js";
import {lossFigure} from "../figures/loss.js";
import {scrubber} from "../figures/scrubber.js";
import type {Resize} from "../playground/studies.js";
import {csvBlob, dataDownloads} from "../site/listing.js";
import {MODEL_TITLES} from "../training/ex1-state.js";
import {runBadge, runNote, runRows, weightsDownloads} from "../training/reader-run.js";
import {slot} from "../training/slot.js";
import type {ReaderRun, ShownRun} from "./run.js";

export {ex1Section, readerRun, shownRun} from "./run.js";

/** How each view control of the page labels its choices. */
const INPUT_OPTIONS: Record<keyof typeof CD_VIEW_FIELDS, ViewInputOptions> = {
  curveSeed: {as: "select"},
  interval: {labels: {data: "the codes of the data, ± 10 %", fixed: "a fixed interval [−a, a]"}},
  a: {},
  untrained: {labels: {torch: "PyTorch (random biases)", tfjs: "TensorFlow.js (zero biases)"}},
  pointModel: {labels: MODEL_TITLES},
  point: {},
  historyModel: {labels: MODEL_TITLES}
};

/**
 * One of the page's view controls, with its labels; `options` adds to them (the seeds to choose from,
 * disabled).
 */
export function cdInput(key: keyof typeof CD_VIEW_FIELDS, options: ViewInputOptions = {}): ViewInput {
  return viewInput(CD_VIEW_FIELDS[key], {...INPUT_OPTIONS[key], ...options});
}

const schemeName = (scheme: string) => (scheme === "torch" ? "PyTorch" : "TensorFlow.js");

/** One row per architecture: its decoder untrained (the seed's draw) and trained (published). */
export function curveCards(
  data: AutoencoderSnapshot["data"],
  {panels, seed, scheme}: CurvePanels,
  {resize}: {resize: Resize}
): HTMLElement[] {
  const card = (key: string, curve: DecoderCurve, title: string) =>
    html`<div class="card">${resize((width) =>
      slot(key, [curve, width], () => decoderFigure(data, [curve], {width, title}))
    )}</div>`;
  return panels.map((p) => {
    const what = (s: CurvePanel["init"]) => `${count(s.shape.pieces, "piece")} on ${intervalText(s.curve)}`;
    const title = MODEL_TITLES[p.name];
    return html`<div class="grid grid-cols-2">
  ${card(`cd-init-${p.name}`, p.init.curve, `${title}, untrained (${schemeName(scheme)} init, seed ${seed}): ${what(p.init)}`)}
  ${card(`cd-trained-${p.name}`, p.trained.curve, `${title}, trained (published, seed ${seed}): ${what(p.trained)}`)}
</div>` as HTMLElement;
  });
}

/** The curves shown, as CSV. */
export function curveDownloads({panels, seed, scheme}: CurvePanels): HTMLElement {
  const rows = () =>
    panels.flatMap((p) =>
      (["init", "trained"] as const).flatMap((stage) =>
        p[stage].curve.z.map((z, k) => ({
          model: p.name,
          stage,
          init: scheme,
          seed,
          z,
          x1: p[stage].curve.x[k][0],
          x2: p[stage].curve.x[k][1]
        }))
      )
    );
  const filename = `ex1cd-decoder-curves-seed${seed}.csv`;
  return dataDownloads([{label: "decoder curves shown (CSV)", filename, make: () => csvBlob(rows())}]);
}

/** The predictions of (c) judged on every published seed. */
export const publishedVerdicts = (snap: AutoencoderSnapshot) => curves.publishedVerdicts(snap, MODEL_TITLES);

/**
 * The same predictions judged on a reader's finished run, measured with the same functions (null until
 * then).
 */
export const readerVerdicts = (snap: AutoencoderSnapshot, mine: ReaderRun) =>
  curves.readerVerdicts(mine.models ?? [], snap.pca, MODEL_TITLES);

/** The note above a reader's retrained curves (nothing for the published result). */
export function readerNote(run: ShownRun): Node {
  return run.published ? document.createDocumentFragment() : runNote("reader", cdRunNote(run));
}

/** What the verdicts' lead-in adds for a reader's finished run: its badge, its settings and how it ended. */
export function readerClause(
  run: ShownRun,
  mine: ReaderRun,
  reader: readonly Verdict[] | null
): Node | string {
  if (!reader) return "";
  const end = readerEnd(mine.models ?? [], MODEL_TITLES);
  return html`, and for ${runBadge("reader")} (${run.text}${end}) with the same functions: its untrained rows use the same seed's draws from both initialisations`;
}

const verdictCell = (v: Verdict) =>
  v.held
    ? html`<span class="verdict held">held</span>`
    : html`<span class="verdict failed">did not hold</span>`;

/**
 * The predictions of (c), what was measured on the published runs and (after a retrain) on the reader's,
 * and the verdicts.
 */
export function verdictTable(published: readonly Verdict[], reader: readonly Verdict[] | null): HTMLElement {
  const readerHead = reader
    ? html`<th scope="col">measured: your run</th><th scope="col">verdict: your run</th>`
    : "";
  const readerCells = (k: number) =>
    reader
      ? html`<td class="run-reader">${reader[k].measured}</td><td class="run-reader">${verdictCell(reader[k])}</td>`
      : "";
  return html`<table class="verdicts">
<thead><tr><th scope="col">prediction</th><th scope="col">measured: published runs</th><th scope="col">verdict</th>${readerHead}</tr></thead>
<tbody>${published.map(
    (v, k) =>
      html`<tr><td>${v.prediction}</td><td>${v.measured}</td><td>${verdictCell(v)}</td>${readerCells(k)}</tr>`
  )}</tbody>
</table>` as HTMLElement;
}

/** One card per architecture with every published seed's trained curve, `seed` in colour. */
export function allSeedCards(
  snap: AutoencoderSnapshot,
  seed: number,
  {resize}: {resize: Resize}
): HTMLElement[] {
  return curves.allSeedCurves(snap, seed).map((c) => {
    const title = `${MODEL_TITLES[c.name]}: ${c.curves.length} published seeds (seed ${seed} in colour)`;
    const draw = (width: number) => decoderFigure(snap.data, c.curves, {width, title, legend: false});
    return html`<div class="card">${resize(draw)}</div>` as HTMLElement;
  });
}

/**
 * The linked view: data, decoder curve and reconstructions of one published
 * model, the chosen point's arrow and its numbers; a click on a point makes it
 * the chosen one (through `pointInput`, so the URL and the slider follow).
 */
export function linkedFigure(
  snap: AutoencoderSnapshot,
  at: {
    model: ModelName;
    seed: number;
    choice: CurveChoice;
    point: number;
    pointInput: ViewInput;
    width: number;
  }
): DocumentFragment {
  const {model, seed, pointInput, width} = at;
  const data = snap.data;
  const view = curves.linkedView(snap, model, seed, at.choice);
  const sel = Number(at.point) - 1;
  const figure = decoderFigure(data, [view.curve], {
    width: Math.max(320, Math.min(width, 900)),
    title: `${MODEL_TITLES[model]}, published seed ${seed}: data, decoder curve and reconstructions`,
    codes: view.codes,
    reconstructions: view.reconstructions,
    selected: sel
  }) as Element & {value?: {i?: number}};
  // The pointer keeps the point it is near; a click chooses it.
  figure.addEventListener("click", () => {
    const d = figure.value;
    if (d && Number.isInteger(d.i) && d.i !== sel) {
      pointInput.value = d.i! + 1;
      pointInput.dispatchEvent(new Event("input", {bubbles: true}));
    }
  });
  const block = document.createDocumentFragment();
  block.append(
    figure,
    html`<p class="point-readout" aria-live="polite">${pointReadout(data, view, sel)}</p>`
  );
  return block;
}

/** The slider over the recorded epochs of the training history, kept in the URL. */
export function historyScrubber(history: HistorySnapshot): HTMLElement & {value: number} {
  const {epochs, every} = history.config;
  return scrubber({label: "epoch", last: epochs, step: every, key: "historyEpoch"});
}

/** The latent map with the decoder curve at the chosen epoch, beside the loss with the epoch marked. */
export function historyCards(
  snap: AutoencoderSnapshot,
  history: HistorySnapshot,
  {model, epoch, width}: {model: ModelName; epoch: number; width: number}
): HTMLElement {
  const run = history.models[model]![0];
  const {config} = history;
  const frame = run.frames[Math.round(epoch / config.every)] ?? run.frames[run.frames.length - 1];
  const w = Math.max(280, Math.min(560, width / 2 - 40));
  const map = latentMap(
    {
      grid: frame.grid,
      nx: config.nx,
      ny: config.ny,
      rect: config.rect,
      points: snap.data,
      codes: frame.codes
    },
    {width: w, title: `epoch ${frame.epoch}: MSE ${frame.mse.toFixed(4)}`, curve: frame.curve.x}
  );
  const loss = lossFigure([{seed: run.seed, epochLoss: run.epochLoss}], {
    width: w,
    seed: run.seed,
    epochs: config.epochs,
    stepsPerEpoch: snap.config.stepsPerEpoch,
    stepStride: snap.config.stepStride,
    marker: frame.epoch,
    reference: {value: snap.pca.optimumMse, label: "PCA optimum"},
    title: "mean loss per epoch"
  });
  return html`<div class="grid grid-cols-2">
  <div class="card">${map}</div>
  <div class="card">${loss}</div>
</div>` as HTMLElement;
}

/** The decoder curves of a reader's run as it trains, over the published curve of the same seed (grey). */
export function liveCurveCards(
  data: AutoencoderSnapshot["data"],
  run: ShownRun,
  mine: ReaderRun,
  {resize}: {resize: Resize}
): HTMLElement[] {
  return run.pub.map((p, k) => {
    const m = mine.models?.[k];
    const pv = p.view!;
    const name = (hidden: readonly number[]) => `${MODEL_TITLES[p.model]} {${hidden.join(", ")}}`;
    if (run.published) {
      const title = `${name(p.hidden)}, published seed ${p.seed}: MSE ${pv.mse.toFixed(4)}`;
      return html`<div class="card">${resize((width) =>
        slot(`cd-live-${p.model}`, [pv, width], () => decoderFigure(data, [pv.curve], {width, title}))
      )}</div>` as HTMLElement;
    }
    if (!m?.view)
      return html`<div class="card"><p class="source-note">waiting for the first state…</p></div>` as HTMLElement;
    const mv = m.view;
    const pubCurve = {z: pv.curve.z, x: pv.curve.x, muted: true};
    const title = `your run, ${name(m.hidden)}: MSE ${mv.mse.toFixed(4)} (published seed ${p.seed}: ${pv.mse.toFixed(4)})`;
    const note = `grey: published, seed ${p.seed}`;
    return html`<div class="card">${resize((width) =>
      slot(`cd-live-${p.model}`, [mv, width], () =>
        decoderFigure(data, [pubCurve, mv.curve], {width, title, note})
      )
    )}</div>` as HTMLElement;
  });
}

/**
 * A reader's decoder curves as CSV, and the weights once the run has ended (nothing for the published
 * result).
 */
export function cdDownloads(run: ShownRun, mine: ReaderRun): DocumentFragment {
  const block = document.createDocumentFragment();
  if (run.published) return block;
  const models = mine.models ?? [];
  const rows = models.flatMap((m) =>
    m.view
      ? m.view.curve.z.map((z, k) => ({
          model: m.model,
          seed: m.seed,
          epoch: m.epochLoss.length,
          z,
          x1: m.view!.curve.x[k][0],
          x2: m.view!.curve.x[k][1]
        }))
      : []
  );
  const file = {
    label: "your decoder curves (CSV)",
    filename: runFileName("ex1cd-decoder-curves.csv", "reader", run.slug),
    make: () => csvBlob(runRows(rows, "reader", RETRAIN_FIELDS, run.values))
  };
  block.append(dataDownloads([file]));
  if (mine.over)
    block.append(
      weightsDownloads(
        models
          .filter((m) => m.params)
          .map((m) => ({
            name: MODEL_TITLES[m.model],
            spec: autoencoderSpec(m.hidden, 2, m.model === "pca"),
            params: m.params!,
            filename: `ex1cd-weights-${m.model}-yours-${run.slug}.json`
          }))
      )
    );
  return block;
}
