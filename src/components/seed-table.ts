/**
 * Final MSE over seeds, per model, shaped with arquero: median, range, and for
 * the linear model the ratio to the exact PCA optimum. Returns the table element
 * and the summary rows (so the prose can quote the same numbers).
 */
import aq from "arquero/dist/arquero.js";
import {html} from "htl";

export interface SeedRow {
  readonly model: string;
  readonly seed: number;
  readonly mse: number;
}

export interface ModelStats {
  readonly model: string;
  readonly runs: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly bestSeed: number;
  readonly worstSeed: number;
}

export function seedStats(rows: readonly SeedRow[]): ModelStats[] {
  const t = aq.from(rows as SeedRow[]);
  const stats = t
    .groupby("model")
    .rollup({
      runs: aq.op.count(),
      median: aq.op.median("mse"),
      min: aq.op.min("mse"),
      max: aq.op.max("mse")
    })
    .objects() as Omit<ModelStats, "bestSeed" | "worstSeed">[];
  const order = [...new Set(rows.map((r) => r.model))];
  return stats
    .sort((a, b) => order.indexOf(a.model) - order.indexOf(b.model))
    .map((s) => {
      const mine = rows.filter((r) => r.model === s.model);
      return {...s, bestSeed: mine.find((r) => r.mse === s.min)!.seed, worstSeed: mine.find((r) => r.mse === s.max)!.seed};
    });
}

export function seedTable(rows: readonly SeedRow[], options: {titles: Record<string, string>; optimum: number}): HTMLTableElement {
  const stats = seedStats(rows);
  const f = (x: number) => x.toFixed(4);
  const seeds = [...new Set(rows.map((r) => r.seed))].sort((a, b) => a - b);
  return html`<table class="seed-table">
    <caption>Full-data MSE after training, by seed. The last column compares with the exact PCA optimum ${f(options.optimum)}.</caption>
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
