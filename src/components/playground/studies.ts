/**
 * The tables, figure groups and downloads of the three pretrained bonus studies,
 * each a function of the study (as its loader writes it) and options. Layouts
 * with several cards take Framework's `resize`, so each card draws at its own width.
 */
import {html} from "htl";
import {ACTIVATION_LABELS} from "../../core/engine/mlp.js";
import {
  ANSWER_ZERO,
  connectedInputs,
  connectionWeights,
  depthWidth,
  loss,
  percent,
  regularizationLabel,
  regularizationNames,
  shortName
} from "../../core/playground/answers.js";
import {featureLabel} from "../../core/playground/features.js";
import type {PlaygroundSettings, RegularizationKind} from "../../core/playground/settings.js";
import {REGULARIZATION_KINDS} from "../../core/playground/settings.js";
import type {
  MemorizationStudy,
  RegularizationStudy,
  SeedLoss,
  SpiralStudy
} from "../../core/playground/studies.js";
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

type Final = SpiralStudy["candidates"][number]["run"]["final"];

const networkData = (s: PlaygroundSettings, final: Final) => ({
  widths: [s.features.length, ...s.hidden, 1],
  inputs: s.features.map(featureLabel),
  params: final.params,
  nodes: final.nodes,
  nodeGrid: final.nodeGrid
});

/** Column headers. */
const heads = (names: readonly string[]) => names.map((name) => html`<th scope="col">${name}</th>`);
/** A plain cell. */
const td = (x: unknown) => html`<td>${x}</td>`;

/** A captioned table that scrolls sideways on its own when it is wider than the column. */
function tableFigure(
  id: string,
  caption: string,
  className: string,
  head: unknown,
  body: unknown
): HTMLElement {
  return html`<figure class="table-figure"><figcaption id=${id}>${caption}</figcaption>
<div class="table-scroll"><table class=${className} aria-labelledby=${id}>
  <thead><tr>${head}</tr></thead>
  <tbody>${body}</tbody>
</table></div></figure>` as HTMLElement;
}

// ---- (a) the spiral ----

const winnerOf = (study: SpiralStudy) => study.candidates.find((c) => c.name === study.winner)!;
const star = (study: SpiralStudy, name: string) => (name === study.winner ? " ★" : "");

/** The answer's output map, its trained network and its loss curves. */
export function spiralFigures(study: SpiralStudy, {resize}: {resize: Resize}): HTMLElement {
  const w = winnerOf(study).run;
  const {train, test} = study.points;
  const map = {output: w.final.output, grid: w.final.grid, train, test};
  const title = `Output after ${w.settings.epochs} epochs`;
  const net = networkData(w.settings, w.final);
  const netTitle = "The trained network";
  return html`<div class="cols-2">
  <div class="card">${resize((width) => outputMap(map, {width, title}))}</div>
  <div class="card">${resize((width) => networkDiagram(net, {width: width - 50, title: netTitle}))}
  ${resize((width) => lossCurves(w.curve, {width, height: 170, title: "Loss per epoch"}))}</div>
</div>` as HTMLElement;
}

/** Every candidate: losses on the first seed, median and worst over the seeds, and a rerun link. */
export function candidatesTable(study: SpiralStudy): HTMLElement {
  const first = study.candidates[0].seeds[0].seed;
  const head = heads([
    "depth × width",
    "activation",
    "regularisation",
    "learning rate",
    `train loss, seed ${first}`,
    `test loss, seed ${first}`,
    "median test loss",
    "worst test loss",
    "rerun"
  ]);
  const rows = study.candidates.map((c) => {
    const s = c.run.settings;
    const cells = [
      ACTIVATION_LABELS[s.activation],
      regularizationLabel(s),
      s.lr,
      loss(c.run.trainLoss),
      loss(c.run.testLoss),
      loss(c.medianTestLoss),
      loss(c.worstTestLoss),
      runLink(c.run, "open")
    ];
    return html`<tr class=${c.name === study.winner ? "winner" : ""} data-name=${c.name}>
    <th scope="row">${depthWidth(s.hidden)}${star(study, c.name)}</th>${cells.map(td)}</tr>`;
  });
  const caption = "Test loss ½(output − label)² of each candidate; the answer is marked ★";
  return tableFigure("candidates-caption", caption, "candidates", head, rows);
}

