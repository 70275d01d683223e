/**
 * Which run a figure, table or file describes: the published one (trained at
 * build time with the defaults of a field list) or a reader's run with settings
 * of their own. The same words go into captions, file names and CSV columns,
 * for every page that lets a reader retrain.
 */
import type {AnyField, Values} from "../settings/fields.js";

export type RunKind = "published" | "reader";

/** The fields whose value differs from the default, plus those in `always` (e.g. the seed), in field order. */
export function changedFields(
  fields: readonly AnyField[],
  values: Values,
  always: readonly string[] = []
): AnyField[] {
  return fields.filter((f) => always.includes(f.key) || values[f.key] !== f.value);
}

/**
 * The settings in words: "seed 3, learning rate 0.01, epochs 2000"; the
 * defaults read "the published settings" (with the fields in `always`).
 */
export function settingsText(
  fields: readonly AnyField[],
  values: Values,
  always: readonly string[] = []
): string {
  const changed = changedFields(fields, values);
  const parts = changedFields(fields, values, always).map((f) => `${f.label} ${values[f.key]}`);
  if (changed.length === 0)
    return parts.length ? `the published settings, ${parts.join(", ")}` : "the published settings";
  return parts.join(", ");
}

/**
 * The settings as part of a file name: "seed3_lr0.01_epochs2000" (keys and
 * values, only characters that are safe in any file system).
 */
export function settingsSlug(
  fields: readonly AnyField[],
  values: Values,
  always: readonly string[] = []
): string {
  const parts = changedFields(fields, values, always).map(
    (f) => `${f.key}${String(values[f.key]).replace(/[^A-Za-z0-9.+-]+/g, "-")}`
  );
  return parts.length ? parts.join("_") : "published-settings";
}

/** Every setting as CSV columns (in field order), so that a downloaded row says how it was made. */
export function settingsColumns(
  fields: readonly AnyField[],
  values: Values
): Record<string, number | string> {
  return Object.fromEntries(fields.map((f) => [f.key, values[f.key]]));
}

/** "name.csv" → "name-<slug>.csv" for a reader's run; published files keep their name. */
export function runFileName(base: string, kind: RunKind, slug: string): string {
  if (kind === "published") return base;
  const dot = base.lastIndexOf(".");
  return dot < 0 ? `${base}-yours-${slug}` : `${base.slice(0, dot)}-yours-${slug}${base.slice(dot)}`;
}
