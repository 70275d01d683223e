/**
 * A reader's run beside the published one, for every page that retrains: a
 * label that says which run a figure or table shows, a table with one row per
 * run, CSV rows that carry the run and its settings, and the reader's weights
 * as a PyTorch state_dict. The words come from core/live/run-label.ts; the figures
 * draw the reader's run on top of the published one themselves (`overlay` of
 * loss-figure.ts, muted curves of decoder-figure.ts).
 *
 * A page that lets a reader retrain uses it so (see ex1-b.md, ex1-cd.md):
 * 1. words: `settingsText(FIELDS, values, ["seed"])`, `settingsSlug(...)`;
 * 2. above the figures: `runNote("reader", `Your run: ${text}. …`)`;
 * 3. figures: the published run stays drawn, muted; the reader's on top;
 * 4. numbers: the same core functions on the reader's parameters
 *    (`TrainingState.jobs[i].params`, sent with each view) as on the
 *    published ones, shown with `compareTable` or an extra table column;
 * 5. files: `runRows(rows, kind, FIELDS, values)` and
 *    `runFileName(base, kind, slug)`; `weightsDownloads` for the weights.
 */
import {html} from "htl";
import type {AutoencoderSpec} from "../../core/autoencoder/models.js";
import type {AnyField, Values} from "../../core/settings/fields.js";
import {stateDict} from "../../core/autoencoder/listings.js";
import type {RunKind} from "../../core/live/run-label.js";
import {settingsColumns} from "../../core/live/run-label.js";
import {downloadButton, jsonBlob} from "../site/listing.js";

/** "your run" or "published", as a small label placed before a caption or title. */
export function runBadge(kind: RunKind): HTMLElement {
  return html`<span class=${`run-badge run-${kind}`}>${kind === "reader" ? "your run" : "published"}</span>` as HTMLElement;
}

/** One sentence under a figure or above a table: which run it shows, with what settings. */
export function runNote(kind: RunKind, text: string): HTMLElement {
  return html`<p class="run-note">${runBadge(kind)} ${text}</p>` as HTMLElement;
}

export interface CompareColumn<R> {
  readonly label: string;
  readonly value: (row: R) => string;
}

export interface CompareRow {
  readonly kind: RunKind;
  /** Row header: which run (and model, if the table has several). */
  readonly label: string;
}

/**
 * A table with one row per run; the reader's rows are marked (class and
 * badge) so the comparison reads at a glance.
 */
export function compareTable<R extends CompareRow>(
  rows: readonly R[],
  columns: readonly CompareColumn<R>[],
  caption: string
): HTMLElement {
  return html`<figure class="table-figure">
    <figcaption>${caption}</figcaption>
    <div class="table-scroll"><table class="compare-table" aria-label=${caption}>
      <thead><tr><th scope="col">run</th>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
      <tbody>${rows.map(
        (r) =>
          html`<tr class=${`run-${r.kind}`}><th scope="row">${r.kind === "reader" ? html`${runBadge("reader")} ` : ""}${r.label}</th>${columns.map(
            (c) => html`<td>${c.value(r)}</td>`
          )}</tr>`
      )}</tbody>
    </table></div>
  </figure>` as HTMLElement;
}

/** CSV rows with the run they belong to and every setting it was trained with, as leading columns. */
export function runRows<T extends Record<string, unknown>>(
  rows: readonly T[],
  kind: RunKind,
  fields: readonly AnyField[],
  values: Values
): Record<string, unknown>[] {
  const columns = {run: kind === "reader" ? "yours" : "published", ...settingsColumns(fields, values)};
  return rows.map((r) => ({...columns, ...r}));
}

export interface TrainedWeights {
  /** What the button names ("small"). */
  readonly name: string;
  readonly spec: AutoencoderSpec;
  readonly params: ArrayLike<number>;
  readonly filename: string;
}

/** Download buttons for a reader's trained weights, one per model, as PyTorch state_dicts (JSON). */
export function weightsDownloads(models: readonly TrainedWeights[]): HTMLElement {
  const buttons = models.map((m) => {
    const button = downloadButton(m.name, m.filename, () => jsonBlob(stateDict(m.spec, m.params)));
    button.setAttribute("aria-label", `Download your ${m.name} weights as a PyTorch state_dict`);
    return button;
  });
  return html`<p class="data-downloads"><span>Your weights (PyTorch state_dict, JSON):</span> ${buttons}</p>` as HTMLElement;
}
