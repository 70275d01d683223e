/**
 * What a run in the page is doing: one progress bar per model with its epoch,
 * the time left, pause/resume and stop, and any message (a diverged loss, a
 * failed worker). A function of the training state; its buttons act on the handle.
 */
import {html} from "htl";
import type {RetrainJob} from "../core/retrain.js";
import {statusLine} from "../core/run-progress.js";
import type {TrainingState} from "./trainer.js";

const PHASE_TEXT: Record<string, string> = {
  starting: "starting",
  training: "training",
  done: "done",
  diverged: "stopped: the loss diverged",
  stopped: "stopped",
  failed: "failed"
};

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
  const status = statusLine(
    state.jobs.map((j) => ({name: nameOf(j.job), phase: j.phase, epoch: j.epoch, epochs: j.job.epochs, elapsedMs: j.elapsedMs})),
    state
  );
  // Engine internals are for the curious only: kept out of the status text.
  const tensors = state.jobs.filter((j) => j.tensors !== undefined);
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
        }</span></label>
        ${j.message ? html`<p class="progress-message" role="alert">${j.message}</p>` : ""}
      </div>`
    )}
    ${
      tensors.length && !state.running
        ? html`<details class="engine-details"><summary>Engine details</summary>TensorFlow.js tensors still allocated in each worker when its run ended (0 means nothing leaked): ${tensors
            .map((j) => `${nameOf(j.job)} ${j.tensors}`)
            .join(", ")}.</details>`
        : ""
    }
  </div>` as HTMLElement;
}
