/**
 * The tables, figure groups and downloads of the three pretrained bonus studies,
 * each a function of the study (as its loader writes it) and options. Layouts
 * with several cards take Framework's `resize`, so each card draws at its own width.
 */
import {html} from "htl";
import {ACTIVATION_LABELS} from "../../core/engine/mlp.js";
import {
  ANSWER_ZERO, connectedInputs, connectionWeights, depthWidth, loss, percent, regularizationLabel, regularizationNames, shortName
} from "../../core/playground/answers.js";
import {featureLabel} from "../../core/playground/features.js";
import type {PlaygroundSettings} from "../../core/playground/settings.js";
import {REGULARIZATION_KINDS} from "../../core/playground/settings.js";
import type {MemorizationStudy, RegularizationStudy, SpiralStudy} from "../../core/playground/studies.js";
import {count} from "../../core/format/words.js";
import {csvBlob, dataDownloads, jsonBlob} from "../site/listing.js";
import {networkDiagram} from "./network.js";
import {lossCurves, outputMap, weightHistograms} from "./figures.js";

/** Framework's `resize`: renders at the width of its container, again whenever that changes. */
export type Resize = (render: (width: number) => Node) => Node;

/** A link that opens a published run in the playground. */
export function runLink(run: {readonly query: string}, text: string, label?: string): HTMLAnchorElement {
  return html`<a href=${`./bonus?${run.query}`} aria-label=${label}>${text}</a>` as HTMLAnchorElement;
}

const networkData = (s: PlaygroundSettings, final: SpiralStudy["candidates"][number]["run"]["final"]) => ({
  widths: [s.features.length, ...s.hidden, 1],
  inputs: s.features.map(featureLabel),
  params: final.params,
  nodes: final.nodes,
  nodeGrid: final.nodeGrid
});

// ---- (a) the spiral ----

const winnerOf = (study: SpiralStudy) => study.candidates.find((c) => c.name === study.winner)!;
const star = (study: SpiralStudy, name: string) => (name === study.winner ? " ★" : "");

/** The answer's output map, its trained network and its loss curves. */
export function spiralFigures(study: SpiralStudy, {resize}: {resize: Resize}): HTMLElement {
  const w = winnerOf(study).run;
  const map = {output: w.final.output, grid: w.final.grid, train: study.points.train, test: study.points.test};
  return html`<div class="cols-2">
  <div class="card">${resize((width) => outputMap(map, {width, title: `Output after ${w.settings.epochs} epochs`}))}</div>
  <div class="card">${resize((width) => networkDiagram(networkData(w.settings, w.final), {width: width - 50, title: "The trained network"}))}
  ${resize((width) => lossCurves(w.curve, {width, height: 170, title: "Loss per epoch"}))}</div>
</div>` as HTMLElement;
}

/** Every candidate with its losses on the first seed, the median and worst over the seeds, and a rerun link. */
export function candidatesTable(study: SpiralStudy): HTMLElement {
  const first = study.candidates[0].seeds[0].seed;
  return html`<figure class="table-figure"><figcaption id="candidates-caption">Test loss ½(output − label)² of each candidate; the answer is marked ★</figcaption>
<div class="table-scroll"><table class="candidates" aria-labelledby="candidates-caption">
  <thead><tr><th scope="col">depth × width</th><th scope="col">activation</th><th scope="col">regularisation</th><th scope="col">learning rate</th>
  <th scope="col">train loss, seed ${first}</th><th scope="col">test loss, seed ${first}</th><th scope="col">median test loss</th><th scope="col">worst test loss</th><th scope="col">rerun</th></tr></thead>
  <tbody>${study.candidates.map((c) => {
    const s = c.run.settings;
    return html`<tr class=${c.name === study.winner ? "winner" : ""} data-name=${c.name}>
    <th scope="row">${depthWidth(s.hidden)}${star(study, c.name)}</th><td>${ACTIVATION_LABELS[s.activation]}</td><td>${regularizationLabel(s)}</td><td>${s.lr}</td>
    <td>${loss(c.run.trainLoss)}</td><td>${loss(c.run.testLoss)}</td><td>${loss(c.medianTestLoss)}</td><td>${loss(c.worstTestLoss)}</td>
    <td>${runLink(c.run, "open")}</td></tr>`;
  })}</tbody>
</table></div></figure>` as HTMLElement;
}

