// The header the host writes (must match the constants at the top of ../wasm-engine.ts):
// where every buffer lives, the settings of the problem and one record per layer.

// i32 words
export const G_LAYERS = 0;
export const G_LOSS = 1; // 0: mse, 1: half-se
export const G_OPT = 2; // 0: adam, 1: sgd
export const G_REG = 3; // 0: none, 1: l1, 2: l2
export const G_FIRST = 4; // first trainable layer
export const G_INPUTS = 5; // f32 [n, p_0]
export const G_TARGETS = 6; // f32 [n, dout]
export const G_BATCH = 7; // i32 [capacity]
export const G_DOUT = 8;
export const G_PARAMS = 9; // f32 parameter region (all layers)
export const G_GRAD = 10; // same layout
export const G_M = 11;
export const G_V = 12;
export const G_DEAD = 13; // L1: i32 masks, same layout
// f64 fields, byte offsets
export const F_LR = 64;
export const F_BETA1 = 72;
export const F_BETA2 = 80;
export const F_EPS = 88;
export const F_RATE = 96;
export const F_BETA1_POW = 104; // beta1^t, updated here every Adam step
export const F_BETA2_POW = 112;
// layer records: 16 i32 words each, from byte 128
export const LAYERS = 128;
export const LAYER_BYTES = 64;
export const L_IN = 0;
export const L_OUT = 1;
export const L_PIN = 2;
export const L_POUT = 3;
export const L_ACT = 4;
export const L_TRAINABLE = 5;
export const L_W = 6; // byte offset of WT in the parameter region
export const L_B = 7; // byte offset of the bias
export const L_END = 8; // byte offset just past the bias
export const L_A_IN = 9; // address of A_l
export const L_A_OUT = 10; // address of A_{l+1}
export const L_D_IN = 11; // address of D_l (unused for l = 0)
export const L_D_OUT = 12; // address of D_{l+1}

let header: usize = 0;

export function setHeaderAddress(address: usize): void {
  header = address;
}

@inline export function word(k: i32): i32 {
  return load<i32>(header + (<usize>k << 2));
}

@inline export function real(offset: i32): f64 {
  return load<f64>(header + <usize>offset);
}

@inline export function setReal(offset: i32, value: f64): void {
  store<f64>(header + <usize>offset, value);
}

@inline export function field(l: i32, k: i32): i32 {
  return load<i32>(header + LAYERS + <usize>(l * LAYER_BYTES) + (<usize>k << 2));
}
