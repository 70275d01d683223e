/**
 * The settings form of a page that retrains: a control per field, "Retrain in
 * this page" and "Back to the published result". The form's value is
 * `{values, retrain}`; `retrain` counts presses of the retrain button since the
 * last change of a value. Every change is written to the URL, so a link restores
 * the state; values from the URL that were refused are listed in a notice, and a
 * link with settings is announced at the top of the page (link-notice.ts).
 */
import {html} from "htl";
import type {Field, Ignored, Values} from "../../core/settings/fields.js";
import {defaults, formatValue, toParams} from "../../core/settings/fields.js";
import {DEBOUNCE_MS, fieldControl} from "./field-control.js";
import {clearLink, reportLink} from "./link-notice.js";
import {writeUrl} from "./url.js";

export interface Settings {
  readonly values: Values;
  /** Presses of "Retrain in this page" since the values last changed. */
  readonly retrain: number;
}

export interface SettingsForm extends HTMLFormElement {
  value: Settings;
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
