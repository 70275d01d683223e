/**
 * The one definition of "the published result": settings name a run the build
 * trained when every field has its default value, except fields that choose
 * among published runs (the seed, the problem), whose value is one that was
 * published; and the reader has not asked to retrain.
 */
import type {AnyField, Values} from "./fields.js";

/** Per field that chooses among published runs: the values published, or "any" value the field allows. */
export type PublishedChoices = Readonly<Record<string, readonly (number | string)[] | "any">>;

export function isPublishedValues(
  fields: readonly AnyField[],
  values: Values,
  choices: PublishedChoices
): boolean {
  return fields.every((f) => {
    const choice = choices[f.key];
    if (choice === undefined) return values[f.key] === f.value;
    return choice === "any" || choice.includes(values[f.key]);
  });
}

/** Published values, and no retrain asked for (`retrain` counts presses of the retrain button since the last change). */
export function isPublished(
  fields: readonly AnyField[],
  settings: {readonly values: Values; readonly retrain: number},
  choices: PublishedChoices
): boolean {
  return settings.retrain === 0 && isPublishedValues(fields, settings.values, choices);
}

/**
 * The published run that `values` name, among runs each published with every value
 * fixed (the playground's runs differ in many fields at once): the same rule as
 * `isPublishedValues`, with each field's published value its only choice.
 */
export function publishedRunOf<R extends {readonly values: Values}>(
  fields: readonly AnyField[],
  values: Values,
  runs: readonly R[]
): R | undefined {
  return runs.find((run) =>
    isPublishedValues(fields, values, Object.fromEntries(fields.map((f) => [f.key, [run.values[f.key]]])))
  );
}
