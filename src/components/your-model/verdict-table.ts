/**
 * The verdicts of exercise 1 (c)/(d) about trained decoders, for the published
 * runs and with the reader's model in place of its architecture's runs.
 */
import {html} from "htl";
import type {ReaderVerdict} from "../../core/model-file/grade.js";

const cell = (held: boolean) =>
  html`<span class=${`verdict ${held ? "held" : "failed"}`}>${held ? "held" : "did not hold"}</span>`;

export function verdictTable(verdicts: readonly ReaderVerdict[]): HTMLElement {
  if (!verdicts.length) {
    return html`<p class="source-note">The verdicts of (c)/(d) are judged for the sheet's three architectures with the sheet's activations, on the report's points.</p>` as HTMLElement;
  }
  return html`<div class="table-scroll"><table class="verdicts">
    <thead><tr><th scope="col">prediction</th><th scope="col">measured: published runs</th><th scope="col">verdict</th>
      <th scope="col">measured: with yours</th><th scope="col">verdict: with yours</th></tr></thead>
    <tbody>${verdicts.map(
      (
        v
      ) => html`<tr><td>${v.published.prediction}</td><td>${v.published.measured}</td><td>${cell(v.published.held)}</td>
        <td class="run-reader">${v.reader.measured}</td><td class="run-reader">${cell(v.reader.held)}</td></tr>`
    )}</tbody>
  </table></div>` as HTMLElement;
}
