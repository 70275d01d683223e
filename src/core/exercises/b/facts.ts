/**
 * What the prose of exercise 1 (b) quotes, computed from the published snapshot
 * and the seed statistics, each number already formatted as the sentence prints
 * it; and the sentences whose wording depends on whether the page shows the
 * published result or a reader's run. No DOM.
 */
import type {AutoencoderSnapshot, RunSnapshot} from "../../autoencoder/snapshot.js";
import type {ModelStats} from "../../autoencoder/seed-stats.js";
import {axisAngle} from "../../autoencoder/analysis.js";
import {median} from "../../stats.js";
import {spanCount} from "../../format/words.js";

/** The big model "is still improving" when its last 100 epochs average below this share of the 100 before. */
export const STILL_IMPROVING = 0.99;

/** What the discussion says of one ReLU model. */
export interface ReluFacts {
  /** Median |corr(code, x₁)| over the seeds, 2 decimals. */
  readonly corr: string;
  /** "17–25 linear pieces", "2–5 times", "2–5 reversals": the range over the seeds. */
  readonly pieces: string;
  readonly turns: string;
  readonly reversals: string;
  /** Trainable parameters, with a thousands separator. */
  readonly params: string;
  /** Median final MSE (4 decimals); worst over best seed (1 decimal); the best and worst seeds. */
  readonly median: string;
  readonly spread: string;
  readonly bestSeed: number;
  readonly worstSeed: number;
}

export interface BFacts {
  readonly n: number;
  readonly batchSize: number;
  readonly stepsPerEpoch: number;
  readonly epochs: number;
  readonly seeds: number;
  /** Steps of one run, "12,000". */
  readonly steps: string;
  /** What happens to the points a full batch cannot take: "the remaining 4 are dropped". */
  readonly leftOver: string;
  /** How far above the exact optimum the worst linear seed ends, in per cent (3 decimals). */
  readonly pcaGap: string;
  /** The exact PCA optimum (4 decimals). */
  readonly optimum: string;
  /** Angle of the first principal direction to the x₁ axis, degrees (1 decimal). */
  readonly pc1Angle: string;
  /** The smallest |corr(code, x₁)| of the linear model over the seeds (4 decimals). */
  readonly pcaCorr: string;
  readonly small: ReluFacts;
  readonly big: ReluFacts;
  /**
   * The small model's median error over the big model's, and the PCA optimum over the big model's (1
   * decimal).
   */
  readonly smallOverBig: string;
  readonly optimumOverBig: string;
  /** The end of the last sentence: whether the big model is still improving at the end of training. */
  readonly bigTrend: string;
}

const range = (runs: readonly RunSnapshot[], f: (r: RunSnapshot) => number): [number, number] => {
  const xs = runs.map(f);
  return [Math.min(...xs), Math.max(...xs)];
};
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Median over seeds of the mean epoch loss of the last 100 epochs over that of the 100 before. */
export function lastVsBefore(runs: readonly RunSnapshot[]): number {
  return median(runs.map((r) => mean(r.epochLoss.slice(-100)) / mean(r.epochLoss.slice(-200, -100))));
}

/** "the one point left over is dropped", "the remaining 4 are dropped", "none is left over". */
export function leftOverText(dropped: number): string {
  if (dropped === 0) return "none is left over";
  return dropped === 1 ? "the one point left over is dropped" : `the remaining ${dropped} are dropped`;
}

/** The end of the discussion's last sentence, from `lastVsBefore` of the big model. */
export function trendText(ratio: number): string {
  return ratio < STILL_IMPROVING
    ? `: the big model is still improving at the end (its mean loss over the last 100 epochs is ${(100 * (1 - ratio)).toFixed(0)} % below that of the 100 before, median over seeds), so longer training would lower it further`
    : `, and the big model's loss has levelled off by the end (the last 100 epochs are within ${(100 * Math.abs(1 - ratio)).toFixed(1)} % of the 100 before)`;
}

export function bFacts(snap: AutoencoderSnapshot, stats: readonly ModelStats[]): BFacts {
  const {config, pca} = snap;
  const stat = (model: string) => stats.find((s) => s.model === model)!;
  const runs = (model: "pca" | "small" | "big") => snap.models[model]!.runs;
  const relu = (model: "small" | "big"): ReluFacts => {
    const pieces = range(runs(model), (r) => r.analysis.finalShape.pieces);
    const turns = range(runs(model), (r) => r.analysis.finalShape.turnsX2);
    const s = stat(model);
    return {
      corr: median(runs(model).map((r) => Math.abs(r.analysis.corrX1))).toFixed(2),
      pieces: spanCount(...pieces, "linear piece"),
      turns: spanCount(...turns, "time"),
      reversals: spanCount(...turns, "reversal"),
      params: snap.models[model]!.params.toLocaleString("en-US"),
      median: s.median.toFixed(4),
      spread: (s.max / s.min).toFixed(1),
      bestSeed: s.bestSeed,
      worstSeed: s.worstSeed
    };
  };
  const [small, big] = [stat("small"), stat("big")];
  return {
    n: config.n,
    batchSize: config.batchSize,
    stepsPerEpoch: config.stepsPerEpoch,
    epochs: config.epochs,
    seeds: config.seeds.length,
    steps: (config.epochs * config.stepsPerEpoch).toLocaleString("en-US"),
    leftOver: leftOverText(config.n - config.stepsPerEpoch * config.batchSize),
    pcaGap: (100 * (stat("pca").max / pca.optimumMse - 1)).toFixed(3),
    optimum: pca.optimumMse.toFixed(4),
    pc1Angle: axisAngle(pca.components[0], [1, 0]).toFixed(1),
    pcaCorr: Math.min(...runs("pca").map((r) => Math.abs(r.analysis.corrX1))).toFixed(4),
    small: relu("small"),
    big: relu("big"),
    smallOverBig: (small.median / big.median).toFixed(1),
    optimumOverBig: (pca.optimumMse / big.median).toFixed(1),
    bigTrend: trendText(lastVsBefore(runs("big")))
  };
}

