/**
 * Final MSE over seeds, per model: every seed, the median, the range, and the
 * ratio of the median to the exact PCA optimum. The statistics are shaped at
 * build time (src/data/ex1-tables.json.ts); this draws them.
 */
import {html} from "htl";
import type {ModelStats, SeedRow} from "../../core/autoencoder/seed-stats.js";

export function seedTable(
  rows: readonly SeedRow[],
  stats: readonly Pick<ModelStats, "model" | "median" | "min" | "max">[],
  options: {titles: Record<string, string>; optimum: number}
): HTMLTableElement {
  const f = (x: number) => x.toFixed(4);
  const seeds = [...new Set(rows.map((r) => r.seed))].sort((a, b) => a - b);
  return html`<table class="seed-table">
    <caption>Published runs (the notebook's settings): full-data MSE after training, by seed. The last column compares with the exact PCA optimum ${f(options.optimum)}.</caption>
    <thead><tr><th scope="col">model</th>${seeds.map((s) => html`<th scope="col">seed ${s}</th>`)}<th scope="col">median</th><th scope="col">min – max</th><th scope="col">median ÷ PCA optimum</th></tr></thead>
    <tbody>${stats.map(
      (s) => html`<tr>
        <th scope="row">${options.titles[s.model] ?? s.model}</th>
        ${seeds.map((seed) => {
          const r = rows.find((x) => x.model === s.model && x.seed === seed);
          return html`<td>${r ? f(r.mse) : "—"}</td>`;
        })}
        <td><strong>${f(s.median)}</strong></td>
        <td>${f(s.min)} – ${f(s.max)}</td>
        <td>${(s.median / options.optimum).toFixed(s.model === "pca" ? 5 : 3)}</td>
      </tr>`
    )}</tbody>
  </table>` as HTMLTableElement;
}
