/**
 * Small helpers for sentences generated from numbers: counts with the right
 * grammatical number, lists joined with "and", fixed decimals without "−0.00".
 */

/** "1 epoch", "0 epochs", "2,000 epochs" (the plural defaults to singular + "s"). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? singular : plural}`;
}

/** The noun alone, in the number that agrees with n. */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}

/** "a", "a and b", "a, b and c". */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** x.toFixed(digits), but a value that rounds to zero is written without a minus sign. */
export function fixed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** "3" when lo equals hi, otherwise "2–5". */
export function span(lo: number, hi: number): string {
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
}

/** "1 piece", "3 pieces", "2–5 pieces": a count or a range of counts with its noun. */
export function spanCount(lo: number, hi: number, singular: string, plural = `${singular}s`): string {
  return lo === hi ? count(lo, singular, plural) : `${lo}–${hi} ${plural}`;
}
