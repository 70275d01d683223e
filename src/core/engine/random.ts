/**
 * The one seeded random source of the project. Every random draw (data, initial
 * weights, shuffles) goes through an `Rng` that the caller creates from a seed and
 * passes in explicitly; nothing reads a global generator.
 *
 * The stream is d3-random's 32-bit linear congruential generator. Its state after
 * seeding is the seed itself, so neighbouring seeds (0, 1, 2, …) would start with
 * nearly equal draws; we therefore scramble the seed with an integer finaliser
 * before handing it over.
 */
import {randomLcg} from "d3-random";
import {cos, log} from "./portable-math.js";

export interface Rng {
  /** A uniform draw in [0, 1). */
  next(): number;
  /** A uniform draw in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** A standard normal draw (Box–Muller, one value per call). */
  normal(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** Shuffles `array` in place (Fisher–Yates) and returns it. */
  shuffle<T extends {length: number; [i: number]: unknown}>(array: T): T;
  /** A new, independent generator derived from this one's next draws. */
  fork(): Rng;
}

/** Integer finaliser (xor-shift-multiply) that spreads neighbouring seeds apart. */
export function scrambleSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function createRng(seed: number): Rng {
  const next = randomLcg(scrambleSeed(seed));
  const rng: Rng = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal() {
      // 1 - u lies in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(next() * n),
    shuffle(array) {
      for (let i = array.length - 1; i > 0; --i) {
        const j = Math.floor(next() * (i + 1));
        const t = array[i];
        array[i] = array[j];
        array[j] = t;
      }
      return array;
    },
    fork: () => createRng(Math.floor(next() * 0x100000000))
  };
  return rng;
}
