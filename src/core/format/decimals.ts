/**
 * Numbers as d3-format writes them, for sentences built in the core (which does
 * not depend on d3): fixed decimals, percentages and signed percentages with a
 * true minus sign (−), and (unsigned formats) no minus on a value that rounds to zero.
 */

function signed(x: number, body: (abs: number) => string, plus = false): string {
  const text = body(Math.abs(x));
  // As d3: a negative value that rounds to zero loses its minus, unless a sign is always written.
  const negative = (x < 0 || Object.is(x, -0)) && (plus || /[1-9]/.test(text));
  return negative ? `−${text}` : plus ? `+${text}` : text;
}

/** d3.format(".{digits}f"): 0.1235 → "0.124" at 3 digits, −0.0001 → "0.000". */
export function decimals(x: number, digits: number): string {
  return signed(x, (a) => a.toFixed(digits));
}

/** d3.format(".{digits}%"): 0.456 → "46%". */
export function percent(x: number, digits = 0): string {
  return signed(x, (a) => `${(a * 100).toFixed(digits)}%`);
}

/** d3.format("+.{digits}%"): 0.123 → "+12%", −0.05 → "−5%". */
export function signedPercent(x: number, digits = 0): string {
  return signed(x, (a) => `${(a * 100).toFixed(digits)}%`, true);
}

/** d3.format(",") of a whole number: 20001 → "20,001". */
export function thousands(n: number): string {
  return n.toLocaleString("en-US");
}
