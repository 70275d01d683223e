/**
 * Settings as one declarative list of fields. The same list validates values
 * from the URL or a control, writes the URL, and builds the page's controls:
 * a setting is declared once, with its bounds and its default.
 */

/** What every field may carry besides its value. */
interface FieldCommon {
  readonly key: string;
  readonly label: string;
  /** One line for the reader, shown beside the control: what the setting means. */
  readonly help?: string;
}

export type Field =
  | (FieldCommon & {
      readonly kind: "int";
      readonly min: number;
      readonly max: number;
      readonly value: number;
      /** Only multiples of this are allowed (e.g. epochs recorded every 10). */
      readonly step?: number;
    })
  | (FieldCommon & {
      readonly kind: "number";
      readonly min: number;
      readonly max: number;
      readonly value: number;
      /** Shown and slid on a log scale. */
      readonly log?: boolean;
      /** Only multiples of this are allowed. */
      readonly step?: number;
    })
  | (FieldCommon & {
      readonly kind: "enum";
      readonly options: readonly string[];
      readonly value: string;
      /** How a control names each option (default: the option itself). */
      readonly labels?: Readonly<Record<string, string>>;
    });

/**
 * Fields whose value is a list, written in the URL as comma-separated text (so a
 * value is still one string and compares with ===). They need a control of their
 * own: `controls.ts` builds only the scalar fields above.
 * - `set`: a subset of `options`, kept in the order of `options`.
 * - `ints`: a list of whole numbers in [min, max], of length minLength–maxLength.
 */
export type ListField =
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: "set";
      readonly options: readonly string[];
      readonly minCount: number;
      readonly value: string;
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: "ints";
      readonly min: number;
      readonly max: number;
      readonly minLength: number;
      readonly maxLength: number;
      readonly value: string;
    };

export type AnyField = Field | ListField;

export type Values = Record<string, number | string>;

export interface Ignored {
  readonly key: string;
  /** The offending raw text, shortened. */
  readonly raw: string;
  readonly reason: string;
}

export function defaults(fields: readonly AnyField[]): Values {
  return Object.fromEntries(fields.map((f) => [f.key, f.value]));
}

/** Validates one raw value; returns the parsed value or the reason it is refused. */
export function parseField(field: AnyField, raw: string): {value: number | string} | {reason: string} {
  const text = raw.trim();
  if (field.kind === "set" || field.kind === "ints") return parseList(field, text);
  if (field.kind === "enum") {
    return field.options.includes(text) ? {value: text} : {reason: `not one of ${field.options.join(", ")}`};
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return {reason: "not a number"};
  const x = Number(text);
  if (!Number.isFinite(x)) return {reason: "not a finite number"};
  if (field.kind === "int" && !Number.isInteger(x)) return {reason: "not a whole number"};
  if (x < field.min || x > field.max) return {reason: `outside ${field.min}–${field.max}`};
  if (field.step !== undefined && Math.abs(x / field.step - Math.round(x / field.step)) > 1e-9)
    return {reason: `not a multiple of ${field.step}`};
  return {value: x};
}

/**
 * What a control says beside a typed value it refused: the text, the reason,
 * and the value that stays in use. `raw` is shortened like a URL value.
 */
export function refusalMessage(field: Field, raw: string, reason: string, inUse: number | string): string {
  const text = raw.trim() === "" ? "An empty box" : `“${raw.length > 24 ? `${raw.slice(0, 24)}…` : raw}”`;
  return `${text} was not used: ${reason}. ${capitalise(field.label)} stays ${formatValue(field, inUse)}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value as a reader reads it: numbers as typed in the URL, enum values as they are. */
export function formatValue(_field: AnyField, value: number | string): string {
  return String(value);
}

function parseList(field: ListField, text: string): {value: string} | {reason: string} {
  const items = text === "" ? [] : text.split(",").map((t) => t.trim());
  if (field.kind === "set") {
    const unknown = items.find((t) => !field.options.includes(t));
    if (unknown !== undefined)
      return {
        reason: `${unknown.length > 20 ? `${unknown.slice(0, 20)}…` : unknown} is not one of ${field.options.join(", ")}`
      };
    if (new Set(items).size !== items.length) return {reason: "an option is repeated"};
    if (items.length < field.minCount) return {reason: `choose at least ${field.minCount}`};
    return {value: field.options.filter((o) => items.includes(o)).join(",")};
  }
  if (items.length < field.minLength || items.length > field.maxLength)
    return {reason: `needs ${field.minLength}–${field.maxLength} numbers`};
  for (const t of items) {
    if (!/^\d+$/.test(t)) return {reason: "not a list of whole numbers"};
    const x = Number(t);
    if (x < field.min || x > field.max) return {reason: `each number must be in ${field.min}–${field.max}`};
  }
  return {value: items.map(Number).join(",")};
}

/** Reads every field from URL parameters; unknown keys and invalid values are reported, defaults kept. */
export function parseParams(
  fields: readonly AnyField[],
  params: URLSearchParams
): {values: Values; ignored: Ignored[]} {
  const values = defaults(fields);
  const ignored: Ignored[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const [key, raw] of params) {
    if (!known.has(key)) continue;
    const field = fields.find((f) => f.key === key)!;
    const parsed = parseField(field, raw);
    if ("value" in parsed) values[key] = parsed.value;
    else ignored.push({key, raw: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw, reason: parsed.reason});
  }
  return {values, ignored};
}

/** URL parameters for the values that differ from their defaults, in field order. */
export function toParams(fields: readonly AnyField[], values: Values): URLSearchParams {
  const params = new URLSearchParams();
  for (const f of fields) if (values[f.key] !== f.value) params.set(f.key, String(values[f.key]));
  return params;
}

export function equalValues(fields: readonly AnyField[], a: Values, b: Values): boolean {
  return fields.every((f) => a[f.key] === b[f.key]);
}
