/**
 * Settings as one declarative list of fields. The same list validates values
 * from the URL or a control, writes the URL, and builds the page's controls:
 * a setting is declared once, with its bounds and its default.
 */

export type Field =
  | {readonly key: string; readonly label: string; readonly kind: "int"; readonly min: number; readonly max: number; readonly value: number}
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: "number";
      readonly min: number;
      readonly max: number;
      readonly value: number;
      /** Shown and slid on a log scale. */
      readonly log?: boolean;
    }
  | {readonly key: string; readonly label: string; readonly kind: "enum"; readonly options: readonly string[]; readonly value: string};

export type Values = Record<string, number | string>;

export interface Ignored {
  readonly key: string;
  /** The offending raw text, shortened. */
  readonly raw: string;
  readonly reason: string;
}

export function defaults(fields: readonly Field[]): Values {
  return Object.fromEntries(fields.map((f) => [f.key, f.value]));
}

/** Validates one raw value; returns the parsed value or the reason it is refused. */
export function parseField(field: Field, raw: string): {value: number | string} | {reason: string} {
  const text = raw.trim();
  if (field.kind === "enum") {
    return field.options.includes(text) ? {value: text} : {reason: `not one of ${field.options.join(", ")}`};
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return {reason: "not a number"};
  const x = Number(text);
  if (!Number.isFinite(x)) return {reason: "not a finite number"};
  if (field.kind === "int" && !Number.isInteger(x)) return {reason: "not a whole number"};
  if (x < field.min || x > field.max) return {reason: `outside ${field.min}–${field.max}`};
  return {value: x};
}

/** Reads every field from URL parameters; unknown keys and invalid values are reported, defaults kept. */
export function parseParams(fields: readonly Field[], params: URLSearchParams): {values: Values; ignored: Ignored[]} {
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
export function toParams(fields: readonly Field[], values: Values): URLSearchParams {
  const params = new URLSearchParams();
  for (const f of fields) if (values[f.key] !== f.value) params.set(f.key, String(values[f.key]));
  return params;
}

export function equalValues(fields: readonly Field[], a: Values, b: Values): boolean {
  return fields.every((f) => a[f.key] === b[f.key]);
}
