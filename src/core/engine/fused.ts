/**
 * The fast training path: one fused step over typed arrays. Forward pass,
 * backward pass and optimiser update run as plain loops over one flat Float64Array
 * of parameters, with every buffer allocated once. A step of the big autoencoder
 * is ~0.6 MFLOP; tfjs spends that in ~370 tiny kernel dispatches, this step spends
 * it in a handful of tight loops. `tfjs-engine.ts` computes the same step with
 * tfjs's own autodiff and optimisers; the tests hold the two to the same loss
 * trajectory.
 *
 * The kernels are small module-level functions of typed arrays and numbers only:
 * V8 optimises such functions far better than loops inside one large closure.
 */
import {layerCount, layout, weightMask} from "./mlp.js";
import type {Activation, LayerLayout} from "./mlp.js";
import {powInt, sigmoid, tanh} from "./portable-math.js";
import type {Problem, StepEngine} from "./problem.js";
import {trainableLayers, validateProblem} from "./problem.js";

const LINEAR = 0;
const RELU = 1;
const TANH = 2;
const SIGMOID = 3;
const ACT_CODE: Record<Activation, number> = {linear: LINEAR, relu: RELU, tanh: TANH, sigmoid: SIGMOID};

export interface FusedEngine extends StepEngine {
  /**
   * The batch loss and its gradient at the current parameters, without updating
   * (frozen layers get a zero gradient). For tests against finite differences.
   */
  lossAndGradient(batch: ArrayLike<number>, count: number): {loss: number; grad: Float64Array};
}

export function createFusedEngine(problem: Problem, initial: Float64Array): FusedEngine {
  validateProblem(problem);
  const {spec, inputs, targets, optimizer} = problem;
  const L = layerCount(spec);
  const layers: LayerLayout[] = layout(spec);
  const acts = spec.activations.map((a) => ACT_CODE[a]);
  const trainable = trainableLayers(problem);
  const firstTrainable = trainable.indexOf(true);
  const size = layers[L - 1].b + layers[L - 1].out;
  if (initial.length !== size) throw new RangeError(`expected ${size} parameters, got ${initial.length}`);

  const params = Float64Array.from(initial);
  const grad = new Float64Array(size);
  const m = new Float64Array(optimizer.kind === "adam" ? size : 0);
  const v = new Float64Array(optimizer.kind === "adam" ? size : 0);
  let t = 0;

  // The parameter ranges the optimiser updates: one [start, end) per trainable layer.
  const ranges = layers.filter((_, l) => trainable[l]).map((ly) => [ly.w, ly.b + ly.out] as const);
  const reg = problem.regularization ?? {kind: "none", rate: 0};
  const isWeight = weightMask(spec);
  const dead = new Uint8Array(size); // L1: weights pinned at exactly zero
  let anyDead = false;
  const regularize = reg.kind !== "none" && reg.rate > 0;
  // The Playground evaluates the penalty's derivative at the weight before the step.
  const before = new Float64Array(regularize ? size : 0);

  const din = spec.widths[0];
  const dout = spec.widths[L];
  const lossKind = problem.loss === "mse" ? 0 : 1;
  let capacity = 0;
  let a: Float64Array[] = []; // a[l]: activations after layer l (a[0]: the input batch)
  let d: Float64Array[] = []; // d[l]: ∂loss/∂(pre-activation of layer l), l = 1..L

  /** Forward and backward: fills `grad` and returns the batch loss. */
  function compute(batch: ArrayLike<number>, count: number): number {
    if (!(count >= 1)) throw new RangeError("a batch needs at least one row");
    if (count > capacity) {
      capacity = count;
      a = spec.widths.map((w) => new Float64Array(count * w));
      d = spec.widths.map((w) => new Float64Array(count * w));
    }
    gatherRows(inputs, batch, count, din, a[0]);
    for (let l = 0; l < L; ++l) {
      const ly = layers[l];
      denseForward(params, ly.w, ly.b, a[l], a[l + 1], count, ly.in, ly.out, acts[l]);
    }
    const loss = lossGradient(a[L], targets, batch, count, dout, lossKind, d[L]);
    activationBackward(d[L], a[L], count * dout, acts[L - 1]);
    grad.fill(0);
    for (let l = L - 1; l >= firstTrainable; --l) {
      const ly = layers[l];
      if (trainable[l]) denseBackwardParams(grad, ly.w, ly.b, a[l], d[l + 1], count, ly.in, ly.out);
      if (l > firstTrainable) {
        denseBackwardInput(params, ly.w, d[l + 1], d[l], count, ly.in, ly.out);
        activationBackward(d[l], a[l], count * ly.in, acts[l - 1]);
      }
    }
    return loss;
  }

  function step(batch: ArrayLike<number>, count: number): number {
    const loss = compute(batch, count);
    if (regularize) before.set(params);
    if (optimizer.kind === "adam") {
      ++t;
      const bc1 = 1 - powInt(optimizer.beta1, t);
      const bc2 = 1 - powInt(optimizer.beta2, t);
      for (const [start, end] of ranges) {
        adamUpdate(
          params,
          grad,
          m,
          v,
          start,
          end,
          optimizer.lr,
          optimizer.beta1,
          optimizer.beta2,
          optimizer.eps,
          bc1,
          bc2
        );
      }
    } else {
      for (const [start, end] of ranges) sgdUpdate(params, grad, start, end, optimizer.lr);
    }
    if (anyDead) for (const [start, end] of ranges) zeroWhere(params, dead, start, end);
    if (regularize) {
      const c = optimizer.lr * reg.rate;
      for (const [start, end] of ranges) {
        if (reg.kind === "l2") l2Shrink(params, before, isWeight, start, end, c);
        else anyDead = l1Shrink(params, before, isWeight, dead, start, end, c) || anyDead;
      }
    }
    return loss;
  }

  return {
    problem,
    step,
    lossAndGradient(batch, count) {
      const loss = compute(batch, count);
      return {loss, grad: Float64Array.from(grad)};
    },
    getParams: () => Float64Array.from(params),
    setParams(next) {
      if (next.length !== size) throw new RangeError(`expected ${size} parameters, got ${next.length}`);
      params.set(next);
    },
    dispose() {
      capacity = 0;
      a = [];
      d = [];
    }
  };
}

