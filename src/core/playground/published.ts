/**
 * The playground runs the bonus pages publish, as the playground's settings: each
 * run's values (parsed from its link), the page and name it is published under,
 * and the losses the build reached at its last epoch. With `publishedRunOf`
 * (core/settings/published.ts) the playground says when a reader's settings are
 * one of them, and whether the run in the page ended at the published losses.
 */
import type {Values} from "../settings/fields.js";
import {parseParams} from "../settings/fields.js";
import {PLAYGROUND_FIELDS} from "./settings.js";
import type {MemorizationStudy, RegularizationStudy, SpiralStudy} from "./studies.js";

export interface PublishedPlaygroundRun {
  readonly values: Values;
  /** The page that publishes it ("bonus-a") and its name there. */
  readonly page: string;
  readonly name: string;
  readonly epochs: number;
  readonly trainLoss: number;
  readonly testLoss: number;
}

export interface PlaygroundStudies {
  readonly spiral?: Pick<SpiralStudy, "candidates">;
  readonly regularization?: Pick<RegularizationStudy, "runs">;
  readonly memorization?: Pick<MemorizationStudy, "runs">;
}

const REGULARIZATION_NAMES: Record<string, string> = {none: "no regularisation", l1: "L1", l2: "L2"};

function published(query: string, page: string, name: string, losses: {trainLoss: number; testLoss: number}) {
  const {values} = parseParams(PLAYGROUND_FIELDS, new URLSearchParams(query));
  return {
    values,
    page,
    name,
    epochs: Number(values.epochs),
    trainLoss: losses.trainLoss,
    testLoss: losses.testLoss
  };
}

/** Every run the studies publish (each has a link on its page). */
export function publishedPlaygroundRuns(studies: PlaygroundStudies): PublishedPlaygroundRun[] {
  return [
    ...(studies.spiral?.candidates ?? []).flatMap((c) =>
      c.seeds.map((s) => published(s.query, "bonus-a", `${c.name}, seed ${s.seed}`, s))
    ),
    ...Object.entries(studies.regularization?.runs ?? {}).map(([kind, r]) =>
      published(r.query, "bonus-b", REGULARIZATION_NAMES[kind] ?? kind, r)
    ),
    ...(studies.memorization?.runs ?? []).map((r) =>
      published(r.query, "bonus-c", `seed ${r.settings.seed}`, r)
    )
  ];
}
