/**
 * The numbers and data-dependent sentences of the (f)–(g) page, computed from
 * the published runs, the learning-rate sweep and the run on show, so that the
 * page's prose writes `${f.name}` instead of an expression.
 */
import {median} from "../../stats.js";
import {decimals, percent, signedPercent, thousands} from "../../format/decimals.js";
import {countOf, countOrNo, listing, rate, rateSpan, ratesAfterLengths} from "../../format/words.js";
import type {EncoderRetrainConfig} from "./config.js";
import type {EncoderRetrainRun} from "./encoder-retrain.js";
import type {CodeOutcome} from "./outcome.js";
import type {RetrainSweep} from "./sweep.js";
import type {RetrainSweepEntry} from "./sweep.js";
import {NEAR_BEST, lengthEffects, publishedFacts, stepScales, sweepCells, sweepVerdicts} from "./verdicts.js";

type Rows = readonly (readonly number[])[];

/** The published results per seed (the summary's `ex1.retrain`), in the order of the summary's seeds. */
export interface RetrainBySeed {
  readonly mseBefore: readonly number[];
  readonly mseAfterReinit: readonly number[];
  readonly mseAfterRetrain: readonly number[];
  readonly optimalEncoderMse: readonly number[];
}

const min = (xs: readonly number[]) => Math.min(...xs);
const max = (xs: readonly number[]) => Math.max(...xs);
const ratio = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x / b[i]);

/** The experiment's settings, as "(g) The experiment" states them. */
export function setupFacts(config: EncoderRetrainConfig, plan: RetrainSweep["plan"], seeds: number) {
  const rates = plan.learningRates;
  return {
    seeds,
    epochs: config.epochs,
    batchSize: config.batchSize,
    lr: rate(config.lr),
    evalEvery: config.evalEvery,
    searchCount: thousands(config.searchCount),
    searchWiden: config.searchWiden,
    tolerancePercent: config.codeTolerance * 100,
    rateCount: rates.length,
    firstRate: rate(rates[0]),
    lastRate: rate(rates[rates.length - 1]),
    lengths: listing(plan.lengths.map(String)),
    shortLength: plan.lengths[0],
    longLength: plan.lengths[plan.lengths.length - 1]
  };
}

/** What the figures of one run show; `label` names the run ("the published run (seed 0: …)"). */
export interface ShownRun {
  readonly seed: number;
  readonly codes: {
    readonly old: readonly number[];
    readonly retrained: readonly number[];
    readonly best: readonly number[];
  };
  readonly atBest: readonly boolean[];
  readonly checkpoints: readonly {readonly mse: number}[];
  readonly mseBefore: number;
  readonly mseAfterRetrain?: number;
  readonly optimalEncoderMse: number;
}

const span = (xs: readonly number[]) => max(xs) - min(xs);

/**
 * The captions of Figures 1–4 for the run on show (undefined while a reader's
 * run has not reported yet): `worst` is the point Figure 4 draws, `n` the number
 * of points; `published` says whether the published result is on show (else a
 * reader's run, drawn over the published run of its seed).
 */
export function shownFacts(shown: ShownRun | undefined, published: boolean, worst: number, n: number) {
  const reached = shown ? shown.atBest.filter(Boolean).length : 0;
  const compare = shown !== undefined && !published;
  const end = shown?.mseAfterRetrain;
  const endsAt =
    shown === undefined || end === undefined
      ? ""
      : end <= shown.mseBefore
        ? "ends below the old encoder's loss"
        : `ends at ${decimals(end, 4)}, ${decimals(end / shown.mseBefore, 1)} times the old encoder's loss and ${decimals(end / shown.optimalEncoderMse, 1)} times the best possible`;
  return {
    seed: String(shown?.seed),
    band: published
      ? "The band covers the published runs of every seed."
      : "The faint band behind it: the published runs of every seed, for comparison.",
    startMse: shown ? decimals(shown.checkpoints[0]?.mse ?? NaN, 3) : "",
    endsAt,
    reached: countOf(reached, n, "point"),
    crosses: compare
      ? " Grey crosses: where the published run's retrained codes put the points, for comparison."
      : "",
    crossesCodes: compare ? " Grey crosses: the published run's retrained codes." : "",
    converge:
      shown && reached < n / 2
        ? "Many orange arrows converge on a few spots of the curve: those codes stayed near where the fresh encoder put them and settled in the nearest local minima there."
        : "Most arrows end at the point's best spot on the curve: at this setting the codes travelled far enough to find their best basins.",
    codeSpan: percent(shown ? span(shown.codes.retrained) / span(shown.codes.old) : NaN),
    worst,
    stuck:
      shown && !shown.atBest[worst]
        ? "Its retrained code sits in a local minimum; the best code lies in another basin, behind at least one hump the gradient would have to climb."
        : "Its retrained code reached the best basin; what is left is the distance from the point to the curve itself."
  };
}