/** Every candidate with every seed, folded away; each number opens its run. */
export function allSeedsTable(study: SpiralStudy): HTMLElement {
  const seeds = study.candidates[0].seeds.map((x) => x.seed);
  return html`<details class="all-seeds"><summary>All ${count(study.candidates.length * seeds.length, "run")}: every candidate with every seed</summary>
<figure class="table-figure"><figcaption id="spiral-seeds-caption">Test loss of every candidate with every seed; each number opens its run</figcaption>
<div class="table-scroll"><table class="spiral-seeds" aria-labelledby="spiral-seeds-caption">
  <thead><tr><th scope="col">candidate</th>${seeds.map((seed) => html`<th scope="col">seed ${seed}</th>`)}</tr></thead>
  <tbody>${study.candidates.map((c) => {
    const name = shortName(c.run.settings);
    return html`<tr data-name=${c.name}><th scope="row">${name}${star(study, c.name)}</th>
    ${c.seeds.map((x) => html`<td class="num">${runLink(x, loss(x.testLoss), `${name}, seed ${x.seed}: test loss ${loss(x.testLoss)}, open in the playground`)}</td>`)}</tr>`;
  })}</tbody>
</table></div></figure></details>` as HTMLElement;
}

/** Each candidate's output on the first seed, small, with the training points. */
export function candidateThumbs(study: SpiralStudy): HTMLElement {
  return html`<div class="thumbs">${study.candidates.map((c) => html`<figure class="thumb">${outputMap({output: c.run.final.output, grid: c.run.final.grid, train: study.points.train, test: []}, {width: 150, small: true})}
  <figcaption>${shortName(c.run.settings)}: test ${c.run.testLoss.toFixed(3)}</figcaption></figure>`)}</div>` as HTMLElement;
}

export function spiralDownloads(study: SpiralStudy): HTMLElement {
  return dataDownloads([
    {label: "candidates and their losses by seed (CSV)", filename: "bonus-a-candidates.csv", make: () => csvBlob(study.candidates.flatMap((c) => c.seeds.map((s) => ({candidate: c.name, ...s}))))},
    {label: "everything behind this page (JSON)", filename: "bonus-a-spiral.json", make: () => jsonBlob(study)}
  ]);
}

// ---- (b) regularisation ----

/** Links to the three runs: "no regularisation, L1, rate 0.003, L2, rate 0.003". */
export function regularizationLinks(study: RegularizationStudy): DocumentFragment {
  const names = regularizationNames(study.rate);
  return html`${REGULARIZATION_KINDS.map((k, i) => html`${i ? ", " : ""}${runLink(study.runs[k], names[k])}`)}` as DocumentFragment;
}

/** Losses, zero weights, mean |weight|, connected inputs and active neurons of the three runs. */
export function regularizationTable(study: RegularizationStudy): HTMLElement {
  const names = regularizationNames(study.rate);
  const runs = study.runs;
  const s = runs.none.settings;
  const row = (label: string, key: string | null, cell: (k: keyof typeof runs) => string) =>
    html`<tr><th scope="row">${label}</th>${REGULARIZATION_KINDS.map((k) => (key ? html`<td class="num" data-key=${`${k}-${key}`}>${cell(k)}</td>` : html`<td>${cell(k)}</td>`))}</tr>`;
  return html`<figure class="table-figure"><figcaption id="reg-caption">After ${count(s.epochs, "epoch")}; weights only (${runs.none.final.stats.count} of them), biases excluded</figcaption>
<div class="table-scroll"><table class="reg-table" aria-labelledby="reg-caption">
  <thead><tr><th scope="col"><span class="visually-hidden">measure</span></th>${REGULARIZATION_KINDS.map((k) => html`<th scope="col">${names[k]}</th>`)}</tr></thead>
  <tbody>
    ${row("training loss", "train", (k) => loss(runs[k].trainLoss))}
    ${row("test loss", "test", (k) => loss(runs[k].testLoss))}
    ${row("weights exactly 0", "zero", (k) => percent(runs[k].final.stats.zeroFraction))}
    ${row("mean |weight|", "mean", (k) => runs[k].final.stats.meanAbs.toFixed(3))}
    ${row("inputs still connected", null, (k) => connectedInputs(runs[k]).join(", "))}
    ${row("neurons still taking part, per layer", null, (k) => runs[k].activeNeurons.join(", "))}
  </tbody>
</table></div></figure>` as HTMLElement;
}

/** The three trained networks, one card each. */
export function regularizationNetworks(study: RegularizationStudy, {resize}: {resize: Resize}): HTMLElement {
  const names = regularizationNames(study.rate);
  return html`<div class="reg-networks">${REGULARIZATION_KINDS.map((k) => html`<div class="card">${resize((width) =>
    networkDiagram(networkData(study.runs[k].settings, study.runs[k].final), {width: Math.min(width, 720) - 60, title: names[k]}))}</div>`)}</div>` as HTMLElement;
}

/** Histograms of the three runs' weights (biases left out). */
export function regularizationHistograms(study: RegularizationStudy, {width}: {width: number}): SVGSVGElement | HTMLElement {
  const names = regularizationNames(study.rate);
  return weightHistograms(REGULARIZATION_KINDS.map((k) => ({name: names[k], weights: connectionWeights(study.runs[k].settings, study.runs[k].final.params)})), {width});
}

