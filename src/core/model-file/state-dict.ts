/**
 * A model file read into plain data: every tensor's shape, dtype and values,
 * keyed as in PyTorch's `state_dict`. The readers of every format return this, or
 * throw a `ModelFileError` whose message is written for the reader of the page.
 */

export type TensorDtype = "float32" | "float64";

export interface Tensor {
  readonly shape: readonly number[];
  readonly dtype: TensorDtype;
  readonly data: Float32Array | Float64Array;
}

export type StateDict = Record<string, Tensor>;

/** What the reader sees when a file cannot be used: one or two sentences that say why and what to do. */
export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelFileError";
  }
}

/** The largest file the page reads (the sheet's biggest model is about 60 kB as float32). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Refuses tensors that hold NaN or ±∞, naming the first. */
export function checkFinite(dict: StateDict): void {
  for (const [key, t] of Object.entries(dict)) {
    const k = t.data.findIndex((v) => !Number.isFinite(v));
    if (k >= 0) {
      throw new ModelFileError(
        `The tensor ${key} holds ${Number.isNaN(t.data[k]) ? "NaN" : "an infinite value"} (at position ${k}): ` +
          "the training that wrote it diverged. Train again (a smaller learning rate helps) and save the model then."
      );
    }
  }
}

/** Why a storage type cannot be read, for the dtypes a model might be saved in (undefined: readable). */
export function dtypeRefusal(dtype: string, key: string): string | undefined {
  if (dtype === "float32" || dtype === "float64") return undefined;
  if (dtype === "float16" || dtype === "bfloat16") {
    return (
      `The tensor ${key} is stored as ${dtype}, which keeps only ${dtype === "float16" ? "3" : "2"} significant digits: ` +
      "grading it would measure the rounding, not your model. Convert before saving: " +
      'torch.save({k: v.float() for k, v in model.state_dict().items()}, "model.pt").'
    );
  }
  return `The tensor ${key} is stored as ${dtype}; a model's weights are float32 or float64. Is this file a model's state_dict?`;
}
