/**
 * The training step of `fused.ts` as WebAssembly with 128-bit SIMD, in float32
 * (`assembly/`): the same `StepEngine`, several times faster. Parameters
 * cross the interface as Float64Array in the flat layout of `mlp.ts` and are
 * held inside as float32, weights transposed and padded (see the kernel's header
 * comment). The module is instantiated synchronously from bytes embedded in
 * `step-binary.ts`, so it works the same in loaders, Node worker threads and a
 * browser module worker. Standard SIMD has no fused multiply-add and tanh and
 * sigmoid are computed inside the module: every engine computes the same bits.
 */
import {layerCount, layout} from "../mlp.js";
import type {Activation, LayerLayout} from "../mlp.js";
import type {Problem, StepEngine} from "../problem.js";
import {trainableLayers, validateProblem} from "../problem.js";
import {STEP_WASM_BASE64} from "./step-binary.js";

export interface WasmEngine extends StepEngine {
  /** The batch loss and its gradient at the current parameters, without updating (frozen layers: zero). */
  lossAndGradient(batch: ArrayLike<number>, count: number): {loss: number; grad: Float64Array};
}

interface StepExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  setHeader(address: number): void;
  compute(count: number): number;
  step(count: number): number;
}

// The header the kernel reads (must match assembly/header.ts).
const G = {
  layers: 0,
  loss: 1,
  opt: 2,
  reg: 3,
  first: 4,
  inputs: 5,
  targets: 6,
  batch: 7,
  dout: 8,
  params: 9,
  grad: 10,
  m: 11,
  v: 12,
  dead: 13
};
const F = {lr: 64, beta1: 72, beta2: 80, eps: 88, rate: 96, beta1Pow: 104, beta2Pow: 112};
const LAYERS = 128;
const LAYER_BYTES = 64;
const L = {
  in: 0,
  out: 1,
  pin: 2,
  pout: 3,
  act: 4,
  trainable: 5,
  w: 6,
  b: 7,
  end: 8,
  aIn: 9,
  aOut: 10,
  dIn: 11,
  dOut: 12
};
const ACT_CODE: Record<Activation, number> = {linear: 0, relu: 1, tanh: 2, sigmoid: 3};
const PAGE = 65536;

let compiled: WebAssembly.Module | undefined;

