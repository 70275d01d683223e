// Activations: ReLU fused into the dense blocks' stores, tanh and sigmoid in passes
// of their own, and their derivatives in terms of the outputs.

export const LINEAR = 0;
export const RELU = 1;
export const TANH = 2;
export const SIGMOID = 3;

/** s > 0 ? s : 0 (as fused.ts: NaN → 0) if relu, else s. */
@inline export function rectify(s: v128, relu: bool): v128 {
  return relu ? f32x4.pmax(f32x4.splat(0), s) : s;
}

/**
 * tanh or sigmoid over y[0..length), in a pass of its own: inside the forward
 * blocks, the optimiser would turn the choice between them into a select and
 * evaluate both for every output.
 */
export function squash(y: usize, length: i32, act: i32): void {
  const end = y + (<usize>length << 2);
  if (act == TANH) {
    for (let o = y; o < end; o += 16) v128.store(o, tanh4(v128.load(o)));
  } else {
    for (let o = y; o < end; o += 16) v128.store(o, sigmoid4(v128.load(o)));
  }
}

/** g ⊙ f′, with f′ written in terms of the activation's output y. */
@inline export function activationBackward(g: v128, y: v128, act: i32): v128 {
  if (act == RELU) return v128.and(g, f32x4.gt(y, f32x4.splat(0)));
  if (act == TANH) return f32x4.mul(g, f32x4.sub(f32x4.splat(1), f32x4.mul(y, y)));
  if (act == SIGMOID) return f32x4.mul(g, f32x4.mul(y, f32x4.sub(f32x4.splat(1), y)));
  return g;
}

// tanh and sigmoid: computed in float64 (two lanes at a time) and rounded to
// float32, so the results are float32's nearest values nearly always, like
// tfjs's and PyTorch's. Only IEEE arithmetic, no host Math: identical in every engine.

/**
 * e^x for x in [-708, 709], two lanes: x = n·ln2 + r with |r| ≤ ln2/2, e^r
 * from its Taylor series to degree 11 (relative error below 1e-14), times 2^n
 * built in the exponent bits.
 */
@inline function exp2x(x: v128): v128 {
  const n = f64x2.nearest(f64x2.mul(x, f64x2.splat(1.4426950408889634)));
  // ln 2 split in two: LN2_HI has zeros in its low bits, so n·LN2_HI is exact.
  let r = f64x2.sub(x, f64x2.mul(n, f64x2.splat(6.93147180369123816490e-1)));
  r = f64x2.sub(r, f64x2.mul(n, f64x2.splat(1.90821492927058770002e-10)));
  let p = f64x2.splat(1.0 / 39916800.0);
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 3628800.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 362880.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 40320.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 5040.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 720.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 120.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 24.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 6.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(0.5));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  // 2^n: n + 1023 in the exponent field (n is within [-1022, 1023] for the inputs used here).
  const ni = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(n));
  const scale = i64x2.shl(i64x2.add(ni, i64x2.splat(1023)), 52);
  return f64x2.mul(p, scale);
}

/** tanh, two float64 lanes: a Taylor series near zero, (1 − 2/(e^{2|x|} + 1)) with x's sign elsewhere. */
@inline function tanh2(x: v128): v128 {
  const a = f64x2.abs(x);
  // |x| < 1/16: x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 (next term below 1e-14 relative).
  const z = f64x2.mul(x, x);
  let q = f64x2.splat(62.0 / 2835.0);
  q = f64x2.add(f64x2.mul(q, z), f64x2.splat(-17.0 / 315.0));
  q = f64x2.add(f64x2.mul(q, z), f64x2.splat(2.0 / 15.0));
  q = f64x2.add(f64x2.mul(q, z), f64x2.splat(-1.0 / 3.0));
  const small = f64x2.add(x, f64x2.mul(x, f64x2.mul(z, q)));
  // tanh(20) is 1 in float64: capping 2|x| at 40 keeps e finite. NaN stays NaN (min propagates it).
  const e = exp2x(f64x2.min(f64x2.add(a, a), f64x2.splat(40)));
  const t = f64x2.sub(f64x2.splat(1), f64x2.div(f64x2.splat(2), f64x2.add(e, f64x2.splat(1))));
  const signed = v128.bitselect(f64x2.neg(t), t, f64x2.lt(x, f64x2.splat(0)));
  return v128.bitselect(small, signed, f64x2.lt(a, f64x2.splat(0.0625)));
}

/** 1 / (1 + e^{−x}), two float64 lanes; −x is clamped to [−700, 700] (float32 cannot tell the difference). */
@inline function sigmoid2(x: v128): v128 {
  const e = exp2x(f64x2.max(f64x2.min(f64x2.neg(x), f64x2.splat(700)), f64x2.splat(-700)));
  return f64x2.div(f64x2.splat(1), f64x2.add(f64x2.splat(1), e));
}

function tanh4(s: v128): v128 {
  const lo = tanh2(f64x2.promote_low_f32x4(s));
  const hi = tanh2(f64x2.promote_low_f32x4(v128.shuffle<f32>(s, s, 2, 3, 0, 1)));
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

function sigmoid4(s: v128): v128 {
  const lo = sigmoid2(f64x2.promote_low_f32x4(s));
  const hi = sigmoid2(f64x2.promote_low_f32x4(v128.shuffle<f32>(s, s, 2, 3, 0, 1)));
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

