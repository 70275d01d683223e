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
import {LINEAR, RELU, SIGMOID, TANH, activationBackward, squash} from "./activations";
import {denseForward, inputGradient, weightGradient, zeroColumns} from "./dense";
import {
  G_BATCH, G_DOUT, G_FIRST, G_GRAD, G_INPUTS, G_LAYERS, G_LOSS, G_PARAMS, G_TARGETS,
  L_ACT, L_A_IN, L_A_OUT, L_B, L_D_IN, L_D_OUT, L_IN, L_OUT, L_PIN, L_POUT, L_TRAINABLE, L_W,
  field, setHeaderAddress, word
} from "./header";
import {update} from "./optimizer";

export function heapBase(): usize {
  return __heap_base;
}

export function setHeader(address: usize): void {
  setHeaderAddress(address);
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

