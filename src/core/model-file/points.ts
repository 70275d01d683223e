/**
 * A reader's own data set, to grade their model on the points their notebook
 * drew: a CSV with two numeric columns (a header row is skipped), or JSON, a
 * list of [x1, x2] pairs. Returns row-major [x1, x2, …].
 */
import {ModelFileError} from "./state-dict.js";

export const MAX_POINTS = 100_000;

export function parsePoints(text: string): Float64Array {
  const trimmed = text.trim();
  let pairs: unknown[];
  if (trimmed.startsWith("[")) {
    try {
      pairs = JSON.parse(trimmed);
    } catch {
      throw new ModelFileError("This JSON file of points does not parse.");
    }
  } else {
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== "");
    const rows = lines.map((l) =>
      l
        .split(/[,;\t ]+/)
        .filter((c) => c !== "")
        .map(Number)
    );
    pairs = rows.filter((r, k) => !(k === 0 && r.some(Number.isNaN)));
  }
  if (!Array.isArray(pairs) || pairs.length < 2)
    throw new ModelFileError("A file of points needs at least two rows of two numbers (x1, x2).");
  if (pairs.length > MAX_POINTS)
    throw new ModelFileError(`This file has ${pairs.length} points; the page grades at most ${MAX_POINTS}.`);
  const out = new Float64Array(2 * pairs.length);
  pairs.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2 || !p.every((v) => typeof v === "number" && Number.isFinite(v))) {
      throw new ModelFileError(`Row ${i + 1} of the points is not two finite numbers (x1, x2).`);
    }
    out[2 * i] = p[0];
    out[2 * i + 1] = p[1];
  });
  return out;
}
