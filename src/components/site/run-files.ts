/**
 * File names and columns that say which run a download describes: the published
 * result, or a reader's run with its settings. Shared by the pages that retrain.
 */
import type {Values} from "../../core/settings/fields.js";

/** "seed0_lr0.01_epochs300": the settings as a file-name part (letters, digits, dots, dashes). */
export function settingsTag(values: Values): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}${String(value)}`.replace(/[^A-Za-z0-9.-]+/g, "-"))
    .join("_");
}

/** `base.ext` for the published result, `base_your-run_<settings>.ext` for a reader's run. */
export function runFileName(base: string, ext: string, values?: Values): string {
  return values ? `${base}_your-run_${settingsTag(values)}.${ext}` : `${base}.${ext}`;
}

/** The same rows with the run's settings in leading columns (`run` says which run). */
export function withRunColumns<T extends Record<string, unknown>>(
  rows: readonly T[],
  run: string,
  values: Values
): Record<string, unknown>[] {
  return rows.map((r) => ({run, ...values, ...r}));
}
