/**
 * How an encoder's codes stand against the best codes of its frozen decoder:
 * which points are at their best code (within a tolerance), and the measures of
 * (g) at one training length, the same for a published run and a reader's.
 */
import {median} from "../../stats.js";
import {sig} from "../../format/round.js";
import {widenedRange} from "./frozen-decoder.js";
import type {FrozenReference} from "./reference.js";

/** How an encoder's codes stand against the best ones, at one training length. */
export interface CodeOutcome {
  readonly epochs: number;
  /** Full-data MSE; null if the run diverged before this length. */
  readonly mse: number | null;
  /** Points whose code is at its best code (within the tolerance), and their share. */
  readonly atBest: number | null;
  readonly fractionAtBestCode: number | null;
  /** The MSE above the best possible encoder's. */
  readonly gap: number | null;
  /** Median over the points of |code − code right after the redraw|: how far the codes travelled. */
  readonly travel: number | null;
  /** Points whose code differs from the old encoder's by more than the tolerance. */
  readonly movedFromOld: number | null;
}

/** Fraction of `codes` at their best code, and the MSE's gap to the best possible encoder: the measures of (g), for any run. */
export function codeOutcome(
  epochs: number,
  codes: ArrayLike<number>,
  mse: number,
  ref: Pick<FrozenReference, "best" | "tolerance" | "optimalEncoderMse" | "old">,
  start?: ArrayLike<number>
): CodeOutcome {
  const atBest = countAtBest(codes, ref.best, ref.tolerance);
  return {
    epochs,
    mse: sig(mse, 6),
    atBest,
    fractionAtBestCode: atBest / codes.length,
    gap: sig(mse - ref.optimalEncoderMse, 4),
    travel: start ? sig(median(Array.from(codes, (z, i) => Math.abs(z - start[i]))), 4) : null,
    movedFromOld: codes.length - countAtBest(codes, ref.old, ref.tolerance)
  };
}

/** The outcome of a length the run did not reach (it diverged before). */
export function divergedOutcome(epochs: number): CodeOutcome {
  return {
    epochs,
    mse: null,
    atBest: null,
    fractionAtBestCode: null,
    gap: null,
    travel: null,
    movedFromOld: null
  };
}

/** Per point: is its code within `tolerance` of its best code? */
export function atBestFlags(codes: ArrayLike<number>, best: ArrayLike<number>, tolerance: number): boolean[] {
  return Array.from({length: codes.length}, (_, i) => Math.abs(codes[i] - best[i]) <= tolerance);
}

/** The tolerance of `atBestFlags`: a fraction of the range of the old codes. */
export function codeTolerance(oldCodes: ArrayLike<number>, fraction: number): number {
  const [lo, hi] = widenedRange(oldCodes, 0);
  return fraction * (hi - lo);
}

/** Counts codes within `tolerance` of the best codes. */
export function countAtBest(codes: ArrayLike<number>, best: ArrayLike<number>, tolerance: number): number {
  return atBestFlags(codes, best, tolerance).filter(Boolean).length;
}
