/**
 * Controls built from a declarative list of fields (core/fields.ts): a slider
 * or a menu per field, "Retrain in this page" and "Back to the published
 * result". The form's value is `{values, retrain}`; `retrain` counts presses of
 * the retrain button since the last change of a value. Every change is written
 * to the URL, so a link restores the state; values from the URL that were
 * refused are listed in a notice.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import type {Field, Ignored, Values} from "../core/fields.js";
import {defaults, parseField, parseParams, toParams} from "../core/fields.js";

export interface Settings {
  readonly values: Values;
  /** Presses of "Retrain in this page" since the values last changed. */
  readonly retrain: number;
}

export interface SettingsForm extends HTMLFormElement {
  value: Settings;
}

const DEBOUNCE_MS = 200;

/** Reads the fields' values from the page's URL; lists what was refused. */
export function settingsFromUrl(fields: readonly Field[], search = location.search): {values: Values; ignored: Ignored[]} {
  return parseParams(fields, new URLSearchParams(search));
}

/** Writes the fields' non-default values into the URL; parameters of other controls on the page stay. */
function writeUrl(fields: readonly Field[], values: Values): void {
  const params = new URLSearchParams(location.search);
  for (const f of fields) params.delete(f.key);
  for (const [key, value] of toParams(fields, values)) params.set(key, value);
  const search = params.toString();
  const url = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
  history.replaceState(history.state, "", url);
}

function inputFor(field: Field, value: number | string): HTMLElement & {value: number | string} {
  if (field.kind === "enum") return Inputs.select(field.options, {label: field.label, value}) as HTMLElement & {value: string};
  if (field.kind === "number" && field.log) {
    return Inputs.range([field.min, field.max], {
      label: field.label,
      value,
      transform: Math.log,
      format: (x: number) => Number(x.toPrecision(2)).toString()
    }) as HTMLElement & {value: number};
  }
  return Inputs.range([field.min, field.max], {label: field.label, value, step: field.kind === "int" ? 1 : undefined}) as HTMLElement & {
    value: number;
  };
}

/** Log-scale values are kept to two significant digits (and so are their URLs). */
function normalize(field: Field, x: number | string): number | string {
  return field.kind === "number" && field.log ? Number(Number(x).toPrecision(2)) : x;
}

export function settingsForm(fields: readonly Field[], initial: Values, ignored: readonly Ignored[] = []): SettingsForm {
  const inputs = fields.map((f) => inputFor(f, initial[f.key]));
  const retrainButton = html`<button type="button" class="retrain">Retrain in this page</button>` as HTMLButtonElement;
  const resetButton = html`<button type="button" class="reset">Back to the published result</button>` as HTMLButtonElement;
  const notice = html`<div class="notice" role="status" hidden></div>` as HTMLDivElement;
  const form = html`<form class="settings" aria-label="training settings">
    ${notice}
    <div class="settings-grid">${inputs}</div>
    <div class="settings-buttons">${retrainButton} ${resetButton}</div>
  </form>` as SettingsForm;

  let settings: Settings = {values: {...initial}, retrain: 0};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = () => {
    clearTimeout(timer);
    timer = undefined;
    writeUrl(fields, settings.values);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  Object.defineProperty(form, "value", {get: () => settings, set: (v: Settings) => (settings = v)});

  if (ignored.length > 0) {
    notice.hidden = false;
    notice.append(
      html`<strong>Some settings in the link were ignored</strong> and their defaults used instead:`,
      html`<ul>${ignored.map((g) => html`<li><code>${g.key}=${g.raw}</code>: ${g.reason}</li>`)}</ul>`
    );
  }

  inputs.forEach((input, k) => {
    input.addEventListener("input", (event) => {
      if (event.target === form) return;
      event.stopPropagation();
      const field = fields[k];
      settings = {values: {...settings.values, [field.key]: normalize(field, input.value)}, retrain: 0};
      clearTimeout(timer);
      timer = setTimeout(publish, DEBOUNCE_MS);
    });
  });
  retrainButton.onclick = () => {
    settings = {values: settings.values, retrain: settings.retrain + 1};
    publish();
  };
  resetButton.onclick = () => {
    const d = defaults(fields);
    inputs.forEach((input, k) => (input.value = d[fields[k].key]));
    notice.hidden = true;
    settings = {values: d, retrain: 0};
    publish();
  };
  return form;
}

export type EnumField = Extract<Field, {kind: "enum"}>;

/**
 * A radio for one enum field that changes only how results are shown (not what
 * is trained): its value comes from the URL and goes back into it, beside the
 * settings form's. A refused value from the URL is named and the default used.
 */
export function switchInput(field: EnumField, labels: Readonly<Record<string, string>> = {}, search = location.search): HTMLElement & {value: string} {
  const raw = new URLSearchParams(search).get(field.key);
  const parsed = raw === null ? {value: field.value} : parseField(field, raw);
  const value = "value" in parsed ? String(parsed.value) : field.value;
  const radio = Inputs.radio(field.options, {label: field.label, value, format: (o: string) => labels[o] ?? o}) as HTMLElement & {value: string};
  const notice =
    "reason" in parsed
      ? html`<div class="notice" role="status"><code>${field.key}=${raw!.length > 40 ? `${raw!.slice(0, 40)}…` : raw}</code> was ignored (${parsed.reason}); showing ${labels[value] ?? value}.</div>`
      : "";
  const wrapper = html`<div class="switch">${notice}${radio}</div>` as HTMLElement & {value: string};
  Object.defineProperty(wrapper, "value", {get: () => radio.value});
  radio.addEventListener("input", () => {
    writeUrl([field], {[field.key]: radio.value});
    const n = wrapper.querySelector(".notice");
    if (n) n.remove();
  });
  return wrapper;
}

/**
 * Scrolls `element` into view when the page was opened with settings in its
 * link that differ from the defaults: the reader came for that run, and a run
 * whose settings and figures are off-screen waits (see `pauseWhenHidden`).
 */
export function revealIfLinked(element: Element, fields: readonly Field[], values: Values): void {
  if ([...toParams(fields, values)].length === 0) return;
  requestAnimationFrame(() => element.scrollIntoView({block: "start"}));
}
