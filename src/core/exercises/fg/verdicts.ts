/**
 * The verdicts of exercise 1 (f)–(g), claim by claim, computed from the published
 * runs and the learning-rate sweep: which claims hold at every learning rate and
 * training length, which only in a range, and the numbers behind the reason
 * (how far the codes travel against how far apart a point's basins lie).
 */
import type {EncoderRetrainRun, SweepRun} from "./encoder-retrain.js";
import type {CodeOutcome} from "./outcome.js";
import {median} from "../../stats.js";
import type {RetrainSweep, SweepReference} from "./sweep.js";

/** A run "reaches the best possible loss" within this fraction above it. */
export const NEAR_BEST = 0.1;
/** A median fraction at best code of at least this counts as "most codes at their best". */
export const MOST = 0.5;

/** The sweep at one learning rate and training length, seed by seed. */
export interface SweepCell {
  readonly learningRate: number;
  readonly epochs: number;
  readonly seeds: number[];
  readonly outcomes: CodeOutcome[];
  /** Runs that diverged before this length. */
  readonly diverged: number;
  /** Runs below their own seed's old (published) loss, below their loss right after the redraw, within NEAR_BEST of the best possible. */
  readonly belowOld: number;
  readonly lowered: number;
  readonly nearBest: number;
  /** Medians over the runs that reached this length. */
  readonly medianMse: number;
  readonly medianFraction: number;
  readonly minFraction: number;
  readonly maxFraction: number;
  readonly medianTravel: number;
  /** Runs whose codes all sit at their best code, and runs with some code away from the old one. */
  readonly allAtBest: number;
  readonly movedSomewhere: number;
}

function referenceOf(refs: readonly SweepReference[], seed: number): SweepReference {
  const r = refs.find((x) => x.seed === seed);
  if (!r) throw new Error(`no reference for seed ${seed}`);
  return r;
}

const finite = (xs: readonly (number | null)[]): number[] =>
  xs.filter((x): x is number => x !== null && Number.isFinite(x));

export function sweepCells(sweep: Pick<RetrainSweep, "plan" | "runs" | "references">): SweepCell[] {
  const cells: SweepCell[] = [];
  for (const lr of sweep.plan.learningRates) {
    for (const epochs of sweep.plan.lengths) {
      const at = sweep.runs
        .filter((r) => r.learningRate === lr)
        .flatMap((r) => r.outcomes.filter((o) => o.epochs === epochs).map((o) => ({run: r, o})))
        .sort((a, b) => a.run.seed - b.run.seed);
      if (at.length === 0) continue;
      const ok = at.filter((x) => x.o.mse !== null);
      const ref = (x: {run: SweepRun}) => referenceOf(sweep.references, x.run.seed);
      const fractions = finite(ok.map((x) => x.o.fractionAtBestCode));
      cells.push({
        learningRate: lr,
        epochs,
        seeds: at.map((x) => x.run.seed),
        outcomes: at.map((x) => x.o),
        diverged: at.length - ok.length,
        belowOld: ok.filter((x) => x.o.mse! < ref(x).mseBefore).length,
        lowered: ok.filter((x) => x.o.mse! < ref(x).mseAfterReinit).length,
        nearBest: ok.filter((x) => x.o.mse! <= (1 + NEAR_BEST) * ref(x).optimalEncoderMse).length,
        medianMse: median(finite(ok.map((x) => x.o.mse))),
        medianFraction: median(fractions),
        minFraction: Math.min(...fractions),
        maxFraction: Math.max(...fractions),
        medianTravel: median(finite(ok.map((x) => x.o.travel))),
        allAtBest: ok.filter((x) => x.o.fractionAtBestCode === 1).length,
        movedSomewhere: ok.filter((x) => (x.o.movedFromOld ?? 0) > 0).length
      });
    }
  }
  return cells;
}

/** The learning rates at which a condition on a cell holds, for one training length. */
export function ratesWhere(
  cells: readonly SweepCell[],
  epochs: number,
  test: (c: SweepCell) => boolean
): number[] {
  return cells.filter((c) => c.epochs === epochs && test(c)).map((c) => c.learningRate);
}

/** How the median MSE changes from the first to the last length, per learning rate, over the seeds trained to both. */
export interface LengthEffect {
  readonly learningRate: number;
  readonly seeds: number[];
  readonly shortMse: number;
  readonly longMse: number;
  /** longMse / shortMse − 1. */
  readonly change: number;
  /** Runs whose MSE rose from the short to the long length. */
  readonly rose: number;
}

export function lengthEffects(sweep: Pick<RetrainSweep, "plan" | "runs">): LengthEffect[] {
  const [short, long] = [sweep.plan.lengths[0], sweep.plan.lengths[sweep.plan.lengths.length - 1]];
  return sweep.plan.learningRates.flatMap((lr) => {
    const pairs = sweep.runs
      .filter((r) => r.learningRate === lr)
      .map((r) => ({
        seed: r.seed,
        a: r.outcomes.find((o) => o.epochs === short)?.mse,
        b: r.outcomes.find((o) => o.epochs === long)?.mse
      }))
      .filter(
        (p): p is {seed: number; a: number; b: number} => typeof p.a === "number" && typeof p.b === "number"
      );
    if (pairs.length === 0) return [];
    const shortMse = median(pairs.map((p) => p.a));
    const longMse = median(pairs.map((p) => p.b));
    return [
      {
        learningRate: lr,
        seeds: pairs.map((p) => p.seed),
        shortMse,
        longMse,
        change: longMse / shortMse - 1,
        rose: pairs.filter((p) => p.b > p.a).length
      }
    ];
  });
}

