/**
 * Any model file the page accepts, recognised by its content (not its name):
 * a PyTorch zip (`torch.save`, Lightning `.ckpt`), safetensors, or the report's
 * JSON state_dict. Returns the state_dict with finite float tensors, or throws a
 * `ModelFileError` that says what is wrong and how to save the file instead.
 */
import type {StateDict} from "./state-dict.js";
import {MAX_FILE_BYTES, ModelFileError, checkFinite} from "./state-dict.js";
import type {CheckpointInfo} from "./torch-zip.js";
import {isLegacyTorch, isZip, readTorchZip} from "./torch-zip.js";
import {looksLikeSafetensors, readSafetensors} from "./safetensors.js";
import {readJsonStateDict} from "./json-state-dict.js";
import type {Architecture} from "./architecture.js";
import {flatParams, inferArchitecture} from "./architecture.js";

export type ModelFormat = "PyTorch zip" | "Lightning checkpoint" | "safetensors" | "JSON state_dict";

export interface ReadModel {
  readonly format: ModelFormat;
  readonly dict: StateDict;
  /** A checkpoint's epoch, global step and Lightning version, when the file is one. */
  readonly checkpoint?: CheckpointInfo;
}

export function checkSize(size: number): void {
  if (size === 0)
    throw new ModelFileError(
      "This file is empty (0 bytes): the save did not finish, or the wrong file was picked."
    );
  if (size > MAX_FILE_BYTES) {
    throw new ModelFileError(
      `This file is ${(size / 2 ** 20).toFixed(0)} MB, over the page's limit of ${MAX_FILE_BYTES / 2 ** 20} MB; the sheet's biggest model ` +
        "takes about 60 kB. Is it a model of this sheet? Save only its state_dict."
    );
  }
}

function firstChar(bytes: Uint8Array): number {
  for (const b of bytes.subarray(0, 64))
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf)
      return b;
  return -1;
}

export function readModelFile(bytes: Uint8Array): ReadModel {
  checkSize(bytes.length);
  let format: ModelFormat;
  let dict: StateDict;
  let checkpoint: CheckpointInfo | undefined;
  if (isZip(bytes)) {
    ({dict, checkpoint} = readTorchZip(bytes));
    format = checkpoint ? "Lightning checkpoint" : "PyTorch zip";
  } else if (isLegacyTorch(bytes)) {
    throw new ModelFileError(
      "This file is in PyTorch's legacy format (torch.save with _use_new_zipfile_serialization=False, or PyTorch before 1.6). " +
        'Load it and save it again with a current PyTorch: torch.save(torch.load("old.pt"), "model.pt").'
    );
  } else if (looksLikeSafetensors(bytes)) {
    dict = readSafetensors(bytes);
    format = "safetensors";
  } else if (firstChar(bytes) === 0x7b) {
    dict = readJsonStateDict(new TextDecoder().decode(bytes));
    format = "JSON state_dict";
  } else if (bytes[0] === 0x80) {
    throw new ModelFileError(
      'This file is a bare pickle, not a torch.save archive. Save the weights with torch.save(model.state_dict(), "model.pt").'
    );
  } else {
    throw new ModelFileError(
      "This is not a model file the page knows: expected a PyTorch .pt/.pth or Lightning .ckpt (a zip archive), safetensors, or the report's JSON state_dict."
    );
  }
  checkFinite(dict);
  return {format, dict, checkpoint};
}

/** A model file read and checked: its format, the architecture it describes and its flat parameters. */
export interface LoadedModel extends ReadModel {
  readonly arch: Architecture;
  readonly params: Float64Array;
}

export function loadModel(bytes: Uint8Array): LoadedModel {
  const read = readModelFile(bytes);
  const arch = inferArchitecture(read.dict);
  return {...read, arch, params: flatParams(read.dict, arch)};
}
