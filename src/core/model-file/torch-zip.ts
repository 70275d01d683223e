/**
 * PyTorch's own format (`torch.save`, the default since 1.6) and Lightning's
 * `.ckpt`: a zip archive holding `<prefix>/data.pkl` (a pickle) and one raw
 * storage per tensor in `<prefix>/data/<key>`. The pickle is parsed by
 * `pickleparser`, configured so that it rebuilds only what a state_dict is made
 * of (ordered dicts, tensors from float storages, plain numbers and strings):
 * every other class or function the pickle names becomes an inert placeholder,
 * and nothing in the file is ever executed.
 */
import {unzipSync} from "fflate";
import pickleparser from "pickleparser";
import type {StateDict, Tensor, TensorDtype} from "./state-dict.js";
import {ModelFileError, dtypeRefusal, numel} from "./state-dict.js";

/** The start of PyTorch's legacy (non-zip) format: a pickled LONG1 magic number 0x1950a86a20f9469cfc6c. */
const LEGACY_MAGIC = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

export function isLegacyTorch(bytes: Uint8Array): boolean {
  return LEGACY_MAGIC.every((b, k) => bytes[k] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const STORAGE_DTYPES: Record<string, string> = {
  FloatStorage: "float32",
  DoubleStorage: "float64",
  HalfStorage: "float16",
  BFloat16Storage: "bfloat16",
  LongStorage: "int64",
  IntStorage: "int32",
  BoolStorage: "bool",
  ByteStorage: "uint8"
};

/** A storage type named by the pickle (`torch.FloatStorage`): only its dtype is kept. */
class StorageType {
  constructor(readonly dtype: string) {}
}

/** A storage: its dtype and where its bytes are. */
class Storage {
  constructor(
    readonly dtype: string,
    readonly key: string
  ) {}
}

/** Anything else the pickle names: remembers its name, its arguments and state, and does nothing. */
function placeholder(module: string, name: string) {
  const Inert = function (this: unknown, ...args: unknown[]) {
    const self = new.target ? (this as Record<string, unknown>) : Object.create(Inert.prototype);
    Object.defineProperty(self, "args", {value: args, enumerable: false});
    return self;
  } as unknown as {new (...args: unknown[]): object; prototype: Record<string, unknown>};
  Inert.prototype.__module__ = module;
  Inert.prototype.__name__ = name;
  Inert.prototype.__setstate__ = function (this: object, state: unknown) {
    Object.defineProperty(this, "state", {value: state, enumerable: false});
  };
  return Inert;
}

/** A tensor as the pickle describes it, its bytes read later. */
class PickledTensor {
  constructor(
    readonly storage: Storage,
    readonly offset: number,
    readonly shape: number[],
    readonly stride: number[]
  ) {}
}

// pickleparser is a UMD bundle: the browser's bundle has only a default export (Node also gives named ones).
const {Parser} = pickleparser;

function makeParser(): InstanceType<typeof Parser> {
  const names: Record<string, (...args: never[]) => unknown> = {
    "collections.OrderedDict": () => new Map(),
    "torch._utils._rebuild_tensor_v2": (
      storage: Storage,
      offset: number,
      shape: number[],
      stride: number[]
    ) => new PickledTensor(storage, Number(offset), shape.map(Number), stride.map(Number))
  };
  return new Parser({
    unpicklingTypeOfDictionary: "Map",
    nameResolver: {
      resolve(module: string, name: string) {
        const known = names[`${module}.${name}`];
        if (known) return known as (...args: unknown[]) => unknown;
        if (module === "torch" && name in STORAGE_DTYPES) {
          const type = new StorageType(STORAGE_DTYPES[name]);
          return Object.assign(() => type, {storageType: type});
        }
        return placeholder(module, name);
      }
    },
    persistentResolver: {
      resolve(pid: unknown) {
        const [kind, type, key] = pid as [string, {storageType?: StorageType}, string];
        if (kind !== "storage" || !type?.storageType)
          throw new ModelFileError("This file's pickle refers to data of a kind a model file does not hold.");
        return new Storage(type.storageType.dtype, String(key));
      }
    }
  });
}

function tensorOf(
  t: PickledTensor,
  key: string,
  files: Record<string, Uint8Array>,
  prefix: string,
  bigEndian: boolean
): Tensor {
  const refusal = dtypeRefusal(t.storage.dtype, key);
  if (refusal) throw new ModelFileError(refusal);
  if (bigEndian) {
    throw new ModelFileError(
      "This file was saved on a big-endian machine (its byteorder record says so); the page reads little-endian files. " +
        "Save it again as safetensors, or load it on any PC and torch.save it there."
    );
  }
  const bytes = files[`${prefix}data/${t.storage.key}`];
  if (!bytes)
    throw new ModelFileError(`The data of ${key} is missing from the archive: the file is damaged.`);
  const size = t.storage.dtype === "float64" ? 8 : 4;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = numel(t.shape);
  const data = size === 8 ? new Float64Array(count) : new Float32Array(count);
  // Gather through the strides: a transposed or sliced tensor is saved as a view of its storage.
  const index = new Array<number>(t.shape.length).fill(0);
  for (let k = 0; k < count; ++k) {
    let at = t.offset;
    for (let d = 0; d < index.length; ++d) at += index[d] * t.stride[d];
    if ((at + 1) * size > bytes.length)
      throw new ModelFileError(`The data of ${key} is shorter than its shape: the file is damaged.`);
    data[k] = size === 8 ? view.getFloat64(at * size, true) : view.getFloat32(at * size, true);
    for (let d = index.length - 1; d >= 0; --d) {
      if (++index[d] < t.shape[d]) break;
      index[d] = 0;
    }
  }
  return {shape: t.shape, dtype: t.storage.dtype as TensorDtype, data};
}

const isPlaceholder = (x: unknown): x is {__module__: string; __name__: string} =>
  typeof x === "object" && x !== null && typeof (x as {__module__?: unknown}).__module__ === "string";

/** The state_dict inside what the pickle held: itself, or a checkpoint's "state_dict" entry. */
function findStateDict(root: unknown): Map<string, unknown> {
  if (isPlaceholder(root)) {
    const what = `${root.__module__}.${root.__name__}`;
    if (/^torch\.nn\.|^__main__\./.test(what) || /Module$|Autoencoder/i.test(root.__name__)) {
      throw new ModelFileError(
        `This file holds a whole pickled module (${what}), saved with torch.save(model). Loading it would run code from the file, ` +
          'which this page never does. Save the weights instead: torch.save(model.state_dict(), "model.pt").'
      );
    }
    throw new ModelFileError(
      `This file holds a ${what} object, not a state_dict. Save torch.save(model.state_dict(), "model.pt").`
    );
  }
  if (!(root instanceof Map))
    throw new ModelFileError("This PyTorch file holds no state_dict (no mapping from names to tensors).");
  const inner = root.get("state_dict");
  if (inner instanceof Map) return inner;
  if (inner !== undefined) return findStateDict(inner);
  return root;
}

/** A checkpoint's plain metadata (Lightning's epoch, global step and version), when the file is one. */
export interface CheckpointInfo {
  readonly epoch?: number;
  readonly globalStep?: number;
  readonly version?: string;
}

function checkpointInfo(root: unknown): CheckpointInfo | undefined {
  if (!(root instanceof Map) || !root.has("state_dict")) return undefined;
  const num = (x: unknown) => (typeof x === "number" || typeof x === "bigint" ? Number(x) : undefined);
  const version = root.get("pytorch-lightning_version");
  return {
    epoch: num(root.get("epoch")),
    globalStep: num(root.get("global_step")),
    version: typeof version === "string" ? version : undefined
  };
}

export function readTorchZip(bytes: Uint8Array): {dict: StateDict; checkpoint?: CheckpointInfo} {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new ModelFileError(
      "This zip archive is damaged or cut short (its directory cannot be read). Was the download or copy complete?"
    );
  }
  const pkl = Object.keys(files).find((name) => /(^|\/)data\.pkl$/.test(name));
  if (!pkl) {
    throw new ModelFileError(
      "This zip archive has no data.pkl: it is not a file written by torch.save or a Lightning checkpoint."
    );
  }
  const prefix = pkl.slice(0, -"data.pkl".length);
  const order = files[`${prefix}byteorder`];
  const bigEndian = order !== undefined && new TextDecoder().decode(order).trim() === "big";
  let root: unknown;
  try {
    root = makeParser().parse(files[pkl]);
  } catch (e) {
    if (e instanceof ModelFileError) throw e;
    throw new ModelFileError(
      `This file's data.pkl cannot be read (${(e as Error).message}): the file is damaged.`
    );
  }
  const entries = findStateDict(root);
  const dict: StateDict = {};
  for (const [key, value] of entries) {
    if (value instanceof PickledTensor)
      dict[String(key)] = tensorOf(value, String(key), files, prefix, bigEndian);
    else if (isPlaceholder(value) && value.__name__ === "Parameter") {
      throw new ModelFileError(
        'This file holds Parameters, not a state_dict. Save torch.save(model.state_dict(), "model.pt").'
      );
    }
  }
  if (Object.keys(dict).length === 0) throw new ModelFileError("This PyTorch file holds no tensors.");
  return {dict, checkpoint: checkpointInfo(root)};
}
