/**
 * Controls that change only what is shown, not what is trained (a view of the
 * results): their value comes from the URL and goes back into it, beside the
 * settings form's.
 */
import {html} from "htl";
import type {Field} from "../../core/settings/fields.js";
import {parseField} from "../../core/settings/fields.js";
import {fieldControl} from "./field-control.js";
import {clearLink, reportLink} from "./link-notice.js";
import {writeUrl} from "./url.js";

export type EnumField = Extract<Field, {kind: "enum"}>;

export interface ViewInputOptions {
  /** Reader-facing names of enum options (or of `choices`). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Enum fields: radio buttons (default) or a menu. */
  readonly as?: "radio" | "select";
  /** An int field offered as a menu of these values (e.g. the published seeds). */
  readonly choices?: readonly number[];
  readonly disabled?: boolean;
  readonly search?: string;
}

/** View controls report to the link notice once per page load: a control made again later reads the reader's own URL, not the link's. */
const reportedViews = new Set<string>();

/**
 * A control for one field that changes only what is shown (not what is
 * trained): its value comes from the URL and goes back into it, beside the
 * settings form's. A refused value from the URL is named beside the control
 * and in the notice at the top of the page, and the default used.
 */
export type ViewInput = HTMLElement & {
  /** Setting it shows the value and writes it into the URL (no input event: the caller dispatches one if it wants). */
  value: number | string;
  /** Shows a value without writing the URL (e.g. while an animation runs). */
  show(value: number | string): void;
};

export function viewInput(field: Field, options: ViewInputOptions = {}): ViewInput {
  const raw = new URLSearchParams(options.search ?? location.search).get(field.key);
  let parsed = raw === null ? {value: field.value} : parseField(field, raw);
  if ("value" in parsed && options.choices && !options.choices.includes(Number(parsed.value)))
    parsed = {reason: `not one of ${options.choices.join(", ")}`};
  const value = "value" in parsed ? parsed.value : field.value;
  const shown = (v: number | string) => options.labels?.[String(v)] ?? String(v);
  const short = raw !== null && raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  const notice =
    "reason" in parsed
      ? (html`<div class="notice" role="status"><code>${field.key}=${short}</code> was ignored (${parsed.reason}); showing ${shown(value)}.</div>` as HTMLElement)
      : null;
  let current = value;
  const wrapper = html`<div class="switch"></div>` as ViewInput;
  const fc = fieldControl(
    field,
    value,
    (v) => {
      current = v;
      writeUrl([field], {[field.key]: v});
      notice?.remove();
      clearLink(`view:${field.key}`);
      wrapper.dispatchEvent(new Event("input", {bubbles: true}));
    },
    {
      as: options.as ?? "radio",
      labels: options.labels,
      choices: options.choices,
      disabled: options.disabled,
      inUse: () => current
    }
  );
  wrapper.append(...(notice ? [notice] : []), fc.element);
  Object.defineProperty(wrapper, "value", {
    get: () => current,
    set: (v: number | string) => {
      current = v;
      fc.set(v);
      writeUrl([field], {[field.key]: v});
      notice?.remove();
      clearLink(`view:${field.key}`);
    }
  });
  wrapper.show = (v) => {
    current = v;
    fc.set(v);
  };
  if (reportedViews.has(field.key)) return wrapper;
  reportedViews.add(field.key);
  reportLink({
    key: `view:${field.key}`,
    anchor: wrapper,
    applied:
      "value" in parsed && raw !== null && parsed.value !== field.value
        ? [`${field.label} ${shown(value)}`]
        : [],
    refused: "reason" in parsed ? [{key: field.key, raw: short ?? "", reason: parsed.reason}] : []
  });
  return wrapper;
}

/**
 * A radio for one enum field that changes only how results are shown (kept for
 * pages written before `viewInput`; the same control).
 */
export function switchInput(
  field: EnumField,
  labels: Readonly<Record<string, string>> = {},
  search = location.search
): HTMLElement & {value: string} {
  return viewInput(field, {labels, as: "radio", search}) as HTMLElement & {value: string};
}