/** The compiled module, once per realm (a thread or a page). */
function stepModule(): WebAssembly.Module {
  if (!compiled) {
    const text = atob(STEP_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let k = 0; k < text.length; ++k) bytes[k] = text.charCodeAt(k);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

const pad4 = (n: number) => (n + 3) & ~3;
const align16 = (n: number) => (n + 15) & ~15;

/** Where layer l lives in the float32 parameter region (in floats). */
interface PaddedLayer extends LayerLayout {
  readonly pin: number;
  readonly pout: number;
  /** Offsets in floats within the region: WT [pin, pout], bias [pout], end. */
  readonly wt: number;
  readonly bias: number;
  readonly end: number;
}

export interface WasmEngineOptions {
  /** Another build of the kernel (benchmarks of variants); default: the committed one. */
  readonly module?: WebAssembly.Module;
}

export function createWasmEngine(
  problem: Problem,
  initial: Float64Array,
  options: WasmEngineOptions = {}
): WasmEngine {
  validateProblem(problem);
  const {spec, optimizer} = problem;
  const nLayers = layerCount(spec);
  const trainable = trainableLayers(problem);
  const firstTrainable = trainable.indexOf(true);
  const flat = layout(spec);
  const size = flat[nLayers - 1].b + flat[nLayers - 1].out;
  if (initial.length !== size) throw new RangeError(`expected ${size} parameters, got ${initial.length}`);
  // Frozen layers never change: they are handed back exactly as given, not rounded to float32
  // (training computes with their float32 rounding all the same).
  let given = Float64Array.from(initial);

  let offset = 0;
  const layers: PaddedLayer[] = flat.map((ly) => {
    const pin = pad4(ly.in);
    const pout = pad4(ly.out);
    const wt = offset;
    offset += pin * pout + pout;
    return {...ly, pin, pout, wt, bias: wt + pin * pout, end: offset};
  });
  const regionFloats = offset;
  const widths = spec.widths.map(pad4);
  const din = spec.widths[0];
  const dout = spec.widths[nLayers];
  const n = problem.n;

  let instance: StepExports | null = instantiate();
  const ex = (): StepExports => {
    if (!instance) throw new Error("this engine has been disposed");
    return instance;
  };
  const e0 = ex();
  const header = align16(e0.heapBase());
  // Fixed part: header, parameter regions (params, grad, m, v, L1 masks), data. Then, sized
  // by the largest batch so far: batch indices, activations and their gradients.
  let at = align16(header + LAYERS + nLayers * LAYER_BYTES);
  const take = (bytes: number) => {
    const start = at;
    at = align16(at + bytes);
    return start;
  };
  const paramsAt = take(4 * regionFloats);
  const gradAt = take(4 * regionFloats);
  const mAt = take(4 * regionFloats);
  const vAt = take(4 * regionFloats);
  const deadAt = take(4 * regionFloats);
  const inputsAt = take(4 * n * widths[0]);
  const targetsAt = take(4 * n * dout);
  const batchAt = at;
  let capacity = 0;

  const reg = problem.regularization;
  const regKind = reg && reg.rate > 0 ? (reg.kind === "l1" ? 1 : reg.kind === "l2" ? 2 : 0) : 0;

  // Views of the module's memory, made again only when it grows (a grown buffer detaches the old views).
  let viewed: ArrayBuffer | null = null;
  let cached = {i32: new Int32Array(0), f32: new Float32Array(0), f64: new Float64Array(0)};
  function views() {
    const buffer = ex().memory.buffer;
    if (buffer !== viewed) {
      viewed = buffer;
      cached = {i32: new Int32Array(buffer), f32: new Float32Array(buffer), f64: new Float64Array(buffer)};
    }
    return cached;
  }

  /** Room for batches of `count` rows; grows memory and rewrites the header's addresses. */
  function reserve(count: number): void {
    if (count <= capacity) return;
    capacity = Math.max(count, 8);
    let p = align16(batchAt + 4 * capacity);
    const a = widths.map((w) => {
      const start = p;
      p = align16(p + 4 * capacity * w);
      return start;
    });
    const d = widths.map((w) => {
      const start = p;
      p = align16(p + 4 * capacity * w);
      return start;
    });
    const memory = ex().memory;
    if (p > memory.buffer.byteLength) memory.grow(Math.ceil((p - memory.buffer.byteLength) / PAGE));
    const {i32} = views();
    for (let l = 0; l < nLayers; ++l) {
      const r = (header + LAYERS + l * LAYER_BYTES) / 4;
      i32[r + L.aIn] = a[l];
      i32[r + L.aOut] = a[l + 1];
      i32[r + L.dIn] = d[l];
      i32[r + L.dOut] = d[l + 1];
    }
  }

  // Header, data and parameters.
  {
    const memory = e0.memory;
    if (at > memory.buffer.byteLength) memory.grow(Math.ceil((at - memory.buffer.byteLength) / PAGE));
    e0.setHeader(header);
    const {i32, f32, f64} = views();
    const h = header / 4;
    i32[h + G.layers] = nLayers;
    i32[h + G.loss] = problem.loss === "mse" ? 0 : 1;
    i32[h + G.opt] = optimizer.kind === "adam" ? 0 : 1;
    i32[h + G.reg] = regKind;
    i32[h + G.first] = firstTrainable;
    i32[h + G.inputs] = inputsAt;
    i32[h + G.targets] = targetsAt;
    i32[h + G.batch] = batchAt;
    i32[h + G.dout] = dout;
    i32[h + G.params] = paramsAt;
    i32[h + G.grad] = gradAt;
    i32[h + G.m] = mAt;
    i32[h + G.v] = vAt;
    i32[h + G.dead] = deadAt;
    const hf = header / 8;
    f64[hf + F.lr / 8] = optimizer.lr;
    f64[hf + F.beta1 / 8] = optimizer.kind === "adam" ? optimizer.beta1 : 0;
    f64[hf + F.beta2 / 8] = optimizer.kind === "adam" ? optimizer.beta2 : 0;
    f64[hf + F.eps / 8] = optimizer.kind === "adam" ? optimizer.eps : 0;
    f64[hf + F.rate / 8] = reg?.rate ?? 0;
    f64[hf + F.beta1Pow / 8] = 1;
    f64[hf + F.beta2Pow / 8] = 1;
    layers.forEach((ly, l) => {
      const r = (header + LAYERS + l * LAYER_BYTES) / 4;
      i32[r + L.in] = ly.in;
      i32[r + L.out] = ly.out;
      i32[r + L.pin] = ly.pin;
      i32[r + L.pout] = ly.pout;
      i32[r + L.act] = ACT_CODE[spec.activations[l]];
      i32[r + L.trainable] = trainable[l] ? 1 : 0;
      i32[r + L.w] = 4 * ly.wt;
      i32[r + L.b] = 4 * ly.bias;
      i32[r + L.end] = 4 * ly.end;
    });
    const p0 = widths[0];
    for (let r = 0; r < n; ++r) {
      for (let i = 0; i < din; ++i) f32[inputsAt / 4 + r * p0 + i] = problem.inputs[r * din + i];
    }
    f32.set(problem.targets, targetsAt / 4);
    writeParams(initial);
  }

  function instantiate(): StepExports {
    return new WebAssembly.Instance(options.module ?? stepModule(), {}).exports as unknown as StepExports;
  }

  function writeParams(values: Float64Array): void {
    given = Float64Array.from(values);
    const {f32} = views();
    const base = paramsAt / 4;
    for (const ly of layers) {
      for (let j = 0; j < ly.out; ++j) {
        for (let i = 0; i < ly.in; ++i) f32[base + ly.wt + i * ly.pout + j] = values[ly.w + j * ly.in + i];
        f32[base + ly.bias + j] = values[ly.b + j];
      }
    }
  }

  /** A float32 region (params or grad) → the flat float64 layout of mlp.ts. */
  function readRegion(at: number): Float64Array {
    const {f32} = views();
    const out = new Float64Array(size);
    const base = at / 4;
    for (const ly of layers) {
      for (let j = 0; j < ly.out; ++j) {
        for (let i = 0; i < ly.in; ++i) out[ly.w + j * ly.in + i] = f32[base + ly.wt + i * ly.pout + j];
        out[ly.b + j] = f32[base + ly.bias + j];
      }
    }
    return out;
  }

  function setBatch(batch: ArrayLike<number>, count: number): void {
    if (!(Number.isInteger(count) && count >= 1 && count <= batch.length)) {
      throw new RangeError(`a batch needs between 1 and ${batch.length} rows, got ${count}`);
    }
    reserve(count);
    const {i32} = views();
    const b = batchAt / 4;
    for (let r = 0; r < count; ++r) {
      const k = batch[r];
      if (!(Number.isInteger(k) && k >= 0 && k < n)) throw new RangeError(`row ${k} is not in [0, ${n})`);
      i32[b + r] = k;
    }
  }

  return {
    problem,
    step(batch, count) {
      setBatch(batch, count);
      return ex().step(count);
    },
    lossAndGradient(batch, count) {
      setBatch(batch, count);
      const loss = ex().compute(count);
      const grad = readRegion(gradAt);
      // The kernel leaves frozen layers' gradient untouched (zero from the start).
      return {loss, grad};
    },
    getParams() {
      const out = readRegion(paramsAt);
      flat.forEach((ly, l) => {
        if (!trainable[l]) out.set(given.subarray(ly.w, ly.b + ly.out), ly.w);
      });
      return out;
    },
    setParams(next) {
      if (next.length !== size) throw new RangeError(`expected ${size} parameters, got ${next.length}`);
      writeParams(next);
    },
    dispose() {
      instance = null;
    }
  };
}
