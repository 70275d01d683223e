/**
 * The figures, tables and downloads of exercise 1 (b): three loss cards, three
 * latent-map cards (a reader's run beside the published one), the table that
 * compares a reader's run with the published seeds, the seed table and the data
 * behind them. Each is a function of the snapshot, the run shown and options;
 * layouts of several cards take Framework's `resize`.
 */
import {html} from "htl";
import {autoencoderSpec} from "../../core/autoencoder/models.js";
import type {AutoencoderSnapshot} from "../../core/autoencoder/snapshot.js";
import type {ModelStats, SeedRow} from "../../core/autoencoder/seed-stats.js";
import {lossDomain} from "../../core/exercises/b/facts.js";
import type {CompareRow} from "../../core/exercises/b/reader.js";
import {compareRows, measureReader} from "../../core/exercises/b/reader.js";
import {runFileName} from "../../core/live/run-label.js";
import type {Values} from "../../core/settings/fields.js";
import {RETRAIN_FIELDS} from "../../core/settings/retrain.js";
import {latentMap} from "../figures/latent-map.js";
import {lossFigure} from "../figures/loss.js";
import {seedTable} from "../figures/seed-table.js";
import type {Resize} from "../playground/studies.js";
import {csvBlob, dataDownloads, jsonBlob} from "../site/listing.js";
import type {ShownModel} from "../training/ex1-state.js";
import {MODEL_TITLES} from "../training/ex1-state.js";
import {compareTable, runRows, weightsDownloads} from "../training/reader-run.js";
import {slot} from "../training/slot.js";
import type {ReaderRun, ShownRun} from "./run.js";

/** "small {20, 10, 1, 10, 20, 2}". */
export const modelTitle = (m: Pick<ShownModel, "model" | "hidden">) =>
  `${MODEL_TITLES[m.model]} {${m.hidden.join(", ")}}`;

/**
 * One loss card per model: the published seeds as a band and the chosen seed's curve, a reader's run on
 * top.
 */
export function lossCards(
  snap: AutoencoderSnapshot,
  run: ShownRun,
  mine: ReaderRun,
  {resize}: {resize: Resize}
): HTMLElement[] {
  const {config} = snap;
  const yDomain = lossDomain(run.pub, mine.models);
  return run.pub.map((p, k) => {
    const m = mine.models?.[k];
    const deps = [p.seed, run.published, m?.epochLoss, m?.epochLoss.length, m?.phase];
    const draw = (width: number) =>
      lossFigure(p.runs!, {
        width,
        title: modelTitle(m ?? p),
        seed: run.published ? p.seed : run.seed,
        epochs: Math.max(m?.epochs ?? 0, config.epochs),
        stepsPerEpoch: config.stepsPerEpoch,
        stepStride: config.stepStride,
        yDomain,
        reference: {value: snap.pca.optimumMse, label: "PCA optimum"},
        overlay: run.published ? undefined : {label: "your run", epochLoss: m?.epochLoss ?? []}
      });
    return html`<div class="card">${resize((width) =>
      slot(`ex1b-loss-${p.model}`, [...deps, width, ...(yDomain ?? [])], () => draw(width))
    )}</div>` as HTMLElement;
  });
}

/** One latent-map card per model; after a retrain, the reader's map beside the published one. */
export function latentCards(
  snap: AutoencoderSnapshot,
  run: ShownRun,
  mine: ReaderRun,
  {resize}: {resize: Resize}
): HTMLElement[] {
  const map = (s: ShownModel, key: string, title: string) =>
    resize((width) =>
      slot(key, [s.view, width], () =>
        latentMap(
          {
            grid: s.view!.grid,
            nx: s.grid.nx,
            ny: s.grid.ny,
            rect: s.grid.rect,
            points: snap.data,
            codes: s.view!.codes
          },
          {width, title}
        )
      )
    );
  return run.pub.map((p, k) => {
    const m = mine.models?.[k];
    const mse = `MSE ${p.view!.mse.toFixed(4)}`;
    const pubTitle = `${run.published ? "" : "published: "}${modelTitle(p)}, seed ${p.seed}: ${mse}`;
    const pubMap = map(p, `ex1b-map-${p.model}`, pubTitle);
    if (run.published) return html`<div class="card">${pubMap}</div>` as HTMLElement;
    const mineMap = m?.view
      ? map(m, `ex1b-mine-${p.model}`, `your run: ${modelTitle(m)}: MSE ${m.view.mse.toFixed(4)}`)
      : html`<p class="source-note">${modelTitle(p)}, your run: waiting for the first state from the worker…</p>`;
    return html`<div class="card"><div class="grid grid-cols-2 pair">${mineMap}${pubMap}</div></div>` as HTMLElement;
  });
}

/**
 * The data behind the figures: the published result as published; after a
 * retrain both runs, each row with its run and settings, and file names that
 * carry the settings; the reader's weights once the run has ended.
 */
