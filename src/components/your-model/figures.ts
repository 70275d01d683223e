/**
 * The figures of "Check your own model", each a pure function of the graded
 * model (`YourModel`) and options: the MSE among the published seeds, the latent
 * code over the plane, the decoder curve, every point's reconstruction, and the
 * downloads of what was graded.
 */
import {html} from "htl";
import {latentMap} from "../figures/latent-map.js";
import {decoderFigure} from "../figures/decoder.js";
import {csvBlob, dataDownloads, jsonBlob} from "../site/listing.js";
import {stateDict} from "../../core/autoencoder/listings.js";
import {count} from "../../core/format/words.js";
import type {YourModel} from "../../core/model-file/your-model.js";
import {gradingRecord, reconstructionRows} from "../../core/model-file/your-model.js";
import {mseStrip} from "./mse-strip.js";
import {reconstructionArrows} from "./reconstruction-arrows.js";

interface Width {
  readonly width: number;
}

/** A number in bold that tests and readers can find by its key, with its full value in `data-value`. */
export function keyedNumber(key: string, value: number, text: string): HTMLElement {
  return html`<strong data-key=${key} data-value=${value}>${text}</strong>` as HTMLElement;
}

export function errorStrip(m: YourModel, {width}: Width): SVGSVGElement | HTMLElement {
  const g = m.grade;
  return mseStrip(
    {yours: g.mse, optimum: g.pca.optimumMse, seeds: m.seedRuns, architecture: m.text.architecture},
    {width}
  );
}

export function codeMap(m: YourModel, {width}: Width): SVGSVGElement | HTMLElement {
  const {view} = m.grade;
  const {nx, ny, rect} = m.grid;
  const map = {grid: view.grid, nx, ny, rect, points: m.shownPoints, codes: view.codes};
  return latentMap(map, {width, title: `Your encoder's code over the plane`, curve: view.curve.x});
}

export function curveFigure(m: YourModel, {width}: Width): SVGSVGElement | HTMLElement {
  const g = m.grade;
  return decoderFigure(m.shownPoints, [g.view.curve], {
    width,
    title: `Your decoder's curve: ${count(g.shape.pieces, "piece")}`,
    codes: g.view.codes,
    reconstructions: g.reconstructions
  });
}

export function arrowsFigure(m: YourModel, {width}: Width): SVGSVGElement | HTMLElement {
  const g = m.grade;
  return reconstructionArrows(m.shownPoints, g.reconstructions, g.view.curve, {
    width: Math.min(width, 760),
    title: `Reconstructions: mean squared error ${g.mse.toPrecision(3)}`
  });
}

export function yourModelDownloads(m: YourModel): HTMLElement {
  return dataDownloads([
    {
      label: "codes and reconstructions (CSV)",
      filename: "your-model-reconstructions.csv",
      make: () => csvBlob(reconstructionRows(m))
    },
    {label: "the grading (JSON)", filename: "your-model-grade.json", make: () => jsonBlob(gradingRecord(m))},
    {
      label: "the model as the report's JSON state_dict",
      filename: "your-model-state-dict.json",
      make: () => jsonBlob(stateDict(m.spec, m.params))
    }
  ]);
}
