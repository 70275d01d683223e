/**
 * Controls built from a declarative list of fields (core/settings/fields.ts): a slider
 * or a menu per field, "Retrain in this page" and "Back to the published
 * result". The form's value is `{values, retrain}`; `retrain` counts presses of
 * the retrain button since the last change of a value. Every change is written
 * to the URL, so a link restores the state; values from the URL that were
 * refused are listed in a notice, and a link with settings is announced at the
 * top of the page (link-notice.ts).
 *
 * A typed number is taken exactly as typed when the reader commits it (Enter,
 * or leaving the box), or refused with a message beside the box, the box marked
 * invalid; on leaving the box it shows the value in use again. Keystrokes in
 * between never train: typing "1e9" passes through "1", which is valid.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import type {AnyField, Field, Ignored, Values} from "../../core/settings/fields.js";
import {
  defaults,
  formatValue,
  parseField,
  parseParams,
  refusalMessage,
  toParams
} from "../../core/settings/fields.js";
import {clearLink, reportLink} from "./link-notice.js";

export interface Settings {
  readonly values: Values;
  /** Presses of "Retrain in this page" since the values last changed. */
  readonly retrain: number;
}

export interface SettingsForm extends HTMLFormElement {
  value: Settings;
}

/** How long a control waits after the last change before it acts (ms). */
export const DEBOUNCE_MS = 200;
let fieldIds = 0;

/** Reads the fields' values from the page's URL; lists what was refused. */
export function settingsFromUrl(
  fields: readonly Field[],
  search = location.search
): {values: Values; ignored: Ignored[]} {
  return parseParams(fields, new URLSearchParams(search));
}

/** Writes the fields' non-default values into the URL; parameters of other controls on the page stay. */
export function writeUrl(fields: readonly AnyField[], values: Values): void {
  const params = new URLSearchParams(location.search);
  for (const f of fields) params.delete(f.key);
  for (const [key, value] of toParams(fields, values)) params.set(key, value);
  const search = params.toString();
  const url = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
  history.replaceState(history.state, "", url);
}

type Control = HTMLElement & {value: number | string};

function rangeFor(field: Extract<Field, {kind: "int" | "number"}>, value: number, disabled = false): Control {
  if (field.kind === "number" && field.log) {
    return Inputs.range([field.min, field.max], {
      label: field.label,
      value,
      disabled,
      transform: Math.log,
      format: (x: number) => Number(x.toPrecision(2)).toString()
    }) as Control;
  }
  return Inputs.range([field.min, field.max], {
    label: field.label,
    value,
    disabled,
    step: field.step ?? (field.kind === "int" ? 1 : undefined)
  }) as Control;
}

/** Log-scale slider positions are kept to two significant digits (and so are their URLs); typed values are kept as typed. */
function fromSlider(field: Field, x: number | string): number | string {
  return field.kind === "number" && field.log ? Number(Number(x).toPrecision(2)) : x;
}

/**
 * One field's control with its help line and its message line. `onChange`
 * receives each value the reader chose (slider, menu, or a typed value that
 * passed validation); `set` shows a value without reporting it.
 */
export interface FieldControl {
  readonly element: HTMLElement;
  readonly control: Control;
  set(value: number | string): void;
  /** Clears a refusal message. */
  clear(): void;
}

export function fieldControl(
  field: Field,
  value: number | string,
  onChange: (value: number | string) => void,
  options: {
    inUse?: () => number | string;
    as?: "radio" | "select";
    labels?: Readonly<Record<string, string>>;
    choices?: readonly number[];
    disabled?: boolean;
  } = {}
): FieldControl {
  const id = `field-${++fieldIds}`;
  const help = field.help
    ? (html`<small class="field-help" id=${`${id}-help`}>${field.help}</small>` as HTMLElement)
    : null;
  const message =
    html`<small class="field-message" id=${`${id}-message`} aria-live="polite"></small>` as HTMLElement;
  const describedBy = [help ? `${id}-help` : "", `${id}-message`].filter(Boolean).join(" ");
  let current = value;
  const inUse = options.inUse ?? (() => current);
  const labels = options.labels ?? (field.kind === "enum" ? field.labels : undefined);
  const format = (v: number | string) => labels?.[String(v)] ?? String(v);

  let control: Control;
  if (field.kind === "enum" || options.choices) {
    const choices = field.kind === "enum" ? field.options : options.choices!;
    const make = options.as === "radio" ? Inputs.radio : Inputs.select;
    control = make(choices, {label: field.label, value, format, disabled: options.disabled}) as Control;
    for (const input of control.querySelectorAll("input, select"))
      input.setAttribute("aria-describedby", describedBy);
    control.addEventListener("input", (event) => {
      if (event.target === control) return;
      event.stopPropagation();
      current = control.value;
      onChange(control.value);
    });
  } else {
    control = rangeFor(field, Number(value), options.disabled);
    const box = control.querySelector<HTMLInputElement>("input[type=number]")!;
    const slider = control.querySelector<HTMLInputElement>("input[type=range]")!;
    box.value = String(value);
    box.setAttribute("aria-describedby", describedBy);
    const markInvalid = (text: string) => {
      box.setAttribute("aria-invalid", "true");
      message.textContent = text;
    };
    // Inputs' own handler would take every valid keystroke: the box is ours (capture phase, before it).
    control.addEventListener(
      "input",
      (event) => {
        if (event.target === box) {
          event.stopPropagation();
          const parsed = box.validity.badInput ? undefined : parseField(field, box.value);
          if (parsed && "value" in parsed) box.removeAttribute("aria-invalid");
        }
      },
      true
    );
    box.addEventListener("change", () => {
      const parsed = box.validity.badInput ? {reason: "not a number"} : parseField(field, box.value);
      if ("reason" in parsed) return markInvalid(refusalMessage(field, box.value, parsed.reason, inUse()));
      const v = parsed.value;
      control.value = v; // moves the slider (Inputs' setter)
      box.value = String(v); // as typed, not rounded to the slider's format
      box.removeAttribute("aria-invalid");
      message.textContent = "";
      current = v;
      onChange(v);
    });
    // Leaving a refused value: the box shows the value in use again; the message stays.
    box.addEventListener("blur", () => {
      if (box.getAttribute("aria-invalid") !== "true") return;
      const v = inUse();
      control.value = v;
      box.value = String(v);
      box.removeAttribute("aria-invalid");
    });
    slider.addEventListener("input", () => {
      box.removeAttribute("aria-invalid");
      message.textContent = "";
    });
    control.addEventListener("input", (event) => {
      if (event.target === control) return;
      event.stopPropagation();
      const v = fromSlider(field, control.value);
      current = v;
      onChange(v);
    });
  }
  const element =
    html`<div class="field" data-key=${field.key}>${control}${help}${message}</div>` as HTMLElement;
  return {
    element,
    control,
    set(v) {
      current = v;
      control.value = v;
      const box = control.querySelector<HTMLInputElement>("input[type=number]");
      if (box) {
        box.value = String(v);
        box.removeAttribute("aria-invalid");
      }
      message.textContent = "";
    },
    clear() {
      message.textContent = "";
    }
  };
}

