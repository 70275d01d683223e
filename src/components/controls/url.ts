/**
 * Settings in the page's URL: read for a list of fields (what was refused
 * listed), and written back, leaving other controls' parameters in place.
 */
import type {AnyField, Field, Ignored, Values} from "../../core/settings/fields.js";
import {parseParams, toParams} from "../../core/settings/fields.js";

/** Reads the fields' values from the page's URL; lists what was refused. */
export function settingsFromUrl(
  fields: readonly Field[],
  search = location.search
): {values: Values; ignored: Ignored[]} {
  return parseParams(fields, new URLSearchParams(search));
}

/** Writes the fields' non-default values into the URL; parameters of other controls on the page stay. */
export function writeUrl(fields: readonly AnyField[], values: Values): void {
  const params = new URLSearchParams(location.search);
  for (const f of fields) params.delete(f.key);
  for (const [key, value] of toParams(fields, values)) params.set(key, value);
  const search = params.toString();
  const url = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
  history.replaceState(history.state, "", url);
}
