/**
 * What a run in the page is doing: one progress bar per model with its epoch,
 * the time left, pause/resume and stop, and any message (a diverged loss, a
 * failed worker). A function of the training state; its buttons act on the
 * handle. The panel of one run is one element, updated in place: it is redrawn
 * ten times a second, and buttons replaced that often would swallow clicks
 * (a press that starts on one button and ends on its successor is no click).
 */
import {html} from "htl";
import type {JobKind, JobSpec} from "../../core/live/jobs.js";
import {statusLine} from "../../core/live/run-progress.js";
import type {JobProgress, TrainHandle, TrainingState} from "./trainer.js";

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
  state: TrainingState<JobKind>;
  onPause?: (paused: boolean) => void;
}

const panels = new WeakMap<TrainHandle<JobKind>, Panel>();

/** A job's name: a function of the job, or a label per model (autoencoder jobs). */
export type JobNames<K extends JobKind = "autoencoder"> =
  Record<string, string> | ((job: JobSpec<K>) => string);

/** The model a job trains, for kinds that name one (the autoencoders). */
const modelOf = (job: object): string | undefined => (job as {model?: string}).model;
/** The epoch a job ends at, as far as known (undefined: it runs until stopped). */
function endOf(j: JobProgress<JobKind>): number | undefined {
  if (Number.isFinite(j.epochs)) return j.epochs;
  const planned = (j.job as {epochs?: number}).epochs;
  return planned !== undefined && planned > 0 ? planned : undefined;
}
/** The full-data MSE of a finished autoencoder job's last view. */
const mseOf = (j: JobProgress<JobKind>) => (j.view as {mse?: number} | undefined)?.mse;

function panelFor(state: TrainingState<JobKind>): Panel {
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

/** `names`: a label per model, or a function that labels each job. Any job kind. */
export function progressPanel<K extends JobKind = "autoencoder">(
  state: TrainingState<K>,
  names: JobNames<K>,
  onPause?: (paused: boolean) => void
): HTMLElement {
  const nameOf = (job: JobSpec<K>) =>
    typeof names === "function" ? names(job) : (names[modelOf(job) ?? ""] ?? modelOf(job) ?? "run");
  const general = state as unknown as TrainingState<JobKind>;
  const panel = panelFor(general);
  panel.state = general;
  panel.onPause = onPause;
  const jobs = general.jobs;
  panel.status.textContent = statusLine(
    jobs.map((j) => ({
      name: nameOf(j.job as JobSpec<K>),
      phase: j.phase,
      epoch: j.epoch,
      epochs: endOf(j) ?? Infinity,
      elapsedMs: j.elapsedMs
    })),
    state
  );
  panel.pause.textContent = state.paused ? "Resume" : "Pause";
  panel.buttons.hidden = !state.running;
  panel.rows.replaceChildren(
    ...jobs.map((j) => {
      const name = nameOf(j.job as JobSpec<K>);
      const end = endOf(j);
      const mse = j.phase === "done" ? mseOf(j) : undefined;
      const of = end === undefined ? "" : ` / ${end.toLocaleString("en-US")}`;
      return html`<div class="progress-row" data-model=${modelOf(j.job)} data-phase=${j.phase} data-mse=${mse} data-tensors=${j.tensors}>
        <label><span class="progress-name">${name}</span>
        <progress max=${end ?? 1} value=${end === undefined ? undefined : j.epoch}></progress>
        <span class="progress-text">epoch ${j.epoch.toLocaleString("en-US")}${of} · ${PHASE_TEXT[j.phase]}${
          mse !== undefined ? ` · MSE ${mse}` : ""
        }</span></label>
        ${j.message ? html`<p class="progress-message" role="alert">${j.message}</p>` : ""}
      </div>`;
    })
  );
  // Engine internals are for the curious only: kept out of the status text.
  const tensors = jobs.filter((j) => j.tensors !== undefined);
  panel.extra.replaceChildren(
    tensors.length && !state.running
      ? html`<details class="engine-details"><summary>Engine details</summary>TensorFlow.js tensors still allocated in each worker when its run ended (0 means nothing leaked): ${tensors
          .map((j) => `${nameOf(j.job as JobSpec<K>)} ${j.tensors}`)
          .join(", ")}.</details>`
      : ""
  );
  return panel.root;
}