function linkWords(fields: readonly Field[], values: Values): string[] {
  return [...toParams(fields, values).keys()].map((key) => {
    const f = fields.find((x) => x.key === key)!;
    return `${f.label} ${formatValue(f, values[key])}`;
  });
}

export interface SettingsFormOptions {
  /** Report the link's settings in the notice at the top of the page (default true). */
  readonly linkNotice?: boolean;
  /**
   * Whether these values need a run in the page (the notice then says that it
   * starts when the reader gets there). Default: some setting other than the
   * seed differs from its default, as on every page with published seeds.
   */
  readonly trains?: (values: Values) => boolean;
}

export function settingsForm(
  fields: readonly Field[],
  initial: Values,
  ignored: readonly Ignored[] = [],
  options: SettingsFormOptions = {}
): SettingsForm {
  let settings: Settings = {values: {...initial}, retrain: 0};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const retrainButton =
    html`<button type="button" class="retrain">Retrain in this page</button>` as HTMLButtonElement;
  const resetButton =
    html`<button type="button" class="reset">Back to the published result</button>` as HTMLButtonElement;
  const notice = html`<div class="notice" role="status" hidden></div>` as HTMLDivElement;
  const publish = () => {
    clearTimeout(timer);
    timer = undefined;
    writeUrl(fields, settings.values);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const controls = fields.map((f) =>
    fieldControl(
      f,
      initial[f.key],
      (v) => {
        settings = {values: {...settings.values, [f.key]: v}, retrain: 0};
        clearTimeout(timer);
        timer = setTimeout(publish, DEBOUNCE_MS);
      },
      {inUse: () => settings.values[f.key]}
    )
  );
  const form = html`<form class="settings" aria-label="training settings">
    ${notice}
    <div class="settings-grid">${controls.map((c) => c.element)}</div>
    <div class="settings-buttons">${retrainButton} ${resetButton}</div>
  </form>` as SettingsForm;
  form.addEventListener("submit", (event) => event.preventDefault());
  Object.defineProperty(form, "value", {get: () => settings, set: (v: Settings) => (settings = v)});

  if (ignored.length > 0) {
    notice.hidden = false;
    notice.append(
      html`<strong>Some settings in the link were ignored</strong> and their defaults used instead:`,
      html`<ul>${ignored.map((g) => html`<li><code>${g.key}=${g.raw}</code>: ${g.reason}</li>`)}</ul>`
    );
  }
  const linkKey = `settings:${fields.map((f) => f.key).join(",")}`;
  const trains =
    options.trains ?? ((v: Values) => fields.some((f) => f.key !== "seed" && v[f.key] !== f.value));
  if (options.linkNotice ?? true)
    reportLink({
      key: linkKey,
      anchor: form,
      applied: linkWords(fields, initial),
      refused: ignored,
      trains: trains(initial)
    });

  retrainButton.onclick = () => {
    settings = {values: settings.values, retrain: settings.retrain + 1};
    publish();
  };
  resetButton.onclick = () => {
    const d = defaults(fields);
    controls.forEach((c, k) => c.set(d[fields[k].key]));
    notice.hidden = true;
    clearLink(linkKey);
    settings = {values: d, retrain: 0};
    publish();
  };
  return form;
}

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

/**
 * Scrolls `element` into view when the page was opened with settings in its
 * link that differ from the defaults. The notice at the top of the page (which
 * every settings form now reports to) names the settings and links to them;
 * pages that want the reader taken straight to the run still call this.
 */
export function revealIfLinked(element: Element, fields: readonly Field[], values: Values): void {
  if ([...toParams(fields, values)].length === 0) return;
  requestAnimationFrame(() => element.scrollIntoView({block: "start"}));
}
