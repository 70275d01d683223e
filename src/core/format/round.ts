/** Rounding for snapshots: numbers kept to the precision the figures need. */

/** `x` to `digits` significant digits, as a number (NaN and ±Infinity become null in JSON). */
export function sig(x: number, digits = 4): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

export function sigArray(values: ArrayLike<number>, digits = 4): number[] {
  return Array.from(values, (x) => sig(x, digits));
}

/** Row-major values [n, width] → array of rows, rounded. */
export function rows(values: ArrayLike<number>, width: number, digits = 4): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < values.length; i += width) {
    const row: number[] = [];
    for (let k = 0; k < width; ++k) row.push(sig(values[i + k], digits));
    out.push(row);
  }
  return out;
}
