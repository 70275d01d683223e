/**
 * The one live-training section of every page that retrains in the browser:
 * the settings form (values from the link, refused values reported), the one
 * definition of "published" (core/settings/published.ts), the reader's run as a
 * reactive value, and what stands above the figures (a note for the published
 * result, the progress panel while a run trains, a note while the training code
 * loads). A page writes:
 *
 *   const section = liveSection({fields, published: {seed: SEEDS}, jobs, channel, watch, view, names});
 *   const settings = view(section.form);            // in the settings' own element
 *   const live = section.live(settings);             // null for the published result
 *   display(section.panel(settings, live, notes));
 *
 * It serves every job kind of core/live/jobs.ts (`kind`, the autoencoders by
 * default). The playground (components/playground/playground.ts), which plays,
 * pauses and steps one run in a widget of its own, drives the same run through
 * `liveRun` and decides "published" with the same core/settings/published.ts.
 * The section also starts the training workers ahead of time once its settings
 * come near the screen (`prewarmNear`), so a retrain begins at once.
 */
import {html} from "htl";
import type {EngineKind} from "../../core/engine/engine.js";
import type {JobKind, JobSpec, JobViewOptions} from "../../core/live/jobs.js";
import type {Field, Values} from "../../core/settings/fields.js";
import {isPublished, isPublishedValues} from "../../core/settings/published.js";
import type {PublishedChoices} from "../../core/settings/published.js";
import {revealIfLinked, settingsForm, settingsFromUrl} from "../controls/controls.js";
import type {Settings, SettingsForm} from "../controls/controls.js";
import {prewarmNear, startLive} from "./live-training.js";
import {observe} from "./observe.js";
import type {Observed} from "./observe.js";
import {progressPanel} from "./progress-panel.js";
import type {JobNames} from "./progress-panel.js";
import type {TrainingState} from "./trainer.js";

/** How often a section's run reports to the page while it trains (ms): each report re-runs the page's cells. */
export const SECTION_REPORT_MS = 250;

export interface LiveSectionOptions<K extends JobKind = "autoencoder"> {
  /** The job kind (default: the autoencoders of exercise 1). */
  readonly kind?: K;
  readonly fields: readonly Field[];
  /** Fields that choose among published runs, with the values that were published. */
  readonly published: PublishedChoices;
  /** The jobs a reader's settings train (may load published weights first). */
  readonly jobs: (values: Values) => readonly JobSpec<K>[] | Promise<readonly JobSpec<K>[]>;
  readonly channel: string;
  /** Ids of the elements whose visibility keeps the run going. */
  readonly watch: readonly string[];
  readonly view: JobViewOptions<K>;
  /** How often the figures' view is recomputed (ms). */
  readonly viewMs?: number;
  /** How often progress reaches the page (ms, default `SECTION_REPORT_MS`). */
  readonly reportMs?: number;
  /** The progress panel's name for each job: by model, or a function of the job. */
  readonly names: JobNames<K>;
  /** Scroll to the settings when the link names some (pages whose run is far down). */
  readonly revealLinked?: boolean;
  /** Training workers to start ahead of a run (default: one per named model, else one). */
  readonly prewarm?: number;
}

export interface LiveNotes {
  /** What follows "Showing the published result" in its note (default: ": trained at build time, seed N"). */
  readonly published?: string | Node;
  /** The note while the training code loads (default: "Loading the training code…"). */
  readonly loading?: string;
  /** Extra class of the progress panel's wrapper (long job names need "wide-names"). */
  readonly panelClass?: string;
}

export interface LiveSection<K extends JobKind = "autoencoder"> {
  /** The settings form; a page shows it with `view(section.form)`. */
  readonly form: SettingsForm;
  isPublished(settings: Settings): boolean;
  /** The reader's run for these settings, as a reactive value; null for the published result. */
  live(settings: Settings): Observed<TrainingState<K>> | null;
  panel(settings: Settings, live: TrainingState<K> | null | undefined, notes?: LiveNotes): HTMLElement;
}

export function liveSection<K extends JobKind = "autoencoder">(
  options: LiveSectionOptions<K>
): LiveSection<K> {
  const {fields, published} = options;
  const readerPause = {paused: false};
  const fromUrl = settingsFromUrl(fields);
  const form = settingsForm(fields, fromUrl.values, fromUrl.ignored, {
    trains: (v) => !isPublishedValues(fields, v, published)
  });
  if (options.revealLinked) revealIfLinked(form, fields, fromUrl.values);
  const names = options.names;
  prewarmNear(form, options.prewarm ?? (typeof names === "function" ? 1 : Object.keys(names).length));
  const engineOf = (values: Values) =>
    fields.some((f) => f.key === "engine") ? (values.engine as EngineKind) : undefined;
  return {
    form,
    isPublished: (settings) => isPublished(fields, settings, published),
    live(settings) {
      if (isPublished(fields, settings, published)) return null;
      return observe<TrainingState<K>>((notify) =>
        startLive<K>(async () => options.jobs(settings.values), notify, {
          kind: options.kind,
          channel: options.channel,
          view: options.view,
          viewMs: options.viewMs,
          reportMs: options.reportMs ?? SECTION_REPORT_MS,
          engine: engineOf(settings.values),
          watch: options.watch,
          readerPause
        })
      );
    },
    panel(settings, live, notes = {}) {
      if (isPublished(fields, settings, published)) {
        const what = notes.published ?? `: trained at build time, seed ${settings.values.seed}`;
        return html`<p class="source-note">Showing the <strong>published result</strong>${what}.</p>` as HTMLElement;
      }
      if (!live)
        return html`<p class="source-note">${notes.loading ?? "Loading the training code…"}</p>` as HTMLElement;
      const panel = progressPanel<K>(live, names, (paused) => (readerPause.paused = paused));
      return notes.panelClass ? (html`<div class=${notes.panelClass}>${panel}</div>` as HTMLElement) : panel;
    }
  };
}
