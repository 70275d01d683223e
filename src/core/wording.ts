/**
 * Small pieces of generated English that must read right at zero, one and many:
 * counts with their noun, lists, learning rates and ranges of them.
 */

/** "no seeds", "1 seed", "3 seeds" (the plural is the noun + "s" unless given). */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  if (n === 0) return `no ${plural}`;
  return `${n} ${n === 1 ? noun : plural}`;
}

/** "3 of 8 seeds", "1 of 1 seed", "none of 2 runs". */
export function countOf(k: number, n: number, noun: string, plural = `${noun}s`): string {
  return `${k === 0 ? "none" : k} of ${n} ${n === 1 ? noun : plural}`;
}

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[], last = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/** A learning rate as a plain number: 0.0001, 0.003, 0.1, 1. */
export function rate(lr: number): string {
  return String(Number(lr.toPrecision(2)));
}

/** The rates of a sweep that satisfy something, as a range where they are consecutive: "0.001 to 0.01", "0.01", "none". */
export function rateSpan(chosen: readonly number[], all: readonly number[]): string {
  const sorted = all.filter((lr) => chosen.includes(lr)).sort((a, b) => a - b);
  if (sorted.length === 0) return "none";
  const index = sorted.map((lr) => all.indexOf(lr));
  const consecutive = index.every((k, i) => i === 0 || k === index[i - 1] + 1);
  if (sorted.length === 1) return rate(sorted[0]);
  if (consecutive) return `${rate(sorted[0])} to ${rate(sorted[sorted.length - 1])}`;
  return list(sorted.map(rate));
}
