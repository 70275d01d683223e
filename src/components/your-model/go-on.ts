/**
 * "Go on with it": two buttons that start a run on the reader's weights in the
 * page's worker (more training, or the experiment of (g) on their decoder),
 * and the run's progress, its MSE against the model as it was, its decoder
 * curve over the dropped model's and its weights to download. A new click
 * replaces the run; the page's `invalidation` (another model, another
 * activation) stops it.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import type {GoOnKind, GoOnPlan} from "../../core/model-file/go-on.js";
import {goOnPlan} from "../../core/model-file/go-on.js";
import type {YourModel} from "../../core/model-file/your-model.js";
import {decoderFigure} from "../figures/decoder.js";
import {startLive} from "../training/live-training.js";
import {progressPanel} from "../training/progress-panel.js";
import {weightsDownloads} from "../training/reader-run.js";
import {LIVE_VIEW} from "../training/ex1-state.js";
import type {TrainingState} from "../training/trainer.js";
import {keyedNumber} from "./figures.js";

/** Framework's `resize`: a figure redrawn at its container's width. */
type Resize = (render: (width: number) => Node) => Node;

export interface GoOnOptions {
  readonly resize: Resize;
  /** Resolves when the page drops this section (the run is stopped then). */
  readonly invalidation: Promise<unknown>;
}

const ID = "your-model-go-on";

type ButtonsFn = (
  content: [string, () => GoOnKind][],
  options: {value: null; label: string; disabled: boolean}
) => HTMLElement & {value: GoOnKind | null};

function resultNote(plan: GoOnPlan, epoch: number, mse: number): HTMLElement {
  const best = plan.bestEncoderMse;
  return html`<p class="run-note">After epoch ${epoch}: full-data MSE ${keyedNumber("go-on-mse", mse, mse.toPrecision(4))}, against ${plan.beforeMse.toPrecision(4)} for your model as it was${
    best !== null
      ? html`; the best encoder for your decoder reaches <strong>${best.toPrecision(4)}</strong>`
      : ""
  }.</p>` as HTMLElement;
}

function render(
  m: YourModel,
  plan: GoOnPlan,
  state: TrainingState,
  pause: {paused: boolean},
  resize: Resize
) {
  const result = state.jobs[0];
  const nodes: Node[] = [
    progressPanel(
      state,
      () => plan.runName,
      (paused) => (pause.paused = paused)
    )
  ];
  const view = result?.view;
  if (view) {
    nodes.push(resultNote(plan, result.epoch, view.mse));
    const curves = [{...m.grade.view.curve, muted: true}, view.curve];
    const title = `${plan.title}: epoch ${result.epoch}`;
    const note = "grey: your model as dropped";
    const figure = resize((width) => decoderFigure(m.sheetPoints, curves, {width, title, note}));
    nodes.push(html`<div class="card">${figure}</div>` as HTMLElement);
  }
  if (result?.params) {
    nodes.push(
      weightsDownloads([{name: "the result", spec: m.spec, params: result.params, filename: plan.filename}])
    );
  }
  return nodes;
}

/** The buttons and the run's section (`#your-model-go-on`), for the model `m` with the sheet's activations. */
export function goOnSection(m: YourModel, options: GoOnOptions): HTMLElement {
  const buttons = (Inputs.button as unknown as ButtonsFn)(
    [
      ["Continue training", () => "continue"],
      ["Run (g) on your decoder", () => "g"]
    ],
    {value: null, label: "go on", disabled: !m.sheetActivations}
  );
  const idle = () => html`<p class="source-note">Choose a run above; it starts from the model shown.</p>`;
  const out = html`<div id=${ID}>${idle()}</div>` as HTMLElement;
  let dispose = () => {};
  buttons.addEventListener("input", () => {
    const kind = buttons.value;
    if (!kind || !m.sheetActivations) return;
    dispose();
    out.replaceChildren(idle());
    const data = Float64Array.from(m.sheetPoints.flat());
    const plan = goOnPlan(kind, m.arch, m.sheet, m.params, data);
    const readerPause = {paused: false};
    dispose = startLive(
      [plan.job],
      (state) => out.replaceChildren(...render(m, plan, state, readerPause, options.resize)),
      {channel: "your-model", view: {...LIVE_VIEW, params: true}, watch: [ID], readerPause}
    );
  });
  void options.invalidation.then(() => dispose());
  return html`<div class="go-on">${buttons}${out}</div>` as HTMLElement;
}
