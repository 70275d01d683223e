/**
 * What a run in the page is doing: one progress bar per model with its epoch,
 * the time left, pause/resume and stop, and any message (a diverged loss, a
 * failed worker). A function of the training state; its buttons act on the handle.
 */
import {html} from "htl";
import type {RetrainJob} from "../core/retrain.js";
import type {TrainingState} from "./trainer.js";

const PHASE_TEXT: Record<string, string> = {
  starting: "starting",
  training: "training",
  done: "done",
  diverged: "stopped: the loss diverged",
  stopped: "stopped",
  failed: "failed"
};

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.round(ms / 100) / 10)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** `names`: a label per model, or a function that labels each job. */
export function progressPanel(state: TrainingState, names: Record<string, string> | ((job: RetrainJob) => string), onPause?: (paused: boolean) => void): HTMLElement {
  const nameOf = (job: RetrainJob) => (typeof names === "function" ? names(job) : (names[job.model] ?? job.model));
  const {handle} = state;
  const pause = html`<button type="button">${state.paused ? "Resume" : "Pause"}</button>` as HTMLButtonElement;
  pause.onclick = () => {
    if (state.paused) handle.resume();
    else handle.pause();
    onPause?.(!state.paused);
  };
  const stop = html`<button type="button">Stop</button>` as HTMLButtonElement;
  stop.onclick = () => handle.stop();
  const elapsed = Math.max(0, ...state.jobs.map((j) => j.elapsedMs));
  const status = state.running
    ? `${state.paused ? "Paused" : "Training in this page"}${state.remainingMs !== undefined ? `, about ${seconds(state.remainingMs)} left` : ""}`
    : `Trained in this page in ${seconds(elapsed)}`;
  // Not a live region: it is redrawn ten times a second while training. Failures are
  // announced by their own role="alert" message; the status line is read on demand.
  return html`<div class="progress-panel">
    <div class="progress-status"><strong>${status}</strong>${state.running ? html` ${pause} ${stop}` : ""}</div>
    ${state.jobs.map(
      (j) => html`<div class="progress-row" data-model=${j.job.model} data-phase=${j.phase} data-mse=${j.phase === "done" ? j.view?.mse : undefined} data-tensors=${j.tensors}>
        <label><span class="progress-name">${nameOf(j.job)}</span>
        <progress max=${j.job.epochs} value=${j.epoch}></progress>
        <span class="progress-text">epoch ${j.epoch.toLocaleString("en-US")} / ${j.job.epochs.toLocaleString("en-US")} · ${PHASE_TEXT[j.phase]}${
          j.phase === "done" && j.view ? ` · MSE ${j.view.mse}` : ""
        }${j.tensors !== undefined ? ` · tfjs tensors left: ${j.tensors}` : ""}</span></label>
        ${j.message ? html`<p class="progress-message" role="alert">${j.message}</p>` : ""}
      </div>`
    )}
  </div>` as HTMLElement;
}
