// The dense layer's three products, in blocks of registers: forward (with the bias and
// ReLU), the weight gradient and the input gradient. Pointers and widths in, no header.
import {activationBackward, rectify} from "./activations";

/**
 * y[r, j] = b[j] + Σ_i x[r, i] WT[i, j], summed from the bias in order of i, and
 * ReLU applied before the store if `relu`. Blocks of four rows × eight outputs
 * (eight accumulators), then four outputs, then single rows.
 */
export function denseForward(x: usize, wt: usize, b: usize, y: usize, count: i32, nin: i32, pin: i32, pout: i32, relu: bool): void {
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

export function zeroColumns(y: usize, count: i32, nout: i32, pout: i32): void {
  for (let r = 0; r < count; ++r) {
    const row = y + <usize>(r * pout) * 4;
    for (let j = nout; j < pout; ++j) store<f32>(row + (<usize>j << 2), 0);
  }
}

/**
 * gb[j] = Σ_r d[r, j]; gWT[i, j] = Σ_r x[r, i] d[r, j], rows summed in order.
 * Blocks of four inputs × eight outputs: each d row loaded serves four inputs.
 */
export function weightGradient(x: usize, d: usize, gw: usize, gb: usize, count: i32, pin: i32, pout: i32): void {
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
export function inputGradient(d: usize, wt: usize, dx: usize, a: usize, count: i32, pin: i32, pout: i32, act: i32): void {
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

