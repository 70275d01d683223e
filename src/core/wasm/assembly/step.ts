// The training step of `fused.ts` in WebAssembly with 128-bit SIMD, float32.
// AssemblyScript; `npm run build:wasm` compiles it into `../step-binary.ts`.
//
// The host (`../wasm-engine.ts`) lays out every buffer in this module's memory
// and writes a header describing it; `step(count)` then runs a whole training
// step (gather, forward, loss, backward, optimiser) in one call. Only standard
// SIMD is used (no relaxed SIMD, no fused multiply-add) and tanh and sigmoid are
// computed here, so every engine computes the same bits.
//
// Layout of one layer (in → out, widths padded to multiples of four: pin, pout):
// - weights transposed, WT[i, j] = W[j, i], pin rows of pout floats; rows and
//   columns past the true widths are zero and stay zero (their gradients are zero);
// - then the bias, pout floats.
// Activations A_l and pre-activation gradients D_l are batch-major, one row of
// p_l floats per batch row, padding zero. A forward block reads one row of WT
// per input and serves four batch rows and eight outputs with it, starting from
// the bias and applying ReLU before the store; the weight gradient has the same
// shape (an outer product summed over rows); the input gradient needs W rather
// than WT and reads it as dot products over WT's rows, so no transposed copy of
// the weights is kept.

// ---- header (must match the constants at the top of ../wasm-engine.ts) ----
// i32 words
const G_LAYERS = 0;
const G_LOSS = 1; // 0: mse, 1: half-se
const G_OPT = 2; // 0: adam, 1: sgd
const G_REG = 3; // 0: none, 1: l1, 2: l2
const G_FIRST = 4; // first trainable layer
const G_INPUTS = 5; // f32 [n, p_0]
const G_TARGETS = 6; // f32 [n, dout]
const G_BATCH = 7; // i32 [capacity]
const G_DOUT = 8;
const G_PARAMS = 9; // f32 parameter region (all layers)
const G_GRAD = 10; // same layout
const G_M = 11;
const G_V = 12;
const G_DEAD = 13; // L1: i32 masks, same layout
// f64 fields, byte offsets
const F_LR = 64;
const F_BETA1 = 72;
const F_BETA2 = 80;
const F_EPS = 88;
const F_RATE = 96;
const F_BETA1_POW = 104; // beta1^t, updated here every Adam step
const F_BETA2_POW = 112;
// layer records: 16 i32 words each, from byte 128
const LAYERS = 128;
const LAYER_BYTES = 64;
const L_IN = 0;
const L_OUT = 1;
const L_PIN = 2;
const L_POUT = 3;
const L_ACT = 4;
const L_TRAINABLE = 5;
const L_W = 6; // byte offset of WT in the parameter region
const L_B = 7; // byte offset of the bias
const L_END = 8; // byte offset just past the bias
const L_A_IN = 9; // address of A_l
const L_A_OUT = 10; // address of A_{l+1}
const L_D_IN = 11; // address of D_l (unused for l = 0)
const L_D_OUT = 12; // address of D_{l+1}

const LINEAR = 0;
const RELU = 1;
const TANH = 2;
const SIGMOID = 3;

let header: usize = 0;

export function heapBase(): usize {
  return __heap_base;
}

export function setHeader(address: usize): void {
  header = address;
}

@inline function word(k: i32): i32 {
  return load<i32>(header + (<usize>k << 2));
}

@inline function real(offset: i32): f64 {
  return load<f64>(header + <usize>offset);
}

@inline function field(l: i32, k: i32): i32 {
  return load<i32>(header + LAYERS + <usize>(l * LAYER_BYTES) + (<usize>k << 2));
}

