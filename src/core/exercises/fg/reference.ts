/**
 * What a frozen decoder fixes before any retraining: the best code of every
 * point (a search along the latent axis), the loss of the old encoder and of
 * the best possible one, and the basins' spacing that (g) measures steps against.
 */
import {sheetData} from "../../autoencoder/snapshot.js";
import {encode, reconstructionMse, sheetModel} from "../../autoencoder/models.js";
import {median} from "../../stats.js";
import {sig} from "../../format/round.js";
import {SHEET_SETUP} from "../../autoencoder/setup.js";
import {bestCodes, meanOverCoordinates, widenedRange} from "./frozen-decoder.js";
import type {EncoderRetrainConfig} from "./config.js";
import {DEFAULT_ENCODER_RETRAIN} from "./config.js";
import {codeTolerance} from "./outcome.js";

/** The interval of codes searched for each point's best code (not rounded), its grid size, and how many best codes lie on its boundary. */
export interface SearchInterval {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly atBoundary: number;
}

/** What a frozen decoder fixes before any retraining: the best codes and the losses every run is compared with. */
export interface FrozenReference {
  readonly seed: number;
  readonly mseBefore: number;
  readonly optimalEncoderMse: number;
  /** The published encoder's codes. */
  readonly old: number[];
  /** The best code of every point, and the tolerance within which a code counts as at its best. */
  readonly best: number[];
  readonly tolerance: number;
  readonly bestErr: number[];
  readonly localMinima: number[];
  /** Median over the points of the spacing of their basins along the latent axis (see frozen-decoder.ts). */
  readonly basinSpacing: number;
  /** The old codes' range (max − min). */
  readonly codeRange: number;
  /** The interval searched (not rounded) and its grid. */
  readonly search: SearchInterval;
}

/** The best codes under the frozen decoder of a published big autoencoder, and what they cost. */
export function frozenReference(
  seed: number,
  weights: readonly number[],
  config: Pick<
    EncoderRetrainConfig,
    "searchWiden" | "searchCount" | "codeTolerance"
  > = DEFAULT_ENCODER_RETRAIN
): FrozenReference {
  const spec = sheetModel("big");
  const data = sheetData(SHEET_SETUP);
  const n = SHEET_SETUP.n;
  const published = Float64Array.from(weights);
  const old = encode(spec, published, data, n);
  const [lo, hi] = widenedRange(old, config.searchWiden);
  const best = bestCodes(spec, published, data, n, {lo, hi, count: config.searchCount});
  const [oldLo, oldHi] = widenedRange(old, 0);
  return {
    seed,
    mseBefore: sig(reconstructionMse(spec, published, data, n), 6),
    optimalEncoderMse: sig(meanOverCoordinates(best.err, 2), 6),
    old: Array.from(old),
    best: Array.from(best.z),
    tolerance: codeTolerance(old, config.codeTolerance),
    bestErr: Array.from(best.err),
    localMinima: Array.from(best.localMinima),
    basinSpacing: sig(median(best.basinSpacing.filter(Number.isFinite)), 4),
    codeRange: sig(oldHi - oldLo, 6),
    search: {lo, hi, count: config.searchCount, atBoundary: best.atBoundary}
  };
}
