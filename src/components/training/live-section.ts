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
 */
import {html} from "htl";
import type {EngineKind} from "../../core/engine/engine.js";
import type {ViewOptions} from "../../core/live/sliced-job.js";
import type {Field, Values} from "../../core/settings/fields.js";
import {isPublished, isPublishedValues} from "../../core/settings/published.js";
import type {PublishedChoices} from "../../core/settings/published.js";
import type {RetrainJob} from "../../core/settings/retrain.js";
import {revealIfLinked, settingsForm, settingsFromUrl} from "../controls/controls.js";
import type {Settings, SettingsForm} from "../controls/controls.js";
import {startLive} from "./live-training.js";
import {observe} from "./observe.js";
import type {Observed} from "./observe.js";
import {progressPanel} from "./progress-panel.js";
import type {TrainingState} from "./trainer.js";

export interface LiveSectionOptions {
  readonly fields: readonly Field[];
  /** Fields that choose among published runs, with the values that were published. */
  readonly published: PublishedChoices;
  /** The jobs a reader's settings train (may load published weights first). */
  readonly jobs: (values: Values) => readonly RetrainJob[] | Promise<readonly RetrainJob[]>;
  readonly channel: string;
  /** Ids of the elements whose visibility keeps the run going. */
  readonly watch: readonly string[];
  readonly view: ViewOptions;
  /** How often the figures' view is recomputed (ms). */
  readonly viewMs?: number;
  /** The progress panel's name for each job: by model, or a function of the job. */
  readonly names: Record<string, string> | ((job: RetrainJob) => string);
  /** Scroll to the settings when the link names some (pages whose run is far down). */
  readonly revealLinked?: boolean;
}

export interface LiveNotes {
  /** What follows "Showing the published result" in its note (default: ": trained at build time, seed N"). */
  readonly published?: string | Node;
  /** The note while the training code loads (default: "Loading the training code…"). */
  readonly loading?: string;
  /** Extra class of the progress panel's wrapper (long job names need "wide-names"). */
  readonly panelClass?: string;
}

export interface LiveSection {
  /** The settings form; a page shows it with `view(section.form)`. */
  readonly form: SettingsForm;
  isPublished(settings: Settings): boolean;
  /** The reader's run for these settings, as a reactive value; null for the published result. */
  live(settings: Settings): Observed<TrainingState> | null;
  panel(settings: Settings, live: TrainingState | null | undefined, notes?: LiveNotes): HTMLElement;
}

export function liveSection(options: LiveSectionOptions): LiveSection {
  const {fields, published} = options;
  const readerPause = {paused: false};
  const fromUrl = settingsFromUrl(fields);
  const form = settingsForm(fields, fromUrl.values, fromUrl.ignored, {
    trains: (v) => !isPublishedValues(fields, v, published)
  });
  if (options.revealLinked) revealIfLinked(form, fields, fromUrl.values);
  const engineOf = (values: Values) =>
    fields.some((f) => f.key === "engine") ? (values.engine as EngineKind) : undefined;
  return {
    form,
    isPublished: (settings) => isPublished(fields, settings, published),
    live(settings) {
      if (isPublished(fields, settings, published)) return null;
      return observe<TrainingState>((notify) =>
        startLive(async () => options.jobs(settings.values), notify, {
          channel: options.channel,
          view: options.view,
          viewMs: options.viewMs,
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
      const panel = progressPanel(live, options.names, (paused) => (readerPause.paused = paused));
      return notes.panelClass ? (html`<div class=${notes.panelClass}>${panel}</div>` as HTMLElement) : panel;
    }
  };
}
