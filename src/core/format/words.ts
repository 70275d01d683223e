/**
 * Numbers in generated sentences, in agreement with their nouns and verbs: the
 * pages build sentences from computed counts, which can be 0, 1 or many; lists,
 * learning rates and ranges of them; fixed decimals without "−0.00".
 */

/** The noun in the number `n` asks for: "point" for 1, "points" otherwise (0 included). */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}

/** "1 point", "3 points", "0 points", "1,500 epochs". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-US")} ${noun(n, singular, plural)}`;
}

/** The verb that agrees with `n` things: agree(1, "lies", "lie") is "lies". */
export function agree(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

const SMALL = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** Small whole numbers as words ("no", "one", … "ten"), larger ones as digits. */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < SMALL.length ? SMALL[n] : n.toLocaleString("en-US");
}

/**
 * How many of a group of `total`, as a sentence names it: "both" and "neither"
 * for two, "none", "all five", "one", "three of the five".
 */
export function share(k: number, total: number): string {
  if (!(Number.isInteger(k) && Number.isInteger(total) && k >= 0 && k <= total))
    throw new RangeError(`${k} of ${total} is not a share`);
  if (total === 2) return ["neither", "one", "both"][k];
  if (k === 0) return "none";
  if (k === total) return total === 1 ? "the one" : `all ${numberWord(total)}`;
  return k === 1 ? "one" : `${numberWord(k)} of the ${numberWord(total)}`;
}

/** "a", "a and b", "a, b and c" ("" for none). */
export function listing(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * Where the members of a group of `total` ended up, each place with its count:
 * placement(2, [[2, "in the training set"], [0, "in the test set"]]) is "both lie in the training set",
 * with [1, …], [1, …] it is "one lies in the training set and one in the test set".
 * Places with none are left out; the verb agrees with the first place named.
 */
export function placement(
  total: number,
  places: readonly (readonly [number, string])[],
  verb: readonly [string, string] = ["lies", "lie"]
): string {
  const named = places.filter(([k]) => k > 0);
  if (named.length === 0)
    return `${share(0, total)} ${agree(total === 2 ? 1 : 0, ...verb)} ${places.map(([, p]) => p).join(" or ")}`;
  return listing(
    named.map(([k, place], i) =>
      i === 0
        ? `${share(k, total)} ${agree(k === total && total > 1 ? 2 : k, ...verb)} ${place}`
        : `${share(k, total)} ${place}`
    )
  );
}

/** "no seeds", "1 seed", "3 seeds": a count that says "no" at zero (the plural is the noun + "s" unless given). */
export function countOrNo(n: number, singular: string, plural = `${singular}s`): string {
  return n === 0 ? `no ${plural}` : `${n} ${noun(n, singular, plural)}`;
}

/** "3 of 8 seeds", "1 of 1 seed", "none of 2 runs". */
export function countOf(k: number, n: number, singular: string, plural = `${singular}s`): string {
  return `${k === 0 ? "none" : k} of ${n} ${noun(n, singular, plural)}`;
}

/** x.toFixed(digits), but a value that rounds to zero is written without a minus sign. */
export function fixed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** "1 piece", "3 pieces", "2–5 pieces": a count or a range of counts with its noun. */
export function spanCount(lo: number, hi: number, singular: string, plural = `${singular}s`): string {
  return lo === hi ? count(lo, singular, plural) : `${lo}–${hi} ${plural}`;
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
  return listing(sorted.map(rate));
}

/**
 * Which learning rates qualify after each training length, in words: "at learning
 * rate 0.003 to 0.01 after 1000 epochs and at no rate after 2000 epochs" (a length
 * where none qualifies is named as such, never as a rate "none").
 */
export function ratesAfterLengths(
  chosen: Readonly<Record<number, readonly number[]>>,
  all: readonly number[],
  lengths: readonly number[]
): string {
  return listing(
    lengths.map((e) =>
      chosen[e]?.length
        ? `at learning rate ${rateSpan(chosen[e], all)} after ${e} epochs`
        : `at no rate after ${e} epochs`
    )
  );
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** Scientific notation as printed: 3.2·10⁻¹⁶ (`digits` after the point). */
export function sci(x: number, digits = 1): string {
  return x
    .toExponential(digits)
    .replace(
      /e([+-])(\d+)/,
      (_, sign: string, e: string) =>
        `·10${sign === "-" ? "⁻" : ""}${[...e].map((c) => SUPERSCRIPT[Number(c)]).join("")}`
    );
}