/** The loss of rows batch[0..count) and its gradient in the grad region (frozen layers untouched). */
export function compute(count: i32): f64 {
  const layers = word(G_LAYERS);
  const first = word(G_FIRST);
  const params = <usize>word(G_PARAMS);
  const grad = <usize>word(G_GRAD);
  gather(count, field(0, L_PIN));
  for (let l = 0; l < layers; ++l) {
    const pout = field(l, L_POUT);
    const act = field(l, L_ACT);
    const y = <usize>field(l, L_A_OUT);
    denseForward(
      <usize>field(l, L_A_IN),
      params + <usize>field(l, L_W),
      params + <usize>field(l, L_B),
      y,
      count,
      field(l, L_IN),
      field(l, L_PIN),
      pout,
      act == RELU
    );
    if (act == TANH || act == SIGMOID) {
      squash(y, count * pout, act);
      // sigmoid(0) = ½: padding columns must stay zero, the next layer's weight gradient reads them.
      if (act == SIGMOID) zeroColumns(y, count, field(l, L_OUT), pout);
    }
  }
  const last = layers - 1;
  const loss = lossGradient(count, <usize>field(last, L_A_OUT), <usize>field(last, L_D_OUT), field(last, L_POUT), field(last, L_ACT));
  for (let l = last; l >= first; --l) {
    const pin = field(l, L_PIN);
    const pout = field(l, L_POUT);
    const d = <usize>field(l, L_D_OUT);
    const x = <usize>field(l, L_A_IN);
    if (field(l, L_TRAINABLE)) {
      weightGradient(x, d, grad + <usize>field(l, L_W), grad + <usize>field(l, L_B), count, pin, pout);
    }
    if (l > first) {
      inputGradient(d, params + <usize>field(l, L_W), <usize>field(l, L_D_IN), x, count, pin, pout, field(l - 1, L_ACT));
    }
  }
  return loss;
}

/** One training step on rows batch[0..count); returns the batch loss before the update. */
export function step(count: i32): f64 {
  const loss = compute(count);
  update();
  return loss;
}

// ---- forward ----

function gather(count: i32, p0: i32): void {
  const inputs = <usize>word(G_INPUTS);
  const batch = <usize>word(G_BATCH);
  const a0 = <usize>field(0, L_A_IN);
  const rowBytes = <usize>p0 << 2;
  for (let r = 0; r < count; ++r) {
    const src = inputs + <usize>load<i32>(batch + (<usize>r << 2)) * rowBytes;
    const dst = a0 + <usize>r * rowBytes;
    for (let o: usize = 0; o < rowBytes; o += 16) v128.store(dst + o, v128.load(src + o));
  }
}

/**
 * y[r, j] = b[j] + Σ_i x[r, i] WT[i, j], summed from the bias in order of i, and
 * ReLU applied before the store if `relu`. Blocks of four rows × eight outputs
 * (eight accumulators), then four outputs, then single rows.
 */
function denseForward(x: usize, wt: usize, b: usize, y: usize, count: i32, nin: i32, pin: i32, pout: i32, relu: bool): void {
  const xs = <usize>pin << 2;
  const ws = <usize>pout << 2;
  const rowsEnd = count & ~3;
  let r = 0;
  for (; r < rowsEnd; r += 4) {
    const xr = x + <usize>r * xs;
    const yr = y + <usize>r * ws;
    let j = 0;
    for (; j + 8 <= pout; j += 8) forward4x8(xr, xs, wt + (<usize>j << 2), ws, b + (<usize>j << 2), yr + (<usize>j << 2), nin, relu);
    if (j < pout) forward4x4(xr, xs, wt + (<usize>j << 2), ws, b + (<usize>j << 2), yr + (<usize>j << 2), nin, relu);
  }
  for (; r < count; ++r) {
    const xr = x + <usize>r * xs;
    const yr = y + <usize>r * ws;
    let j = 0;
    for (; j + 8 <= pout; j += 8) forward1x8(xr, wt + (<usize>j << 2), ws, b + (<usize>j << 2), yr + (<usize>j << 2), nin, relu);
    if (j < pout) forward1x4(xr, wt + (<usize>j << 2), ws, b + (<usize>j << 2), yr + (<usize>j << 2), nin, relu);
  }
}

