// The optimiser (Adam or SGD) and the weights' penalty, over every trainable layer.
import {F_BETA1, F_BETA1_POW, F_BETA2, F_BETA2_POW, F_EPS, F_LR, F_RATE, G_DEAD, G_GRAD, G_LAYERS, G_M, G_OPT, G_PARAMS, G_REG, G_V, L_B, L_END, L_TRAINABLE, L_W, field, real, setReal, word} from "./header";

/**
 * Adam in PyTorch's form, as fused.ts computes it (m ← β₁m + (1−β₁)g,
 * v ← β₂v + ((1−β₂)g)g, p ← p − (lr/bc₁)·m / (√v·(1/√bc₂) + ε), bc_i = 1 − β_i^t),
 * or SGD (p ← p − lr·g)
 * on every trainable layer; then the weights' penalty, with its derivative at
 * the weight before this update. L1: a weight carried across zero is set to
 * exactly zero and stays zero.
 */
export function update(): void {
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
    setReal(F_BETA1_POW, p1);
    setReal(F_BETA2_POW, p2);
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