/** Which run the page shows, in the words its sentences use. */
export interface RunWords {
  readonly published: boolean;
  /**
   * The reader's seed, and the published seed drawn beside the reader's run (the same if it was published).
   */
  readonly seed: number;
  readonly pubSeed: number;
  /** Number of published seeds. */
  readonly seeds: number;
  /** The reader's settings that differ from the published ones ("seed 9, epochs 40"). */
  readonly text: string;
}

/** The published run beside a reader's: the same seed if it was published, else the first. */
export function publishedSeedFor(seeds: readonly number[], seed: number): number {
  return seeds.includes(seed) ? seed : seeds[0];
}

/** The sentences of (b) that depend on the run shown. */
export function bRunText(w: RunWords, stepStride: number) {
  const unpublished = w.seed === w.pubSeed ? "" : `, as seed ${w.seed} was not published`;
  return {
    note: `Your run: ${w.text}. It is drawn in orange over the published result (grey: seed ${w.pubSeed}${unpublished}; band: all ${w.seeds} published seeds).`,
    lossLegend: w.published
      ? `In the published result the faint grey line is the loss of every ${stepStride}th step of the chosen seed, the solid line its mean per epoch, the band the range of the per-epoch means over all ${w.seeds} seeds; the dashed line is the exact PCA optimum.`
      : `The orange line is your run's mean loss per epoch (${w.text}); underneath, the grey line is the published run of seed ${w.pubSeed} and the band the range over all ${w.seeds} published seeds; the dashed line is the exact PCA optimum.`,
    mapsIntro: w.published
      ? ""
      : `Each card shows your run (left, or first on a narrow screen) beside the published run of seed ${w.pubSeed}.`,
    scope: w.published
      ? `Everything below describes the published runs: ${w.seeds} seeds trained at build time with the notebook's settings.`
      : `Everything below describes the published runs (${w.seeds} seeds, the notebook's settings), not yours; your run is compared with them in the table above.`
  };
}

/** The (c)/(d) page's note above the reader's decoder curves. */
export function cdRunNote(w: RunWords): string {
  const unpublished = w.seed === w.pubSeed ? "" : ` (seed ${w.seed} was not published)`;
  return `Your run: ${w.text}. Its decoder curves are coloured; the grey curve under each is the published run of seed ${w.pubSeed}${unpublished}.`;
}

/**
 * The y range shared by the three loss figures: every positive, finite loss shown, with room above and
 * below.
 */
export function lossDomain(
  published: readonly {readonly runs?: readonly {readonly epochLoss: readonly number[]}[]}[],
  reader: readonly {readonly epochLoss: readonly number[]}[] | null
): [number, number] | undefined {
  // Runs on every progress report of a reader's run: the published runs' range is
  // computed once per snapshot array, only the reader's curves each time.
  let [lo, hi] = [Infinity, -Infinity];
  const fold = ([l, h]: readonly [number, number]) => {
    if (l < lo) lo = l;
    if (h > hi) hi = h;
  };
  for (const m of published) if (m.runs) fold(publishedRange(m.runs));
  for (const m of reader ?? []) fold(positiveRange(m.epochLoss));
  if (lo === Infinity) return undefined;
  return [lo * 0.8, hi * 1.25];
}

/** The smallest and largest positive, finite value (Infinity, -Infinity when there is none). */
function positiveRange(losses: readonly number[]): [number, number] {
  let [lo, hi] = [Infinity, -Infinity];
  for (const x of losses)
    if (x > 0 && Number.isFinite(x)) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  return [lo, hi];
}

const publishedRanges = new WeakMap<object, [number, number]>();
function publishedRange(runs: readonly {readonly epochLoss: readonly number[]}[]): [number, number] {
  let range = publishedRanges.get(runs);
  if (!range) {
    range = [Infinity, -Infinity];
    for (const r of runs) {
      const [l, h] = positiveRange(r.epochLoss);
      range = [Math.min(range[0], l), Math.max(range[1], h)];
    }
    publishedRanges.set(runs, range);
  }
  return range;
}