/** The code axis of Figure 3: every code on show, widened by 5 % on each side. */
export function codeDomain(shown: ShownRun | undefined, compare?: readonly number[]): [number, number] {
  const all = shown
    ? [...shown.codes.old, ...shown.codes.retrained, ...shown.codes.best, ...(compare ?? [])]
    : [];
  const [lo, hi] = all.length ? [min(all), max(all)] : [0, 1];
  const pad = 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

/** Sample variance by Welford's update, as d3.variance computes it (the same bits). */
function sampleVariance(values: readonly number[]): number {
  let count = 0;
  let mean = 0;
  let sum = 0;
  for (const value of values) {
    const delta = value - mean;
    mean += delta / ++count;
    sum += delta * (value - mean);
  }
  return count > 1 ? sum / (count - 1) : NaN;
}

/** The mean squared error of sending every point to the data's mean: its variance averaged over the coordinates. */
export function dataVariance(data: Rows): number {
  const n = data.length;
  const coordinate = (m: number) => (sampleVariance(data.map((p) => p[m])) * (n - 1)) / n;
  return (coordinate(0) + coordinate(1)) / 2;
}

/** The claims F1–F5 and the reason, as the verdict section states them. */
export function claimFacts(
  published: {
    readonly config: EncoderRetrainConfig;
    readonly runs: readonly EncoderRetrainRun[];
    readonly data: Rows;
  },
  sweep: RetrainSweep,
  bySeed: RetrainBySeed
) {
  const R = bySeed;
  const runs = published.runs;
  const S = R.mseBefore.length;
  const n = published.data.length;
  const rates = sweep.plan.learningRates;
  const lengths = sweep.plan.lengths;
  const [shortLength, longLength] = [lengths[0], lengths[lengths.length - 1]];
  const V = sweepVerdicts(sweepCells(sweep), lengths);
  const facts = publishedFacts(runs);
  const effects = lengthEffects(sweep);
  const scales = stepScales(sweep);
  const verdict = (ok: boolean) => (ok ? "holds" : "does not hold");
  const f3Lower = R.mseAfterRetrain.filter((x, i) => x < R.mseAfterReinit[i]).length;
  const f3AboveBest = R.mseAfterRetrain.filter((x, i) => x > R.optimalEncoderMse[i]).length;
  const f3AboveOld = R.mseAfterRetrain.filter((x, i) => x > R.mseBefore[i]).length;
  const movedCodes = runs.map(
    (r) => r.codes.old.filter((z, i) => Math.abs(z - r.codes.retrained[i]) > r.tolerance).length
  );
  const variance = dataVariance(published.data);
  const finished = V.runs - V.diverged;
  const f3Holds = f3Lower === S && f3AboveBest === S && V.nearBest === 0;
  const f4Holds = facts.minimaMedian > 1 && V.allAtBest === 0;
  const f5Holds = facts.decoderMoved === 0 && facts.encoderMovedMin > 0 && V.movedSomewhere === finished;
  const anyBelowOld = lengths.some((e) => V.belowOldSome[e].length > 0);
  const atRatesAfter = (chosen: Readonly<Record<number, readonly number[]>>) =>
    ratesAfterLengths(chosen, rates, lengths);
  const finals = sweep.runs.flatMap((r) =>
    r.outcomes.filter((o) => o.mse !== null).map((o) => ({r, o, mse: o.mse as number}))
  );
  const lowest = finals.reduce<(typeof finals)[number] | undefined>(
    (a, x) => (a === undefined || x.mse < a.mse ? x : a),
    undefined
  );
  const flat = effects.filter((e) => Math.abs(e.change) < 0.05);
  const moving = effects.filter((e) => Math.abs(e.change) >= 0.05);
  const rose = effects.reduce((s, e) => s + e.rose, 0);
  const pairs = effects.reduce((s, e) => s + e.seeds.length, 0);
  const shortBasins = scales.scales.filter((s) => s.basinsTravelled < 1);
  const longBasins = scales.scales.filter((s) => s.basinsTravelled >= 1);
  const bestOverOld = ratio(R.optimalEncoderMse, R.mseBefore);
  const redrawMedian = median(R.mseAfterReinit);
  return {
    n,
    shortLength,
    longLength,
    f1: verdict(facts.bestBeatsOld === S),
    f1Seeds: countOf(facts.bestBeatsOld, S, "seed"),
    bestMedian: decimals(median(R.optimalEncoderMse), 4),
    oldMedian: decimals(median(R.mseBefore), 4),
    bestOverOldMin: percent(min(bestOverOld)),
    bestOverOldMax: percent(max(bestOverOld)),
    oldAtBest: median(runs.map((r) => r.atBest.old)),
    f2: verdict(facts.redrawAboveOld === S),
    f2Seeds: countOf(facts.redrawAboveOld, S, "seed"),
    redrawMedian: decimals(redrawMedian, 3),
    redrawTimesOld: decimals(redrawMedian / median(R.mseBefore), 0),
    redrawAgainstMean: redrawMedian > variance ? "worse than" : "close to",
    dataVariance: decimals(variance, 3),
    f3: `${f3Holds ? "holds at every learning rate" : "holds only in part"}${anyBelowOld ? "; whether the old loss is reached depends on the learning rate" : ", and in the strong form: no run reaches even the old loss"}`,
    lowered: countOf(V.lowered, finished, "finished run"),
    loweredPublished: countOf(f3Lower, S, "published run"),
    nearBest:
      V.nearBest === 0
        ? `no run came within ${percent(NEAR_BEST)} of the best possible loss`
        : `${countOrNo(V.nearBest, "run")} came within ${percent(NEAR_BEST)} of the best possible loss`,
    publishedLr: rate(published.config.lr),
    aboveOld: countOf(f3AboveOld, S, "seed"),
    retrainedMedian: decimals(median(R.mseAfterRetrain), 3),
    belowOld: anyBelowOld
      ? `Over the sweep, some run ends below its seed's old loss ${atRatesAfter(V.belowOldSome)}.`
      : `Over the sweep no run, at any of the ${rates.length} rates or either length, ends below its seed's old loss; the lowest final MSE is ${decimals(lowest?.mse ?? NaN, 4)} (${lowest ? `seed ${lowest.r.seed}, learning rate ${rate(lowest.r.learningRate)}, ${lowest.o.epochs} epochs` : ""}), against old losses between ${decimals(min(R.mseBefore), 4)} and ${decimals(max(R.mseBefore), 4)}.`,
    longer: `${
      flat.length
        ? `changes the median MSE by less than 5 % at ${rateSpan(
            flat.map((e) => e.learningRate),
            rates
          )}`
        : "changes the median MSE by 5 % or more at every rate"
    }${moving.length ? `, and moves it at ${listing(moving.map((e) => `${rate(e.learningRate)} (${signedPercent(e.change)})`))}` : ""}`,
    rose: countOf(rose, pairs, "run"),
    f4: f4Holds ? "holds at every learning rate" : "does not hold everywhere",
    minima: countOrNo(facts.minimaMedian, "local minimum", "local minima"),
    minimaMax: facts.minimaMax,
    allAtBest:
      V.allAtBest === 0
        ? "No run, at any rate or length, put every code at its best"
        : `${countOrNo(V.allAtBest, "run")} put every code at its best`,
    maxFraction: percent(V.maxFraction),
    mostAtBest: atRatesAfter(V.mostAtBest),
    f5: verdict(f5Holds),
    decoderMoved: facts.decoderMoved,
    encoderMovedMin: facts.encoderMovedMin,
    movedSomewhere: countOf(V.movedSomewhere, finished, "finished run"),
    movedCodes: median(movedCodes),
    better: countOf(runs.filter((r) => r.better > 0).length, S, "published run"),
    basinSpacing: decimals(scales.basinSpacing, 2),
    codeRange: decimals(scales.codeRange, 1),
    travel: listing(scales.scales.map((s) => `${decimals(s.basinsTravelled, 2)} at ${rate(s.learningRate)}`)),
    shortBasins: shortBasins.length
      ? `At ${rateSpan(
          shortBasins.map((s) => s.learningRate),
          rates
        )} the codes travel less than one spacing: they stay in the basin the fresh encoder put them in, and the loss stops where Figure 1 shows it flat.`
      : "",
    longBasins: longBasins.length
      ? `At ${rateSpan(
          longBasins.map((s) => s.learningRate),
          rates
        )} they travel a spacing or more: steps that long carry codes over the humps into other basins, often better ones, which is why the loss gets much lower there; they carry them out again as easily, so the result varies from seed to seed and can get worse with longer training.`
      : "",
    firstEpochStep: listing(
      scales.scales.map((s) => `${decimals(s.firstEpochStep, 3)} per update at ${rate(s.learningRate)}`)
    )
  };
}

/** How the sweep was run, as "Over learning rates" states it. */
export function sweepFacts(sweep: RetrainSweep, entries: readonly RetrainSweepEntry[], seeds: number) {
  const lengths = sweep.plan.lengths;
  const longLength = lengths[lengths.length - 1];
  const extended =
    entries.find((e) => e.learningRate === sweep.publishedLr && e.epochs === longLength)?.seeds ?? [];
  const V = sweepVerdicts(sweepCells(sweep), lengths);
  return {
    seeds,
    publishedLr: rate(sweep.publishedLr),
    extended:
      extended.length === 0
        ? "none of them"
        : extended.length === 1
          ? `that of seed ${extended[0]}`
          : `those of seeds ${listing(extended.map(String))}`,
    continues: extended.length === 1 ? "continues" : "continue",
    centralFrom: rate(sweep.plan.central[0]),
    centralTo: rate(sweep.plan.central[1]),
    centralSeeds: countOrNo(sweep.plan.seeds.length, "seed"),
    centralList: listing(sweep.plan.seeds.map(String)),
    edgeSeeds: countOrNo(sweep.plan.edgeSeeds.length, "seed"),
    runs: countOrNo(sweep.runs.length, "run"),
    diverged: V.diverged
      ? `crosses on the top edge: ${countOrNo(V.diverged, "run")} that diverged and were stopped`
      : "no run diverged (a run would be stopped, and drawn as a cross on the top edge, once its loss passed 10⁴)"
  };
}

/** A reader's finished (or stopped) run, measured as the published ones are. */
export interface ReaderRunLike {
  readonly seed: number;
  readonly epoch: number;
  readonly settings: {readonly lr: number; readonly epochs: number; readonly draw: number};
  readonly mseBefore: number;
  readonly optimalEncoderMse: number;
  readonly outcome?: CodeOutcome;
}

/**
 * The sentences on a reader's run (named `label`): its loss against the old and
 * the best possible encoder, its codes, and the build's run with the same
 * settings if the sweep has one (reproduced, or not, and why).
 */
export function yourRunText(mine: ReaderRunLike, label: string, sweep: RetrainSweep, n: number): string {
  const yours = mine.outcome as CodeOutcome & {
    mse: number;
    gap: number;
    atBest: number;
    movedFromOld: number;
  };
  // The same run in the build's sweep, if the reader's settings coincide with one.
  const twin =
    mine.epoch >= mine.settings.epochs && mine.settings.draw === 0
      ? sweep.runs
          .find((r) => r.seed === mine.seed && r.learningRate === mine.settings.lr)
          ?.outcomes.find((o) => o.epochs === mine.settings.epochs)
      : undefined;
  const twinDiffers = twin && twin.mse !== null && Math.abs(twin.mse - yours.mse) > 1e-4 * twin.mse;
  const build = twin
    ? ` The build trained this run too, for the sweep: MSE ${twin.mse === null ? "diverged" : decimals(twin.mse, 4)}, ${countOf(twin.atBest ?? 0, n, "point")} at their best code.${twinDiffers ? " The two differ although every setting is the same: the build and your browser round one power in Adam's step differently in the last digit, and at this learning rate training is sensitive enough for that to send the codes into other basins. The spread between seeds in Figure 5 is of the same kind." : " Your browser reproduced it."}`
    : "";
  return `For ${label}: MSE ${decimals(yours.mse, 4)}, ${decimals(yours.mse / mine.optimalEncoderMse, 1)} times the best possible (gap ${decimals(yours.gap, 4)}), ${yours.mse < mine.mseBefore ? "below" : "above"} this seed's old loss of ${decimals(mine.mseBefore, 4)}; ${countOf(yours.atBest, n, "point")} at their best code and ${countOrNo(yours.movedFromOld, "code")} away from the old ones. The same functions measure the published runs above.${build}`;
}
