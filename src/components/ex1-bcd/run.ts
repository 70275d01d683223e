/**
 * The run pages (b) and (c)/(d) show: the live section with the retraining
 * settings of exercise 1, the published models drawn beside a reader's run, and
 * the reader's models while they train. Shared by both pages, which retrain the
 * same three models with the same settings.
 */
import type {AutoencoderSnapshot} from "../../core/autoencoder/snapshot.js";
import {SEEDS} from "../../core/autoencoder/setup.js";
import type {RunWords} from "../../core/exercises/b/facts.js";
import {publishedSeedFor} from "../../core/exercises/b/facts.js";
import {settingsSlug, settingsText} from "../../core/live/run-label.js";
import type {Values} from "../../core/settings/fields.js";
import {RETRAIN_FIELDS, retrainJobs} from "../../core/settings/retrain.js";
import type {Settings} from "../controls/controls.js";
import type {ShownModel} from "../training/ex1-state.js";
import {LIVE_VIEW, MODEL_TITLES, liveModels, publishedModels} from "../training/ex1-state.js";
import type {LiveSection} from "../training/live-section.js";
import {liveSection} from "../training/live-section.js";
import type {TrainingState} from "../training/trainer.js";

/**
 * The live section of an exercise 1 page that retrains the three models; `watch` keeps the run going while
 * visible.
 */
export function ex1Section(channel: string, watch: readonly string[]): LiveSection {
  return liveSection({
    fields: RETRAIN_FIELDS,
    published: {seed: SEEDS},
    jobs: retrainJobs,
    names: MODEL_TITLES,
    channel,
    view: LIVE_VIEW,
    watch
  });
}

/** Which run the page shows and the published models drawn with (or instead of) it. */
export interface ShownRun extends RunWords {
  readonly values: Values;
  /** The reader's settings in a file name ("seed9_epochs40"). */
  readonly slug: string;
  /** The published models of `pubSeed`. */
  readonly pub: ShownModel[];
}

export function shownRun(snap: AutoencoderSnapshot, section: LiveSection, settings: Settings): ShownRun {
  const seed = settings.values.seed as number;
  const pubSeed = publishedSeedFor(snap.config.seeds, seed);
  return {
    published: section.isPublished(settings),
    seed,
    pubSeed,
    seeds: snap.config.seeds.length,
    text: settingsText(RETRAIN_FIELDS, settings.values, ["seed"]),
    values: settings.values,
    slug: settingsSlug(RETRAIN_FIELDS, settings.values, ["seed"]),
    pub: publishedModels(snap, pubSeed)
  };
}

/**
 * A reader's models: null for the published result, empty while the training code loads; `over` once it has
 * ended.
 */
export interface ReaderRun {
  readonly models: ShownModel[] | null;
  readonly over: boolean;
}

export function readerRun(run: ShownRun, live: TrainingState | null | undefined): ReaderRun {
  return {
    models: run.published ? null : live ? liveModels(live) : [],
    over: Boolean(live && !live.running)
  };
}