/** Every candidate with every seed, folded away; each number opens its run. */
export function allSeedsTable(study: SpiralStudy): HTMLElement {
  const seeds = study.candidates[0].seeds.map((x) => x.seed);
  const rows = study.candidates.map((c) => {
    const name = shortName(c.run.settings);
    const cell = (x: SeedLoss) =>
      runLink(
        x,
        loss(x.testLoss),
        `${name}, seed ${x.seed}: test loss ${loss(x.testLoss)}, open in the playground`
      );
    return html`<tr data-name=${c.name}><th scope="row">${name}${star(study, c.name)}</th>
    ${c.seeds.map((x) => html`<td class="num">${cell(x)}</td>`)}</tr>`;
  });
  const runs = count(study.candidates.length * seeds.length, "run");
  const head = heads(["candidate", ...seeds.map((x) => `seed ${x}`)]);
  const caption = "Test loss of every candidate with every seed; each number opens its run";
  return html`<details class="all-seeds"><summary>All ${runs}: every candidate with every seed</summary>
${tableFigure("spiral-seeds-caption", caption, "spiral-seeds", head, rows)}
</details>` as HTMLElement;
}

/** Each candidate's output on the first seed, small, with the training points. */
export function candidateThumbs(study: SpiralStudy): HTMLElement {
  return html`<div class="thumbs">${study.candidates.map((c) => {
    const map = {output: c.run.final.output, grid: c.run.final.grid, train: study.points.train, test: []};
    return html`<figure class="thumb">${outputMap(map, {width: 150, small: true})}
  <figcaption>${shortName(c.run.settings)}: test ${c.run.testLoss.toFixed(3)}</figcaption></figure>`;
  })}</div>` as HTMLElement;
}

export function spiralDownloads(study: SpiralStudy): HTMLElement {
  const rows = () => study.candidates.flatMap((c) => c.seeds.map((s) => ({candidate: c.name, ...s})));
  return dataDownloads([
    {
      label: "candidates and their losses by seed (CSV)",
      filename: "bonus-a-candidates.csv",
      make: () => csvBlob(rows())
    },
    {
      label: "everything behind this page (JSON)",
      filename: "bonus-a-spiral.json",
      make: () => jsonBlob(study)
    }
  ]);
}

// ---- (b) regularisation ----

/** Links to the three runs: "no regularisation, L1, rate 0.003, L2, rate 0.003". */
export function regularizationLinks(study: RegularizationStudy): DocumentFragment {
  const names = regularizationNames(study.rate);
  const links = REGULARIZATION_KINDS.map((k, i) => html`${i ? ", " : ""}${runLink(study.runs[k], names[k])}`);
  return html`${links}` as DocumentFragment;
}

/** Losses, zero weights, mean |weight|, connected inputs and active neurons of the three runs. */
export function regularizationTable(study: RegularizationStudy): HTMLElement {
  const names = regularizationNames(study.rate);
  const runs = study.runs;
  const cell = (k: RegularizationKind, key: string | null, text: string) =>
    key ? html`<td class="num" data-key=${`${k}-${key}`}>${text}</td>` : html`<td>${text}</td>`;
  const row = (label: string, key: string | null, text: (k: RegularizationKind) => string) =>
    html`<tr><th scope="row">${label}</th>${REGULARIZATION_KINDS.map((k) => cell(k, key, text(k)))}</tr>`;
  const head = [
    html`<th scope="col"><span class="visually-hidden">measure</span></th>`,
    ...heads(REGULARIZATION_KINDS.map((k) => names[k]))
  ];
  const rows = [
    row("training loss", "train", (k) => loss(runs[k].trainLoss)),
    row("test loss", "test", (k) => loss(runs[k].testLoss)),
    row("weights exactly 0", "zero", (k) => percent(runs[k].final.stats.zeroFraction)),
    row("mean |weight|", "mean", (k) => runs[k].final.stats.meanAbs.toFixed(3)),
    row("inputs still connected", null, (k) => connectedInputs(runs[k]).join(", ")),
    row("neurons still taking part, per layer", null, (k) => runs[k].activeNeurons.join(", "))
  ];
  const caption =
    `After ${count(runs.none.settings.epochs, "epoch")}; ` +
    `weights only (${runs.none.final.stats.count} of them), biases excluded`;
  return tableFigure("reg-caption", caption, "reg-table", head, rows);
}

/** The three trained networks, one card each. */
export function regularizationNetworks(study: RegularizationStudy, {resize}: {resize: Resize}): HTMLElement {
  const names = regularizationNames(study.rate);
  const card = (k: RegularizationKind) => {
    const net = networkData(study.runs[k].settings, study.runs[k].final);
    const draw = (width: number) => networkDiagram(net, {width: Math.min(width, 720) - 60, title: names[k]});
    return html`<div class="card">${resize(draw)}</div>`;
  };
  return html`<div class="reg-networks">${REGULARIZATION_KINDS.map(card)}</div>` as HTMLElement;
}

/** Histograms of the three runs' weights (biases left out). */
export function regularizationHistograms(
  study: RegularizationStudy,
  {width}: {width: number}
): SVGSVGElement | HTMLElement {
  const names = regularizationNames(study.rate);
  const sets = REGULARIZATION_KINDS.map((k) => {
    const r = study.runs[k];
    return {name: names[k], weights: connectionWeights(r.settings, r.final.params)};
  });
  return weightHistograms(sets, {width});
}

