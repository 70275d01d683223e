/**
 * The JSON state_dict this report exports (exercise 1 (a)): each key maps to a
 * number (a scalar), a list of numbers or a list of equally long lists.
 */
import type {StateDict} from "./state-dict.js";
import {ModelFileError} from "./state-dict.js";

type Nested = number | Nested[];

function shapeOf(value: Nested, key: string): number[] {
  if (typeof value === "number") return [];
  if (!Array.isArray(value) || value.length === 0)
    throw new ModelFileError(`The entry ${key} of this JSON file is not a list of numbers.`);
  const inner = shapeOf(value[0], key);
  for (const v of value) {
    if (JSON.stringify(shapeOf(v, key)) !== JSON.stringify(inner)) {
      throw new ModelFileError(`The rows of ${key} in this JSON file have different lengths.`);
    }
  }
  return [value.length, ...inner];
}

export function readJsonStateDict(text: string): StateDict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (/\b(NaN|Infinity)\b/.test(text)) {
      throw new ModelFileError(
        "This JSON file holds NaN or Infinity: the training that wrote it diverged. Train again and save the model then."
      );
    }
    throw new ModelFileError("This file starts like JSON but does not parse: it is damaged or cut short.");
  }
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed) && "state_dict" in parsed)
    parsed = (parsed as {state_dict: unknown}).state_dict;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ModelFileError(
      "This JSON file is not a state_dict: expected an object from names (encoder.0.weight, …) to lists of numbers."
    );
  }
  const dict: StateDict = {};
  for (const [key, value] of Object.entries(parsed as Record<string, Nested>)) {
    const shape = shapeOf(value, key);
    const flat = typeof value === "number" ? [value] : (value as Nested[]).flat(Infinity as 1);
    if (!flat.every((v) => typeof v === "number" || v === null)) {
      throw new ModelFileError(`The entry ${key} of this JSON file holds something other than numbers.`);
    }
    // JSON has no NaN: a diverged run exported by Python's json module writes NaN, which JSON.parse refuses above; null stands for it here.
    dict[key] = {
      shape,
      dtype: "float64",
      data: Float64Array.from(flat as (number | null)[], (v) => (v === null ? NaN : v))
    };
  }
  return dict;
}