function gatherRows(
  src: Float64Array,
  batch: ArrayLike<number>,
  count: number,
  width: number,
  out: Float64Array
): void {
  for (let r = 0; r < count; ++r) {
    const s = batch[r] * width;
    const o = r * width;
    for (let i = 0; i < width; ++i) out[o + i] = src[s + i];
  }
}

/**
 * y[r, j] = act(b[j] + Σ_i W[j, i] x[r, i]) with W stored [out, in] at offset w.
 * Rows go four at a time so that each weight loaded serves four rows.
 */
function denseForward(
  p: Float64Array,
  w: number,
  b: number,
  x: Float64Array,
  y: Float64Array,
  count: number,
  nin: number,
  nout: number,
  act: number
): void {
  let r = 0;
  for (; r + 3 < count; r += 4) {
    const x0 = r * nin;
    const x1 = x0 + nin;
    const x2 = x1 + nin;
    const x3 = x2 + nin;
    for (let j = 0; j < nout; ++j) {
      const wj = w + j * nin;
      const bj = p[b + j];
      let s0 = bj;
      let s1 = bj;
      let s2 = bj;
      let s3 = bj;
      for (let i = 0; i < nin; ++i) {
        const wi = p[wj + i];
        s0 += wi * x[x0 + i];
        s1 += wi * x[x1 + i];
        s2 += wi * x[x2 + i];
        s3 += wi * x[x3 + i];
      }
      y[r * nout + j] = activation(s0, act);
      y[(r + 1) * nout + j] = activation(s1, act);
      y[(r + 2) * nout + j] = activation(s2, act);
      y[(r + 3) * nout + j] = activation(s3, act);
    }
  }
  for (; r < count; ++r) {
    const xr = r * nin;
    for (let j = 0; j < nout; ++j) {
      const wj = w + j * nin;
      let s = p[b + j];
      for (let i = 0; i < nin; ++i) s += p[wj + i] * x[xr + i];
      y[r * nout + j] = activation(s, act);
    }
  }
}

function activation(s: number, act: number): number {
  if (act === RELU) return s > 0 ? s : 0;
  if (act === TANH) return tanh(s);
  if (act === SIGMOID) return sigmoid(s);
  return s;
}

/** Loss of the batch; writes ∂loss/∂output into g. kind 0: MSE over all coordinates; 1: ½ squared error per row, averaged. */
function lossGradient(
  out: Float64Array,
  targets: Float64Array,
  batch: ArrayLike<number>,
  count: number,
  dout: number,
  kind: number,
  g: Float64Array
): number {
  const scale = kind === 0 ? 2 / (count * dout) : 1 / count;
  let sum = 0;
  for (let r = 0; r < count; ++r) {
    const tr = batch[r] * dout;
    const o = r * dout;
    for (let k = 0; k < dout; ++k) {
      const e = out[o + k] - targets[tr + k];
      sum += e * e;
      g[o + k] = scale * e;
    }
  }
  return kind === 0 ? sum / (count * dout) : (0.5 * sum) / count;
}

/** g ← g ⊙ f′, with f′ written in terms of the activation's output y. */
function activationBackward(g: Float64Array, y: Float64Array, length: number, act: number): void {
  if (act === RELU) {
    for (let k = 0; k < length; ++k) if (!(y[k] > 0)) g[k] = 0;
  } else if (act === TANH) {
    for (let k = 0; k < length; ++k) g[k] *= 1 - y[k] * y[k];
  } else if (act === SIGMOID) {
    for (let k = 0; k < length; ++k) g[k] *= y[k] * (1 - y[k]);
  }
}