/** Each run's decision boundary above its loss curves. */
export function regularizationMaps(study: RegularizationStudy, {resize}: {resize: Resize}): HTMLElement {
  const names = regularizationNames(study.rate);
  return html`<div class="cols-3">${REGULARIZATION_KINDS.map((k) => {
    const r = study.runs[k];
    const map = {output: r.final.output, grid: r.final.grid, ...study.points};
    return html`<div class="card">
  ${resize((width) => outputMap(map, {width, title: names[k], legend: k === "none"}))}
  ${resize((width) => lossCurves(r.curve, {width, height: 160, log: true}))}
</div>`;
  })}</div>` as HTMLElement;
}

export function regularizationDownloads(study: RegularizationStudy): HTMLElement {
  const rows = () =>
    Object.entries(study.runs).map(([kind, r]) => ({
      kind,
      trainLoss: r.trainLoss,
      testLoss: r.testLoss,
      zeroWeightFraction: r.final.stats.zeroFraction,
      meanAbsWeight: r.final.stats.meanAbs
    }));
  return dataDownloads([
    {label: "the three runs (CSV)", filename: "bonus-b-regularization.csv", make: () => csvBlob(rows())},
    {
      label: "everything behind this page (JSON)",
      filename: "bonus-b-regularization.json",
      make: () => jsonBlob(study)
    }
  ]);
}

// ---- (c) memorising noise ----

/** Every seed: losses, wrong test points, confidence, whether it meets the criterion, and a rerun link. */
export function memorizationTable(study: MemorizationStudy): HTMLElement {
  const {runs, target} = study;
  const head = heads([
    "seed",
    "training loss",
    "test loss",
    "test points on the wrong side",
    "mean |output| on test points",
    `meets train ≤ ${target.trainLoss} and test > ${target.testLoss}`,
    "rerun"
  ]);
  const rows = runs.map((r) => {
    const seed = r.settings.seed;
    return html`<tr data-seed=${seed}>
    <th scope="row">${seed}</th>
    <td class="num">${loss(r.trainLoss)}</td><td class="num">${loss(r.testLoss)}</td>
    <td>${percent(r.testError)}</td><td>${r.testConfidence.toFixed(3)}</td><td>${r.meets ? "yes" : "no"}</td>
    <td>${runLink(r, "open", `open seed ${seed} in the playground`)}</td></tr>`;
  });
  const caption = `Every seed, after ${count(runs[0].settings.epochs, "epoch")}`;
  return tableFigure("memo-caption", caption, "memo-table", head, rows);
}

/** The first seed's output with and without its test points, and its loss curves against answering 0. */
export function memorizationFigures(study: MemorizationStudy, {resize}: {resize: Resize}): HTMLElement {
  const r = study.runs[0];
  const seed = r.settings.seed;
  const map = {output: r.final.output, grid: r.final.grid, train: r.points.train, test: r.points.test};
  const both = `Seed ${seed}: output with training and test points`;
  const trainOnly = `Seed ${seed}: the same, training points only`;
  const trainMap = {...map, test: []};
  const curveTitle = "Loss per epoch";
  const reference = ANSWER_ZERO;
  return html`<div class="cols-2">
  <div class="card">${resize((width) => outputMap(map, {width, title: both}))}</div>
  <div class="card">${resize((width) => outputMap(trainMap, {width, title: trainOnly, legend: false}))}
  ${resize((width) => lossCurves(r.curve, {width, height: 170, title: curveTitle, reference}))}</div>
</div>` as HTMLElement;
}

/** Every seed's output with its training points, small. */
export function memorizationThumbs(study: MemorizationStudy): HTMLElement {
  return html`<div class="thumbs">${study.runs.map((r) => {
    const map = {output: r.final.output, grid: r.final.grid, train: r.points.train, test: []};
    const caption = `seed ${r.settings.seed}: train ${loss(r.trainLoss)}, test ${loss(r.testLoss)}`;
    return html`<figure class="thumb">${outputMap(map, {width: 150, small: true})}
  <figcaption>${caption}</figcaption></figure>`;
  })}</div>` as HTMLElement;
}

export function memorizationDownloads(study: MemorizationStudy): HTMLElement {
  const rows = () =>
    study.runs.map((r) => ({
      seed: r.settings.seed,
      trainLoss: r.trainLoss,
      testLoss: r.testLoss,
      trainError: r.trainError,
      testError: r.testError,
      meets: r.meets
    }));
  return dataDownloads([
    {label: "losses by seed (CSV)", filename: "bonus-c-memorization.csv", make: () => csvBlob(rows())},
    {
      label: "everything behind this page (JSON)",
      filename: "bonus-c-memorization.json",
      make: () => jsonBlob(study)
    }
  ]);
}
