/**
 * What a run in the page is doing: one progress bar per model with its epoch,
 * the time left, pause/resume and stop, and any message (a diverged loss, a
 * failed worker). A function of the training state; its buttons act on the
 * handle. The panel of one run is one element, updated in place: it is redrawn
 * ten times a second, and buttons replaced that often would swallow clicks
 * (a press that starts on one button and ends on its successor is no click).
 */
import {html} from "htl";
import type {RetrainJob} from "../../core/settings/retrain.js";
import {statusLine} from "../../core/live/run-progress.js";
import type {TrainHandle, TrainingState} from "./trainer.js";

const PHASE_TEXT: Record<string, string> = {
  starting: "starting",
  training: "training",
  done: "done",
  diverged: "stopped: the loss diverged",
  stopped: "stopped",
  failed: "failed"
};

interface Panel {
  readonly root: HTMLElement;
  readonly status: HTMLElement;
  readonly buttons: HTMLElement;
  readonly pause: HTMLButtonElement;
  readonly stop: HTMLButtonElement;
  readonly rows: HTMLElement;
  readonly extra: HTMLElement;
  state: TrainingState;
  onPause?: (paused: boolean) => void;
}

const panels = new WeakMap<TrainHandle, Panel>();

function panelFor(state: TrainingState): Panel {
  const existing = panels.get(state.handle);
  if (existing) return existing;
  const pause = html`<button type="button">Pause</button>` as HTMLButtonElement;
  const stop = html`<button type="button">Stop</button>` as HTMLButtonElement;
  const status = html`<strong></strong>` as HTMLElement;
  const buttons = html`<span class="progress-buttons"> ${pause} ${stop}</span>` as HTMLElement;
  const rows = html`<div class="progress-rows"></div>` as HTMLElement;
  const extra = html`<div></div>` as HTMLElement;
  // Not a live region: it is redrawn ten times a second while training. Failures are
  // announced by their own role="alert" message; the status line is read on demand.
  const root =
    html`<div class="progress-panel"><div class="progress-status">${status}${buttons}</div>${rows}${extra}</div>` as HTMLElement;
  const panel: Panel = {root, status, buttons, pause, stop, rows, extra, state};
  pause.onclick = () => {
    const {state: s, onPause} = panel;
    if (s.paused) s.handle.resume();
    else s.handle.pause();
    onPause?.(!s.paused);
  };
  stop.onclick = () => panel.state.handle.stop();
  panels.set(state.handle, panel);
  return panel;
}

/** `names`: a label per model, or a function that labels each job. */
export function progressPanel(
  state: TrainingState,
  names: Record<string, string> | ((job: RetrainJob) => string),
  onPause?: (paused: boolean) => void
): HTMLElement {
  const nameOf = (job: RetrainJob) =>
    typeof names === "function" ? names(job) : (names[job.model] ?? job.model);
  const panel = panelFor(state);
  panel.state = state;
  panel.onPause = onPause;
  panel.status.textContent = statusLine(
    state.jobs.map((j) => ({
      name: nameOf(j.job),
      phase: j.phase,
      epoch: j.epoch,
      epochs: j.job.epochs,
      elapsedMs: j.elapsedMs
    })),
    state
  );
  panel.pause.textContent = state.paused ? "Resume" : "Pause";
  panel.buttons.hidden = !state.running;
  panel.rows.replaceChildren(
    ...state.jobs.map(
      (
        j
      ) => html`<div class="progress-row" data-model=${j.job.model} data-phase=${j.phase} data-mse=${j.phase === "done" ? j.view?.mse : undefined} data-tensors=${j.tensors}>
        <label><span class="progress-name">${nameOf(j.job)}</span>
        <progress max=${j.job.epochs} value=${j.epoch}></progress>
        <span class="progress-text">epoch ${j.epoch.toLocaleString("en-US")} / ${j.job.epochs.toLocaleString("en-US")} · ${PHASE_TEXT[j.phase]}${
          j.phase === "done" && j.view ? ` · MSE ${j.view.mse}` : ""
        }</span></label>
        ${j.message ? html`<p class="progress-message" role="alert">${j.message}</p>` : ""}
      </div>`
    )
  );
  // Engine internals are for the curious only: kept out of the status text.
  const tensors = state.jobs.filter((j) => j.tensors !== undefined);
  panel.extra.replaceChildren(
    tensors.length && !state.running
      ? html`<details class="engine-details"><summary>Engine details</summary>TensorFlow.js tensors still allocated in each worker when its run ended (0 means nothing leaked): ${tensors
          .map((j) => `${nameOf(j.job)} ${j.tensors}`)
          .join(", ")}.</details>`
      : ""
  );
  return panel.root;
}
