/**
 * The home page's table of key figures: one row per model, read from
 * summary.json. A pure function of the summary.
 */
import {html} from "htl";
import * as d3 from "d3";
import {count as countOf} from "../../core/format/words.js";

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
    <caption>Full-data MSE after 1000 epochs, over ${countOf(Object.values(models)[0]?.finalMse.length ?? 0, "seed")}</caption>
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

export interface MoreKeyFigures {
  readonly ex1: {
    readonly perfectReconstruction: {readonly n: number; readonly mse: number};
    readonly retrain: Readonly<
      Record<"mseBefore" | "mseAfterReinit" | "mseAfterRetrain" | "optimalEncoderMse", readonly number[]>
    >;
    readonly gdVsSgd: readonly {
      optimizer: string;
      batchSize: number;
      learningRate: number;
      examplesSeen: number;
      finalMse: readonly number[];
    }[];
  };
  readonly bonus: {
    readonly spiral: {architecture: string; trainLoss: number; testLoss: number};
    readonly regularization: Readonly<
      Record<
        "none" | "l1" | "l2",
        {trainLoss: number; testLoss: number; zeroWeightFraction: number; meanAbsWeight: number}
      >
    >;
    readonly memorization: {
      noise: number;
      trainRatio: number;
      trainLoss: readonly number[];
      testLoss: readonly number[];
    };
  };
}

/** One line per remaining part of the sheet, each with its headline numbers (medians over seeds). */
export function moreKeyFiguresTable(s: MoreKeyFigures): HTMLTableElement {
  const f = d3.format(".4f");
  const med = (xs: readonly number[]) => d3.median(xs) ?? NaN;
  const r = s.ex1.retrain;
  const pct = d3.format(".1%");
  const rows: [string, string, Node | string][] = [
    [
      "1 (e)",
      "ex1-e",
      `a constructed autoencoder reconstructs all ${countOf(s.ex1.perfectReconstruction.n, "point")}: MSE ${s.ex1.perfectReconstruction.mse.toExponential(1)}`
    ],
    [
      "1 (g)",
      "ex1-fg",
      `big model, decoder frozen, encoder redrawn: MSE ${f(med(r.mseBefore))} before → ${f(med(r.mseAfterReinit))} redrawn → ${f(med(r.mseAfterRetrain))} retrained; best possible encoder ${f(med(r.optimalEncoderMse))}`
    ],
    [
      "1 (h)",
      "ex1-h",
      s.ex1.gdVsSgd.map((c) => `${c.optimizer} batch ${c.batchSize}: ${f(med(c.finalMse))}`).join("; ") +
        ` (after ${d3.format(",")(s.ex1.gdVsSgd[0]?.examplesSeen ?? 0)} examples)`
    ],
    [
      "2 (a)",
      "bonus-a",
      `spiral from X₁, X₂: ${s.bonus.spiral.architecture}, test loss ${f(s.bonus.spiral.testLoss)}`
    ],
    [
      "2 (b)",
      "bonus-b",
      (["none", "l1", "l2"] as const)
        .map(
          (k) =>
            `${k === "none" ? "no regularisation" : k.toUpperCase()}: ${pct(s.bonus.regularization[k].zeroWeightFraction)} weights zero, mean |w| ${f(s.bonus.regularization[k].meanAbsWeight)}`
        )
        .join("; ")
    ],
    [
      "2 (c)",
      "bonus-c",
      `noise ${s.bonus.memorization.noise}, ${s.bonus.memorization.trainRatio} % training data: train loss ${f(med(s.bonus.memorization.trainLoss))}, test loss ${f(med(s.bonus.memorization.testLoss))}`
    ]
  ];
  return html`<table class="key-figures more">
    <caption>The other parts, in one line each (medians over seeds where there are several)</caption>
    <thead><tr><th scope="col">part</th><th scope="col">result</th></tr></thead>
    <tbody>${rows.map(([part, page, text]) => html`<tr><th scope="row"><a href=${`./${page}`}>${part}</a></th><td>${text}</td></tr>`)}</tbody>
  </table>` as HTMLTableElement;
}