/** The reason, in numbers: how far codes move per update and in total, against how far apart a point's basins lie. */
export interface StepScale {
  readonly learningRate: number;
  /** Median over runs of the median code movement per update in the first epoch. */
  readonly firstEpochStep: number;
  /** Median over runs of the median distance travelled by a code in the first length's training. */
  readonly travel: number;
  /** travel / basin spacing. */
  readonly basinsTravelled: number;
}

export function stepScales(sweep: Pick<RetrainSweep, "plan" | "runs" | "references">): {
  basinSpacing: number;
  codeRange: number;
  scales: StepScale[];
} {
  const basinSpacing = median(sweep.references.map((r) => r.basinSpacing));
  const codeRange = median(sweep.references.map((r) => r.codeRange));
  const epochs = sweep.plan.lengths[0];
  const scales = sweep.plan.learningRates.flatMap((lr) => {
    const runs = sweep.runs.filter((r) => r.learningRate === lr);
    if (runs.length === 0) return [];
    const travel = median(
      finite(runs.map((r) => r.outcomes.find((o) => o.epochs === epochs)?.travel ?? null))
    );
    return [
      {
        learningRate: lr,
        firstEpochStep: median(finite(runs.map((r) => r.firstEpochStep))),
        travel,
        basinsTravelled: travel / basinSpacing
      }
    ];
  });
  return {basinSpacing, codeRange, scales};
}

/** The published runs' claims that do not involve training (F1, F2) and those measured on them (F4, F5). */
export interface PublishedFacts {
  readonly seeds: number;
  /** F1: seeds whose best possible encoder is at least as good as the old one. */
  readonly bestBeatsOld: number;
  /** F2: seeds whose loss right after the redraw is above the old one. */
  readonly redrawAboveOld: number;
  /** F4: the median and largest number of local minima of a point's loss along the latent axis. */
  readonly minimaMedian: number;
  readonly minimaMax: number;
  /** F5: the largest change of any decoder parameter, and the smallest of the encoder's. */
  readonly decoderMoved: number;
  readonly encoderMovedMin: number;
}

export function publishedFacts(runs: readonly EncoderRetrainRun[]): PublishedFacts {
  return {
    seeds: runs.length,
    bestBeatsOld: runs.filter((r) => r.optimalEncoderMse <= r.mseBefore).length,
    redrawAboveOld: runs.filter((r) => r.mseAfterReinit > r.mseBefore).length,
    minimaMedian: median(runs.map((r) => r.localMinima.median)),
    minimaMax: Math.max(...runs.map((r) => r.localMinima.max)),
    decoderMoved: Math.max(...runs.map((r) => r.decoderChange)),
    encoderMovedMin: Math.min(...runs.map((r) => r.encoderChange))
  };
}

/** Claims over the sweep: at every learning rate and length, or only at some. */
export interface SweepVerdicts {
  readonly runs: number;
  readonly diverged: number;
  /** F3: runs that lowered the loss from the redraw; runs that came within NEAR_BEST of the best possible loss. */
  readonly lowered: number;
  readonly nearBest: number;
  /** F3, the part that depends on the learning rate: per length, the rates at which at least one / most runs end below the old loss. */
  readonly belowOldSome: Record<number, number[]>;
  readonly belowOldMost: Record<number, number[]>;
  /** F4: runs with every code at its best, and the largest fraction at best code anywhere in the sweep. */
  readonly allAtBest: number;
  readonly maxFraction: number;
  /** Per length: the rates at which the median run has most codes at their best. */
  readonly mostAtBest: Record<number, number[]>;
  /** F5: runs whose codes differ from the old encoder's somewhere. */
  readonly movedSomewhere: number;
}

export function sweepVerdicts(cells: readonly SweepCell[], lengths: readonly number[]): SweepVerdicts {
  const sum = (f: (c: SweepCell) => number) => cells.reduce((s, c) => s + f(c), 0);
  const per = (test: (c: SweepCell) => boolean) =>
    Object.fromEntries(lengths.map((e) => [e, ratesWhere(cells, e, test)]));
  return {
    runs: sum((c) => c.outcomes.length),
    diverged: sum((c) => c.diverged),
    lowered: sum((c) => c.lowered),
    nearBest: sum((c) => c.nearBest),
    belowOldSome: per((c) => c.belowOld > 0),
    belowOldMost: per((c) => c.belowOld > (c.outcomes.length - c.diverged) / 2),
    allAtBest: sum((c) => c.allAtBest),
    maxFraction: Math.max(...cells.map((c) => c.maxFraction).filter(Number.isFinite)),
    mostAtBest: per((c) => c.medianFraction >= MOST),
    movedSomewhere: sum((c) => c.movedSomewhere)
  };
}