@inline function forward4x8(x: usize, xs: usize, wt: usize, ws: usize, b: usize, y: usize, nin: i32, relu: bool): void {
  const b0 = v128.load(b);
  const b1 = v128.load(b, 16);
  let s00 = b0, s01 = b1, s10 = b0, s11 = b1, s20 = b0, s21 = b1, s30 = b0, s31 = b1;
  const x1 = x + xs;
  const x2 = x1 + xs;
  const x3 = x2 + xs;
  let w = wt;
  for (let i: usize = 0, n = <usize>nin << 2; i < n; i += 4) {
    const w0 = v128.load(w);
    const w1 = v128.load(w, 16);
    const v0 = v128.load32_splat(x + i);
    const v1 = v128.load32_splat(x1 + i);
    const v2 = v128.load32_splat(x2 + i);
    const v3 = v128.load32_splat(x3 + i);
    s00 = f32x4.add(s00, f32x4.mul(v0, w0));
    s01 = f32x4.add(s01, f32x4.mul(v0, w1));
    s10 = f32x4.add(s10, f32x4.mul(v1, w0));
    s11 = f32x4.add(s11, f32x4.mul(v1, w1));
    s20 = f32x4.add(s20, f32x4.mul(v2, w0));
    s21 = f32x4.add(s21, f32x4.mul(v2, w1));
    s30 = f32x4.add(s30, f32x4.mul(v3, w0));
    s31 = f32x4.add(s31, f32x4.mul(v3, w1));
    w += ws;
  }
  const y1 = y + ws;
  const y2 = y1 + ws;
  const y3 = y2 + ws;
  v128.store(y, rectify(s00, relu));
  v128.store(y, rectify(s01, relu), 16);
  v128.store(y1, rectify(s10, relu));
  v128.store(y1, rectify(s11, relu), 16);
  v128.store(y2, rectify(s20, relu));
  v128.store(y2, rectify(s21, relu), 16);
  v128.store(y3, rectify(s30, relu));
  v128.store(y3, rectify(s31, relu), 16);
}

@inline function forward4x4(x: usize, xs: usize, wt: usize, ws: usize, b: usize, y: usize, nin: i32, relu: bool): void {
  const b0 = v128.load(b);
  let s0 = b0, s1 = b0, s2 = b0, s3 = b0;
  const x1 = x + xs;
  const x2 = x1 + xs;
  const x3 = x2 + xs;
  let w = wt;
  for (let i: usize = 0, n = <usize>nin << 2; i < n; i += 4) {
    const w0 = v128.load(w);
    s0 = f32x4.add(s0, f32x4.mul(v128.load32_splat(x + i), w0));
    s1 = f32x4.add(s1, f32x4.mul(v128.load32_splat(x1 + i), w0));
    s2 = f32x4.add(s2, f32x4.mul(v128.load32_splat(x2 + i), w0));
    s3 = f32x4.add(s3, f32x4.mul(v128.load32_splat(x3 + i), w0));
    w += ws;
  }
  v128.store(y, rectify(s0, relu));
  v128.store(y + ws, rectify(s1, relu));
  v128.store(y + 2 * ws, rectify(s2, relu));
  v128.store(y + 3 * ws, rectify(s3, relu));
}

@inline function forward1x8(x: usize, wt: usize, ws: usize, b: usize, y: usize, nin: i32, relu: bool): void {
  let s0 = v128.load(b);
  let s1 = v128.load(b, 16);
  let w = wt;
  for (let i: usize = 0, n = <usize>nin << 2; i < n; i += 4) {
    const v = v128.load32_splat(x + i);
    s0 = f32x4.add(s0, f32x4.mul(v, v128.load(w)));
    s1 = f32x4.add(s1, f32x4.mul(v, v128.load(w, 16)));
    w += ws;
  }
  v128.store(y, rectify(s0, relu));
  v128.store(y, rectify(s1, relu), 16);
}

@inline function forward1x4(x: usize, wt: usize, ws: usize, b: usize, y: usize, nin: i32, relu: bool): void {
  let s0 = v128.load(b);
  let w = wt;
  for (let i: usize = 0, n = <usize>nin << 2; i < n; i += 4) {
    s0 = f32x4.add(s0, f32x4.mul(v128.load32_splat(x + i), v128.load(w)));
    w += ws;
  }
  v128.store(y, rectify(s0, relu));
}

