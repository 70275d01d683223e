/** Summary statistics the report quotes: the median of a set of runs. */

/** The median of `values` (NaN if there are none); an even count averages the middle two. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  const s = Float64Array.from(values).sort();
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