/** grad[W] += dyᵀ x, grad[b] += Σ_r dy[r]; rows four at a time, so each gradient entry is loaded and stored once per four rows. */
function denseBackwardParams(
  grad: Float64Array,
  w: number,
  b: number,
  x: Float64Array,
  dy: Float64Array,
  count: number,
  nin: number,
  nout: number
): void {
  let r = 0;
  for (; r + 3 < count; r += 4) {
    const x0 = r * nin;
    const x1 = x0 + nin;
    const x2 = x1 + nin;
    const x3 = x2 + nin;
    for (let j = 0; j < nout; ++j) {
      const g0 = dy[r * nout + j];
      const g1 = dy[(r + 1) * nout + j];
      const g2 = dy[(r + 2) * nout + j];
      const g3 = dy[(r + 3) * nout + j];
      if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) continue;
      grad[b + j] += g0 + g1 + g2 + g3;
      const wj = w + j * nin;
      for (let i = 0; i < nin; ++i) {
        grad[wj + i] += g0 * x[x0 + i] + g1 * x[x1 + i] + g2 * x[x2 + i] + g3 * x[x3 + i];
      }
    }
  }
  for (; r < count; ++r) {
    const xr = r * nin;
    for (let j = 0; j < nout; ++j) {
      const g = dy[r * nout + j];
      if (g === 0) continue;
      grad[b + j] += g;
      const wj = w + j * nin;
      for (let i = 0; i < nin; ++i) grad[wj + i] += g * x[xr + i];
    }
  }
}

/** dx = dy W; output units four at a time, so each dx entry is loaded and stored once per four units. */
function denseBackwardInput(
  p: Float64Array,
  w: number,
  dy: Float64Array,
  dx: Float64Array,
  count: number,
  nin: number,
  nout: number
): void {
  dx.fill(0, 0, count * nin);
  for (let r = 0; r < count; ++r) {
    const xr = r * nin;
    const yr = r * nout;
    let j = 0;
    for (; j + 3 < nout; j += 4) {
      const g0 = dy[yr + j];
      const g1 = dy[yr + j + 1];
      const g2 = dy[yr + j + 2];
      const g3 = dy[yr + j + 3];
      if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) continue;
      const w0 = w + j * nin;
      const w1 = w0 + nin;
      const w2 = w1 + nin;
      const w3 = w2 + nin;
      for (let i = 0; i < nin; ++i) {
        dx[xr + i] += g0 * p[w0 + i] + g1 * p[w1 + i] + g2 * p[w2 + i] + g3 * p[w3 + i];
      }
    }
    for (; j < nout; ++j) {
      const g = dy[yr + j];
      if (g === 0) continue;
      const wj = w + j * nin;
      for (let i = 0; i < nin; ++i) dx[xr + i] += g * p[wj + i];
    }
  }
}

/** Adam in PyTorch's form: p −= (lr / bc1) · m / (√v / √bc2 + eps), with bc_i = 1 − β_i^t. */
function adamUpdate(
  p: Float64Array,
  grad: Float64Array,
  m: Float64Array,
  v: Float64Array,
  start: number,
  end: number,
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  bc1: number,
  bc2: number
): void {
  const c1 = 1 - beta1;
  const c2 = 1 - beta2;
  const stepSize = lr / bc1;
  const invSqrtBc2 = 1 / Math.sqrt(bc2);
  for (let k = start; k < end; ++k) {
    const g = grad[k];
    const mk = beta1 * m[k] + c1 * g;
    const vk = beta2 * v[k] + c2 * g * g;
    m[k] = mk;
    v[k] = vk;
    p[k] -= (stepSize * mk) / (Math.sqrt(vk) * invSqrtBc2 + eps);
  }
}

function sgdUpdate(p: Float64Array, grad: Float64Array, start: number, end: number, lr: number): void {
  for (let k = start; k < end; ++k) p[k] -= lr * grad[k];
}

function zeroWhere(p: Float64Array, mask: Uint8Array, start: number, end: number): void {
  for (let k = start; k < end; ++k) if (mask[k] === 1) p[k] = 0;
}

/** w ← w − c·w_before: L2's derivative, taken at the weight before this step's gradient update. */
function l2Shrink(
  p: Float64Array,
  before: Float64Array,
  isWeight: Uint8Array,
  start: number,
  end: number,
  c: number
): void {
  for (let k = start; k < end; ++k) if (isWeight[k] === 1) p[k] -= c * before[k];
}

/**
 * The Playground's L1 rule: w ← w − c·sign(w_before); a weight that this move
 * carries across zero is set to exactly zero and marked dead. Returns whether
 * any weight died in this call.
 */
function l1Shrink(
  p: Float64Array,
  before: Float64Array,
  isWeight: Uint8Array,
  dead: Uint8Array,
  start: number,
  end: number,
  c: number
): boolean {
  let died = false;
  for (let k = start; k < end; ++k) {
    if (isWeight[k] === 0 || dead[k] === 1) continue;
    const w = p[k];
    const b = before[k];
    const moved = w - c * (b > 0 ? 1 : b < 0 ? -1 : 0);
    if (w * moved < 0) {
      p[k] = 0;
      dead[k] = 1;
      died = true;
    } else {
      p[k] = moved;
    }
  }
  return died;
}
