/**
 * Elementary functions that give the same bits in every JavaScript engine.
 *
 * `Math.sin`, `Math.tanh`, `Math.exp`, `Math.log`, `Math.pow` … are only
 * "implementation-approximated" by the language: Node 20 and Chromium 156 differ
 * in the last bit for a few per cent of arguments (measured here: sin 3 %,
 * exp 10 %). Training amplifies such differences: a playground run that fits
 * noise for 3000 epochs ended at test loss 0.46 in Node (the build) and 0.59
 * in Chromium from the same link. Everything a training run computes therefore
 * goes through these functions, which use only +, −, ×, ÷, `Math.sqrt`,
 * `Math.abs`, `Math.round` and `Math.floor`: IEEE 754 defines those exactly, so
 * the loaders, the page's worker and any other engine compute identical numbers.
 *
 * Accuracy: within a few units in the last place of the true value (the tests
 * compare with `Math`); sin and cos reduce their argument with π/2 split into
 * three parts, accurate for |x| < 8 · 10⁵ (beyond that they stay deterministic
 * but lose digits; nothing here uses such arguments).
 */

/** ln 2 in two parts: the first has 32 significant bits, so k · LN2_HI is exact for |k| < 2²¹. */
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LOG2E = 1.4426950408889634;
/** π/2 in three parts: the first two have 33 significant bits, so k · part is exact for |k| < 2²⁰; the third is the rest, rounded. */
const PIO2_1 = 1.57079632673412561417;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_3 = 2.02226624879595063154e-21;
const TWO_OVER_PI = 0.6366197723675814;
const SQRT2 = 1.4142135623730951;

/** 2^k for k in [−1074, 1023], built by exact doublings and halvings. */
const POW2_MIN = -1074;
const POW2 = (() => {
  const table = new Float64Array(1023 - POW2_MIN + 1);
  let v = 1;
  for (let k = 0; k <= 1023; ++k, v *= 2) table[k - POW2_MIN] = v;
  v = 1;
  for (let k = 0; k >= POW2_MIN; --k, v /= 2) table[k - POW2_MIN] = v;
  return table;
})();

/** 2^k for an integer k; 0 below the subnormals, Infinity above the largest double. */
export function pow2(k: number): number {
  if (k > 1023) return Infinity;
  if (k < POW2_MIN) return 0;
  return POW2[k - POW2_MIN];
}

/** 1/n!, each rounded once (n! is exact in a double up to 22!). */
function inverseFactorials(count: number): Float64Array {
  const out = new Float64Array(count);
  let f = 1;
  for (let n = 0; n < count; ++n) {
    if (n > 0) f *= n;
    out[n] = 1 / f;
  }
  return out;
}
const INV_FACT = inverseFactorials(20);

/** e^r − 1 for |r| ≤ ln 2 / 2 (Taylor series to r¹⁴, truncation below 10⁻¹⁸ relative). */
function expm1Reduced(r: number): number {
  const c = INV_FACT;
  const tail =
    c[2] +
    r *
      (c[3] +
        r *
          (c[4] +
            r *
              (c[5] +
                r *
                  (c[6] +
                    r *
                      (c[7] +
                        r *
                          (c[8] +
                            r *
                              (c[9] +
                                r * (c[10] + r * (c[11] + r * (c[12] + r * (c[13] + r * c[14])))))))))));
  return r + r * r * tail;
}

/** x = k · ln 2 + r with |r| ≤ ln 2 / 2 (slightly more after rounding). */
function reduceLn2(x: number): {k: number; r: number} {
  const k = Math.round(x * LOG2E);
  return {k, r: x - k * LN2_HI - k * LN2_LO};
}

export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const {k, r} = reduceLn2(x);
  const m = 1 + expm1Reduced(r);
  if (k > 1023) return m * 2 * pow2(k - 1);
  if (k < -1022) return m * pow2(k + 64) * pow2(-64);
  return m * pow2(k);
}

/** e^x − 1, accurate also for small |x|. */
export function expm1(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -40) return -1;
  const {k, r} = reduceLn2(x);
  const p = expm1Reduced(r);
  if (k === 0) return p;
  if (k > 1022) return (1 + p) * 2 * pow2(k - 1) - 1;
  const s = pow2(k);
  // 2^k (1 + p) − 1 = 2^k p + (2^k − 1): both terms are exact for |k| < 53, the sum rounds once.
  return k < 53 ? s * p + (s - 1) : (1 + p) * s - 1;
}

