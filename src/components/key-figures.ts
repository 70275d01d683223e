/**
 * The home page's table of key figures: one row per model, read from
 * summary.json. A pure function of the summary.
 */
import {html} from "htl";
import * as d3 from "d3";

export interface KeyFigureModel {
  readonly params: number;
  readonly finalMse: readonly number[];
  readonly optimumMse?: readonly number[];
}

const LABELS: Record<string, string> = {
  small: "small {20, 10, 1, 10, 20, 2}",
  big: "big {50, 50, 50, 1, 50, 50, 50, 2}",
  pca: "PCA-like {1, 2}, linear"
};

export function keyFiguresTable(models: Readonly<Record<string, KeyFigureModel>>): HTMLTableElement {
  const count = d3.format(",");
  const mse = d3.format(".4f");
  return html`<table class="key-figures">
    <caption>Full-data MSE after 1000 epochs, over ${Object.values(models)[0]?.finalMse.length ?? 0} seeds</caption>
    <thead><tr><th scope="col">model</th><th scope="col">parameters</th><th scope="col">median MSE</th><th scope="col">min – max</th><th scope="col">PCA optimum</th></tr></thead>
    <tbody>${Object.entries(models).map(
      ([name, m]) => html`<tr>
        <th scope="row">${LABELS[name] ?? name}</th>
        <td>${count(m.params)}</td>
        <td>${mse(d3.median(m.finalMse) ?? NaN)}</td>
        <td>${mse(d3.min(m.finalMse) ?? NaN)} – ${mse(d3.max(m.finalMse) ?? NaN)}</td>
        <td>${m.optimumMse ? mse(m.optimumMse[0]) : "—"}</td>
      </tr>`
    )}</tbody>
  </table>` as HTMLTableElement;
}
