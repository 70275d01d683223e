/**
 * safetensors: an 8-byte little-endian header length, a JSON header
 * ({name: {dtype, shape, data_offsets}}, optional "__metadata__"), then the raw
 * little-endian data (offsets count from the end of the header).
 */
import type {StateDict, TensorDtype} from "./state-dict.js";
import {ModelFileError, dtypeRefusal, numel} from "./state-dict.js";

const DTYPES: Record<string, string> = {F32: "float32", F64: "float64", F16: "float16", BF16: "bfloat16"};

/** True when the bytes look like a safetensors file (a plausible header length, then "{"). */
export function looksLikeSafetensors(bytes: Uint8Array): boolean {
  if (bytes.length < 10) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  return n >= 2 && n <= bytes.length - 8 && bytes[8] === 0x7b;
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

export function readSafetensors(bytes: Uint8Array): StateDict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  let header: Record<string, HeaderEntry | Record<string, string>>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  } catch {
    throw new ModelFileError(
      "This safetensors file's header is not valid JSON: the file is damaged or cut short."
    );
  }
  const start = 8 + n;
  const dict: StateDict = {};
  for (const [key, raw] of Object.entries(header)) {
    if (key === "__metadata__") continue;
    const entry = raw as HeaderEntry;
    const dtype = DTYPES[entry.dtype] ?? String(entry.dtype);
    const refusal = dtypeRefusal(dtype, key);
    if (refusal) throw new ModelFileError(refusal);
    const [lo, hi] = entry.data_offsets ?? [];
    const size = dtype === "float64" ? 8 : 4;
    const count = numel(entry.shape ?? []);
    if (!Array.isArray(entry.shape) || !(lo >= 0) || hi !== lo + count * size || start + hi > bytes.length) {
      throw new ModelFileError(
        `The tensor ${key} runs past the end of this safetensors file: the file is damaged or cut short.`
      );
    }
    const data = dtype === "float64" ? new Float64Array(count) : new Float32Array(count);
    for (let k = 0; k < count; ++k) {
      const at = start + lo + k * size;
      data[k] = size === 8 ? view.getFloat64(at, true) : view.getFloat32(at, true);
    }
    dict[key] = {shape: entry.shape, dtype: dtype as TensorDtype, data};
  }
  return dict;
}