/** Each run's decision boundary above its loss curves. */
export function regularizationMaps(study: RegularizationStudy, {resize}: {resize: Resize}): HTMLElement {
  const names = regularizationNames(study.rate);
  return html`<div class="cols-3">${REGULARIZATION_KINDS.map((k) => {
    const r = study.runs[k];
    const map = {output: r.final.output, grid: r.final.grid, train: study.points.train, test: study.points.test};
    return html`<div class="card">
  ${resize((width) => outputMap(map, {width, title: names[k], legend: k === "none"}))}
  ${resize((width) => lossCurves(r.curve, {width, height: 160, log: true}))}
</div>`;
  })}</div>` as HTMLElement;
}

export function regularizationDownloads(study: RegularizationStudy): HTMLElement {
  return dataDownloads([
    {label: "the three runs (CSV)", filename: "bonus-b-regularization.csv", make: () => csvBlob(Object.entries(study.runs).map(([kind, r]) => ({kind, trainLoss: r.trainLoss, testLoss: r.testLoss, zeroWeightFraction: r.final.stats.zeroFraction, meanAbsWeight: r.final.stats.meanAbs})))},
    {label: "everything behind this page (JSON)", filename: "bonus-b-regularization.json", make: () => jsonBlob(study)}
  ]);
}

// ---- (c) memorising noise ----

/** Every seed: losses, wrong test points, confidence, whether it meets the criterion, and a rerun link. */
export function memorizationTable(study: MemorizationStudy): HTMLElement {
  const {runs, target} = study;
  return html`<figure class="table-figure"><figcaption id="memo-caption">Every seed, after ${count(runs[0].settings.epochs, "epoch")}</figcaption>
<div class="table-scroll"><table class="memo-table" aria-labelledby="memo-caption">
  <thead><tr><th scope="col">seed</th><th scope="col">training loss</th><th scope="col">test loss</th><th scope="col">test points on the wrong side</th>
  <th scope="col">mean |output| on test points</th><th scope="col">meets train ≤ ${target.trainLoss} and test > ${target.testLoss}</th><th scope="col">rerun</th></tr></thead>
  <tbody>${runs.map((r) => html`<tr data-seed=${r.settings.seed}>
    <th scope="row">${r.settings.seed}</th><td class="num">${loss(r.trainLoss)}</td><td class="num">${loss(r.testLoss)}</td><td>${percent(r.testError)}</td>
    <td>${r.testConfidence.toFixed(3)}</td><td>${r.meets ? "yes" : "no"}</td><td>${runLink(r, "open", `open seed ${r.settings.seed} in the playground`)}</td></tr>`)}</tbody>
</table></div></figure>` as HTMLElement;
}

/** The first seed's output with and without its test points, and its loss curves against answering 0. */
export function memorizationFigures(study: MemorizationStudy, {resize}: {resize: Resize}): HTMLElement {
  const r = study.runs[0];
  const seed = r.settings.seed;
  const map = {output: r.final.output, grid: r.final.grid, train: r.points.train, test: r.points.test};
  return html`<div class="cols-2">
  <div class="card">${resize((width) => outputMap(map, {width, title: `Seed ${seed}: output with training and test points`}))}</div>
  <div class="card">${resize((width) => outputMap({...map, test: []}, {width, title: `Seed ${seed}: the same, training points only`, legend: false}))}
  ${resize((width) => lossCurves(r.curve, {width, height: 170, title: "Loss per epoch", reference: ANSWER_ZERO}))}</div>
</div>` as HTMLElement;
}

/** Every seed's output with its training points, small. */
export function memorizationThumbs(study: MemorizationStudy): HTMLElement {
  return html`<div class="thumbs">${study.runs.map((r) => html`<figure class="thumb">${outputMap({output: r.final.output, grid: r.final.grid, train: r.points.train, test: []}, {width: 150, small: true})}
  <figcaption>seed ${r.settings.seed}: train ${loss(r.trainLoss)}, test ${loss(r.testLoss)}</figcaption></figure>`)}</div>` as HTMLElement;
}

export function memorizationDownloads(study: MemorizationStudy): HTMLElement {
  return dataDownloads([
    {label: "losses by seed (CSV)", filename: "bonus-c-memorization.csv", make: () => csvBlob(study.runs.map((r) => ({seed: r.settings.seed, trainLoss: r.trainLoss, testLoss: r.testLoss, trainError: r.trainError, testError: r.testError, meets: r.meets})))},
    {label: "everything behind this page (JSON)", filename: "bonus-c-memorization.json", make: () => jsonBlob(study)}
  ]);
}