function zeroColumns(y: usize, count: i32, nout: i32, pout: i32): void {
  for (let r = 0; r < count; ++r) {
    const row = y + <usize>(r * pout) * 4;
    for (let j = nout; j < pout; ++j) store<f32>(row + (<usize>j << 2), 0);
  }
}

// ---- activations ----

/** s > 0 ? s : 0 (as fused.ts: NaN → 0) if relu, else s. */
@inline function rectify(s: v128, relu: bool): v128 {
  return relu ? f32x4.pmax(f32x4.splat(0), s) : s;
}

/**
 * tanh or sigmoid over y[0..length), in a pass of its own: inside the forward
 * blocks, the optimiser would turn the choice between them into a select and
 * evaluate both for every output.
 */
function squash(y: usize, length: i32, act: i32): void {
  const end = y + (<usize>length << 2);
  if (act == TANH) {
    for (let o = y; o < end; o += 16) v128.store(o, tanh4(v128.load(o)));
  } else {
    for (let o = y; o < end; o += 16) v128.store(o, sigmoid4(v128.load(o)));
  }
}

/** g ⊙ f′, with f′ written in terms of the activation's output y. */
@inline function activationBackward(g: v128, y: v128, act: i32): v128 {
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

// ---- loss ----

/**
 * The batch loss (float64 sum of float32 errors) and ∂loss/∂output ⊙ f′ into d.
 * kind 0: MSE over every coordinate; 1: ½ squared error per row, averaged.
 */
function lossGradient(count: i32, y: usize, d: usize, pout: i32, act: i32): f64 {
  const dout = word(G_DOUT);
  const kind = word(G_LOSS);
  const targets = <usize>word(G_TARGETS);
  const batch = <usize>word(G_BATCH);
  const scale: f32 = kind == 0 ? <f32>(2.0 / <f64>(count * dout)) : <f32>(1.0 / <f64>count);
  let sum: f64 = 0;
  for (let r = 0; r < count; ++r) {
    const t = targets + <usize>(load<i32>(batch + (<usize>r << 2)) * dout) * 4;
    const row = <usize>(r * pout) * 4;
    for (let k = 0; k < dout; ++k) {
      const e: f32 = load<f32>(y + row + (<usize>k << 2)) - load<f32>(t + (<usize>k << 2));
      sum += <f64>e * <f64>e;
      store<f32>(d + row + (<usize>k << 2), scale * e);
    }
    for (let k = dout; k < pout; ++k) store<f32>(d + row + (<usize>k << 2), 0);
  }
  if (act != LINEAR) {
    for (let o: usize = 0, n = <usize>(count * pout) * 4; o < n; o += 16) {
      v128.store(d + o, activationBackward(v128.load(d + o), v128.load(y + o), act));
    }
  }
  return kind == 0 ? sum / <f64>(count * dout) : (0.5 * sum) / <f64>count;
}

// ---- backward ----

/**
 * gb[j] = Σ_r d[r, j]; gWT[i, j] = Σ_r x[r, i] d[r, j], rows summed in order.
 * Blocks of four inputs × eight outputs: each d row loaded serves four inputs.
 */
function weightGradient(x: usize, d: usize, gw: usize, gb: usize, count: i32, pin: i32, pout: i32): void {
  const xs = <usize>pin << 2;
  const ds = <usize>pout << 2;
  for (let j: usize = 0; j < ds; j += 16) {
    let s = f32x4.splat(0);
    for (let r = 0; r < count; ++r) s = f32x4.add(s, v128.load(d + <usize>r * ds + j));
    v128.store(gb + j, s);
  }
  for (let i: usize = 0; i < xs; i += 16) {
    const g = gw + i * <usize>pout; // row i of gWT (i counts bytes of x, so i·pout bytes = (i/4) rows)
    let j: usize = 0;
    for (; j + 32 <= ds; j += 32) {
      let s00 = f32x4.splat(0), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00, s31 = s00;
      for (let r = 0; r < count; ++r) {
        const dr = d + <usize>r * ds + j;
        const xr = x + <usize>r * xs + i;
        const d0 = v128.load(dr);
        const d1 = v128.load(dr, 16);
        const v0 = v128.load32_splat(xr);
        const v1 = v128.load32_splat(xr, 4);
        const v2 = v128.load32_splat(xr, 8);
        const v3 = v128.load32_splat(xr, 12);
        s00 = f32x4.add(s00, f32x4.mul(v0, d0));
        s01 = f32x4.add(s01, f32x4.mul(v0, d1));
        s10 = f32x4.add(s10, f32x4.mul(v1, d0));
        s11 = f32x4.add(s11, f32x4.mul(v1, d1));
        s20 = f32x4.add(s20, f32x4.mul(v2, d0));
        s21 = f32x4.add(s21, f32x4.mul(v2, d1));
        s30 = f32x4.add(s30, f32x4.mul(v3, d0));
        s31 = f32x4.add(s31, f32x4.mul(v3, d1));
      }
      const g0 = g + j;
      v128.store(g0, s00);
      v128.store(g0, s01, 16);
      v128.store(g0 + ds, s10);
      v128.store(g0 + ds, s11, 16);
      v128.store(g0 + 2 * ds, s20);
      v128.store(g0 + 2 * ds, s21, 16);
      v128.store(g0 + 3 * ds, s30);
      v128.store(g0 + 3 * ds, s31, 16);
    }
    if (j < ds) {
      let s0 = f32x4.splat(0), s1 = s0, s2 = s0, s3 = s0;
      for (let r = 0; r < count; ++r) {
        const d0 = v128.load(d + <usize>r * ds + j);
        const xr = x + <usize>r * xs + i;
        s0 = f32x4.add(s0, f32x4.mul(v128.load32_splat(xr), d0));
        s1 = f32x4.add(s1, f32x4.mul(v128.load32_splat(xr, 4), d0));
        s2 = f32x4.add(s2, f32x4.mul(v128.load32_splat(xr, 8), d0));
        s3 = f32x4.add(s3, f32x4.mul(v128.load32_splat(xr, 12), d0));
      }
      const g0 = g + j;
      v128.store(g0, s0);
      v128.store(g0 + ds, s1);
      v128.store(g0 + 2 * ds, s2);
      v128.store(g0 + 3 * ds, s3);
    }
  }
}

/** [Σ lanes of a, Σ lanes of b, Σ lanes of c, Σ lanes of e]. */
@inline function sum4(a: v128, b: v128, c: v128, e: v128): v128 {
  const ab = f32x4.add(v128.shuffle<f32>(a, b, 0, 4, 1, 5), v128.shuffle<f32>(a, b, 2, 6, 3, 7));
  const ce = f32x4.add(v128.shuffle<f32>(c, e, 0, 4, 1, 5), v128.shuffle<f32>(c, e, 2, 6, 3, 7));
  return f32x4.add(v128.shuffle<f32>(ab, ce, 0, 1, 4, 5), v128.shuffle<f32>(ab, ce, 2, 3, 6, 7));
}

/**
 * dx[r, i] = f′(a[r, i]) · Σ_j d[r, j] WT[i, j]: two rows × four inputs per block,
 * four partial sums per dot product (one per lane) added at the end.
 */
function inputGradient(d: usize, wt: usize, dx: usize, a: usize, count: i32, pin: i32, pout: i32, act: i32): void {
  const ds = <usize>pout << 2;
  const xs = <usize>pin << 2;
  const rowsEnd = count & ~1;
  let r = 0;
  for (; r < rowsEnd; r += 2) {
    const d0r = d + <usize>r * ds;
    const d1r = d0r + ds;
    const o0 = <usize>r * xs;
    const o1 = o0 + xs;
    for (let i: usize = 0; i < xs; i += 16) {
      const w0r = wt + i * <usize>pout;
      const w1r = w0r + ds;
      const w2r = w1r + ds;
      const w3r = w2r + ds;
      let s00 = f32x4.splat(0), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
      for (let j: usize = 0; j < ds; j += 16) {
        const e0 = v128.load(d0r + j);
        const e1 = v128.load(d1r + j);
        const w0 = v128.load(w0r + j);
        const w1 = v128.load(w1r + j);
        const w2 = v128.load(w2r + j);
        const w3 = v128.load(w3r + j);
        s00 = f32x4.add(s00, f32x4.mul(e0, w0));
        s01 = f32x4.add(s01, f32x4.mul(e0, w1));
        s02 = f32x4.add(s02, f32x4.mul(e0, w2));
        s03 = f32x4.add(s03, f32x4.mul(e0, w3));
        s10 = f32x4.add(s10, f32x4.mul(e1, w0));
        s11 = f32x4.add(s11, f32x4.mul(e1, w1));
        s12 = f32x4.add(s12, f32x4.mul(e1, w2));
        s13 = f32x4.add(s13, f32x4.mul(e1, w3));
      }
      v128.store(dx + o0 + i, activationBackward(sum4(s00, s01, s02, s03), v128.load(a + o0 + i), act));
      v128.store(dx + o1 + i, activationBackward(sum4(s10, s11, s12, s13), v128.load(a + o1 + i), act));
    }
  }
  for (; r < count; ++r) {
    const d0r = d + <usize>r * ds;
    const o0 = <usize>r * xs;
    for (let i: usize = 0; i < xs; i += 16) {
      const w0r = wt + i * <usize>pout;
      let s0 = f32x4.splat(0), s1 = s0, s2 = s0, s3 = s0;
      for (let j: usize = 0; j < ds; j += 16) {
        const e0 = v128.load(d0r + j);
        s0 = f32x4.add(s0, f32x4.mul(e0, v128.load(w0r + j)));
        s1 = f32x4.add(s1, f32x4.mul(e0, v128.load(w0r + ds + j)));
        s2 = f32x4.add(s2, f32x4.mul(e0, v128.load(w0r + 2 * ds + j)));
        s3 = f32x4.add(s3, f32x4.mul(e0, v128.load(w0r + 3 * ds + j)));
      }
      v128.store(dx + o0 + i, activationBackward(sum4(s0, s1, s2, s3), v128.load(a + o0 + i), act));
    }
  }
}

// ---- optimiser and regularisation ----

/**
 * Adam in PyTorch's form, as fused.ts computes it (m ← β₁m + (1−β₁)g,
 * v ← β₂v + ((1−β₂)g)g, p ← p − (lr/bc₁)·m / (√v·(1/√bc₂) + ε), bc_i = 1 − β_i^t),
 * or SGD (p ← p − lr·g)
 * on every trainable layer; then the weights' penalty, with its derivative at
 * the weight before this update. L1: a weight carried across zero is set to
 * exactly zero and stays zero.
 */
function update(): void {
  const layers = word(G_LAYERS);
  const adam = word(G_OPT) == 0;
  const reg = word(G_REG);
  const lr = real(F_LR);
  let stepSize: f32 = <f32>lr;
  let invSqrtBc2: f32 = 1;
  if (adam) {
    // β^t by repeated multiplication in float64: the same bits everywhere (no host pow).
    const p1 = real(F_BETA1_POW) * real(F_BETA1);
    const p2 = real(F_BETA2_POW) * real(F_BETA2);
    store<f64>(header + F_BETA1_POW, p1);
    store<f64>(header + F_BETA2_POW, p2);
    stepSize = <f32>(lr / (1 - p1));
    invSqrtBc2 = <f32>(1 / Math.sqrt(1 - p2));
  }
  const c: f32 = <f32>(lr * real(F_RATE));
  const params = <usize>word(G_PARAMS);
  for (let l = 0; l < layers; ++l) {
    if (!field(l, L_TRAINABLE)) continue;
    const w = <usize>field(l, L_W);
    const b = <usize>field(l, L_B);
    const end = <usize>field(l, L_END);
    if (adam) {
      adamRange(w, b, stepSize, invSqrtBc2, reg, c);
      adamRange(b, end, stepSize, invSqrtBc2, 0, 0);
    } else {
      sgdRange(params, w, b, stepSize, reg, c);
      sgdRange(params, b, end, stepSize, 0, 0);
    }
  }
}

/**
 * Subnormal lanes (|x| < 2⁻¹²⁶) → 0. Arithmetic on subnormal numbers is many times
 * slower, and Adam's m for a weight whose gradient is exactly zero (a dead ReLU
 * unit) decays into them and stays: 0.9 × the smallest subnormals rounds back to
 * themselves. Their share of a step is below 1e-30 of the weight, so flushing
 * them (as CPUs do in flush-to-zero mode) changes no weight.
 */
@inline function flushSubnormal(x: v128): v128 {
  return v128.and(x, f32x4.ge(f32x4.abs(x), f32x4.splat(1.1754943508222875e-38)));
}

function adamRange(start: usize, end: usize, stepSize: f32, invSqrtBc2: f32, reg: i32, c: f32): void {
  const P = <usize>word(G_PARAMS);
  const G = <usize>word(G_GRAD);
  const M = <usize>word(G_M);
  const V = <usize>word(G_V);
  const D = <usize>word(G_DEAD);
  const b1 = f32x4.splat(<f32>real(F_BETA1));
  const b2 = f32x4.splat(<f32>real(F_BETA2));
  const c1 = f32x4.splat(<f32>(1 - real(F_BETA1)));
  const c2 = f32x4.splat(<f32>(1 - real(F_BETA2)));
  const eps = f32x4.splat(<f32>real(F_EPS));
  const ss = f32x4.splat(stepSize);
  const sb = f32x4.splat(invSqrtBc2);
  const cc = f32x4.splat(c);
  // Without a penalty (every autoencoder) the loop tests nothing.
  if (reg == 0) {
    for (let o = start; o < end; o += 16) {
      const g = v128.load(G + o);
      const m = flushSubnormal(f32x4.add(f32x4.mul(v128.load(M + o), b1), f32x4.mul(g, c1)));
      const v = flushSubnormal(f32x4.add(f32x4.mul(v128.load(V + o), b2), f32x4.mul(f32x4.mul(g, c2), g)));
      v128.store(M + o, m);
      v128.store(V + o, v);
      const p = v128.load(P + o);
      v128.store(P + o, f32x4.sub(p, f32x4.div(f32x4.mul(ss, m), f32x4.add(f32x4.mul(f32x4.sqrt(v), sb), eps))));
    }
    return;
  }
  for (let o = start; o < end; o += 16) {
    const g = v128.load(G + o);
    const m = flushSubnormal(f32x4.add(f32x4.mul(v128.load(M + o), b1), f32x4.mul(g, c1)));
    const v = flushSubnormal(f32x4.add(f32x4.mul(v128.load(V + o), b2), f32x4.mul(f32x4.mul(g, c2), g)));
    v128.store(M + o, m);
    v128.store(V + o, v);
    const before = v128.load(P + o);
    const after = f32x4.sub(before, f32x4.div(f32x4.mul(ss, m), f32x4.add(f32x4.mul(f32x4.sqrt(v), sb), eps)));
    v128.store(P + o, penalize(after, before, D + o, reg, cc));
  }
}

function sgdRange(P: usize, start: usize, end: usize, lr: f32, reg: i32, c: f32): void {
  const G = <usize>word(G_GRAD);
  const D = <usize>word(G_DEAD);
  const rate = f32x4.splat(lr);
  const cc = f32x4.splat(c);
  for (let o = start; o < end; o += 16) {
    const before = v128.load(P + o);
    const after = f32x4.sub(before, f32x4.mul(rate, v128.load(G + o)));
    v128.store(P + o, penalize(after, before, D + o, reg, cc));
  }
}

/** The weight after the penalty: L2 moves it by −c·w_before; L1 by −c·sign(w_before), to exactly 0 if that crosses zero. */
@inline function penalize(after: v128, before: v128, dead: usize, reg: i32, c: v128): v128 {
  if (reg == 2) return f32x4.sub(after, f32x4.mul(c, before));
  if (reg == 1) {
    const zero = f32x4.splat(0);
    const one = f32x4.splat(1);
    const sign = f32x4.sub(v128.and(f32x4.gt(before, zero), one), v128.and(f32x4.lt(before, zero), one));
    const moved = f32x4.sub(after, f32x4.mul(c, sign));
    const gone = v128.or(v128.load(dead), f32x4.lt(f32x4.mul(after, moved), zero));
    v128.store(dead, gone);
    return v128.andnot(moved, gone);
  }
  return after;
}