export function tanh(x: number): number {
  const a = Math.abs(x);
  if (!(a < 22)) return a === a ? (x > 0 ? 1 : -1) : NaN; // tanh(22) rounds to 1
  if (a === 0) return x; // keeps −0
  // m = e^2a − 1 as in expm1, inlined (the playground's networks call this for every neuron and row).
  const y = 2 * a;
  const k = Math.round(y * LOG2E);
  const p = expm1Reduced(y - k * LN2_HI - k * LN2_LO);
  const s = POW2[k - POW2_MIN];
  const m = k === 0 ? p : s * p + (s - 1);
  const t = m / (m + 2);
  return x < 0 ? -t : t;
}

/** The logistic function 1 / (1 + e^−x). */
export function sigmoid(x: number): number {
  return 1 / (1 + exp(-x));
}

const LOG_COEF = Float64Array.from({length: 10}, (_, i) => 2 / (2 * i + 3)); // 2/3, 2/5, 2/7, …

const view = new DataView(new ArrayBuffer(8));

/** Natural logarithm. */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= pow2(54);
    e = -54;
  }
  // x = m · 2^e with m in [1, 2), then m in (√½, √2].
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  e += ((hi >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (hi & 0x000fffff) | 0x3ff00000);
  let m = view.getFloat64(0);
  if (m > SQRT2) {
    m /= 2;
    ++e;
  }
  // log(1 + f) = 2 atanh(s), s = f/(2 + f); written as f − (f²/2 − s (f²/2 + R)), R = 2s²/3 + 2s⁴/5 + ….
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const c = LOG_COEF;
  const R =
    z *
    (c[0] +
      z *
        (c[1] +
          z *
            (c[2] + z * (c[3] + z * (c[4] + z * (c[5] + z * (c[6] + z * (c[7] + z * (c[8] + z * c[9])))))))));
  const hfsq = 0.5 * f * f;
  return e * LN2_HI + (f - (hfsq - (s * (hfsq + R) + e * LN2_LO)));
}

const SIN_COEF = Float64Array.from({length: 8}, (_, i) => (i % 2 ? 1 : -1) * INV_FACT[2 * i + 3]); // −1/3!, 1/5!, …, 1/17!
const COS_COEF = Float64Array.from({length: 8}, (_, i) => (i % 2 ? -1 : 1) * INV_FACT[2 * i + 4]); // 1/4!, −1/6!, …, −1/18!

/** sin r for |r| ≤ π/4. */
function sinReduced(r: number): number {
  const z = r * r;
  const c = SIN_COEF;
  return (
    r +
    r * z * (c[0] + z * (c[1] + z * (c[2] + z * (c[3] + z * (c[4] + z * (c[5] + z * (c[6] + z * c[7])))))))
  );
}

/** cos r for |r| ≤ π/4; the rounding error of 1 − r²/2 is recovered and added back. */
function cosReduced(r: number): number {
  const z = r * r;
  const c = COS_COEF;
  const hz = 0.5 * z;
  const w = 1 - hz;
  return (
    w +
    (1 -
      w -
      hz +
      z * z * (c[0] + z * (c[1] + z * (c[2] + z * (c[3] + z * (c[4] + z * (c[5] + z * (c[6] + z * c[7]))))))))
  );
}

/** x = k · π/2 + r, |r| ≤ π/4 (about), and k mod 4. */
function reducePio2(x: number): {q: number; r: number} {
  if (Math.abs(x) <= 0.7853981633974483) return {q: 0, r: x};
  const k = Math.round(x * TWO_OVER_PI);
  const r = x - k * PIO2_1 - k * PIO2_2 - k * PIO2_3;
  return {q: ((k % 4) + 4) % 4, r};
}

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return x;
  const {q, r} = reducePio2(x);
  return q === 0 ? sinReduced(r) : q === 1 ? cosReduced(r) : q === 2 ? -sinReduced(r) : -cosReduced(r);
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const {q, r} = reducePio2(x);
  return q === 0 ? cosReduced(r) : q === 1 ? -sinReduced(r) : q === 2 ? -cosReduced(r) : sinReduced(r);
}

/** base^n for a whole n ≥ 0, by repeated squaring (about log₂ n roundings). */
export function powInt(base: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`powInt needs a whole exponent ≥ 0, got ${n}`);
  let result = 1;
  let b = base;
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) result *= b;
    b *= b;
  }
  return result;
}