export function bDownloads(snap: AutoencoderSnapshot, run: ShownRun, mine: ReaderRun): DocumentFragment {
  const {published, pub} = run;
  const defaults = Object.fromEntries(RETRAIN_FIELDS.map((f) => [f.key, f.value]));
  const pubValues: Values = {...run.values, ...defaults, seed: run.pubSeed};
  const kind = published ? "published" : "reader";
  type Row = Record<string, unknown>;
  const rowsOf = (
    models: readonly ShownModel[],
    who: typeof kind,
    values: Values,
    make: (m: ShownModel) => Row[]
  ) => {
    const rows = models.flatMap(make);
    return published ? rows : runRows(rows, who, RETRAIN_FIELDS, values);
  };
  const both = (make: (m: ShownModel) => Row[]) => [
    ...rowsOf(pub, "published", pubValues, make),
    ...(published ? [] : rowsOf(mine.models ?? [], "reader", run.values, make))
  ];
  const name = (base: string) => runFileName(base, kind, run.slug);
  const grids = (models: readonly ShownModel[]) =>
    Object.fromEntries(
      models.map((m) => [m.model, {seed: m.seed, grid: m.grid, codes: m.view?.grid ?? null}])
    );
  const lossRows = (m: ShownModel) =>
    m.epochLoss.map((loss, e) => ({model: m.model, seed: m.seed, epoch: e + 1, loss}));
  const codeRows = (m: ShownModel) =>
    (m.view?.codes ?? []).map((code, i) => ({
      model: m.model,
      seed: m.seed,
      x1: snap.data[i][0],
      x2: snap.data[i][1],
      code
    }));
  const files = document.createDocumentFragment();
  files.append(
    dataDownloads([
      {
        label: "loss per epoch (CSV)",
        filename: name("ex1b-epoch-loss.csv"),
        make: () => csvBlob(both(lossRows))
      },
      {
        label: "latent codes of the data (CSV)",
        filename: name("ex1b-codes.csv"),
        make: () => csvBlob(both(codeRows))
      },
      {
        label: "latent grids (JSON)",
        filename: name("ex1b-latent-grids.json"),
        make: () =>
          jsonBlob({
            published: grids(pub),
            ...(published ? {} : {yours: {settings: run.values, models: grids(mine.models ?? [])}})
          })
      }
    ])
  );
  if (!published && mine.over) {
    const trained = (mine.models ?? []).filter((m) => m.params);
    files.append(
      weightsDownloads(
        trained.map((m) => ({
          name: MODEL_TITLES[m.model],
          spec: autoencoderSpec(m.hidden, 2, m.model === "pca"),
          params: m.params!,
          filename: `ex1b-weights-${m.model}-yours-${run.slug}.json`
        }))
      )
    );
  }
  return files;
}

/** The final MSE of every published seed, and its download. */
export function seedTableBlock(
  snap: AutoencoderSnapshot,
  tables: {readonly rows: SeedRow[]; readonly stats: ModelStats[]}
): DocumentFragment {
  const titles = {pca: "PCA-like", small: "small", big: "big"};
  const table = seedTable(tables.rows, tables.stats, {titles, optimum: snap.pca.optimumMse});
  const file = {
    label: "final MSE by seed (CSV)",
    filename: "ex1b-final-mse.csv",
    make: () => csvBlob(tables.rows.map((r) => ({...r})))
  };
  const block = document.createDocumentFragment();
  block.append(html`<div class="table-scroll">${table}</div>` as HTMLElement, dataDownloads([file]));
  return block;
}

const f4 = (x: number | undefined) => (x === undefined ? "—" : x.toFixed(4));

/**
 * A reader's run beside the published runs, measured with the functions that measured them (nothing for the
 * published result).
 */
export function bCompare(snap: AutoencoderSnapshot, run: ShownRun, mine: ReaderRun): Node {
  if (run.published) return document.createDocumentFragment();
  const measured = mine.over ? measureReader(mine.models ?? [], snap.pca) : {};
  const rows = compareRows(snap, run.pub, mine.models ?? [], measured, MODEL_TITLES);
  const optimum = snap.pca.optimumMse;
  const when = mine.over
    ? "Pieces and turns of the decoder curve are counted on the interval of the data's codes widened by 10 %, as for the published runs."
    : "Its pieces and turns are counted when it ends.";
  return compareTable<CompareRow>(
    rows,
    [
      {label: "full-data MSE", value: (r) => f4(r.mse)},
      {label: "÷ PCA optimum", value: (r) => (r.mse === undefined ? "—" : (r.mse / optimum).toFixed(3))},
      {label: "decoder pieces", value: (r) => (r.pieces === undefined ? "—" : String(r.pieces))},
      {label: "turns in x₂", value: (r) => (r.turns === undefined ? "—" : String(r.turns))},
      {label: "|corr(code, x₁)|", value: (r) => (r.corr === undefined ? "—" : r.corr.toFixed(2))}
    ],
    `Your run (${run.text}) beside the published runs. ${when}`
  );
}
