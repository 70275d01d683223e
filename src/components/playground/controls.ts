/**
 * The playground's settings as controls, built from the declarative fields of
 * core/playground/settings.ts: a radio group or menu per choice, a slider per
 * number, check boxes for the features and a small editor for the hidden layers
 * (buttons, so everything works from the keyboard). Every change reaches
 * `onChange` (debounced) and the page's URL; values from the URL that were
 * refused are listed in a notice, as on the other pages.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import type {AnyField, Ignored, ListField, Values} from "../../core/settings/fields.js";
import {parseField} from "../../core/settings/fields.js";
import {OPEN_AT_FIELD} from "../../core/playground/settings.js";
import {DEBOUNCE_MS, writeUrl} from "../controls/controls.js";
import {ACTIVATION_LABELS} from "../../core/engine/mlp.js";
import type {Activation} from "../../core/engine/mlp.js";
import {featureLabel} from "../../core/playground/features.js";
import type {FeatureName} from "../../core/playground/features.js";
import {DATASET_LABELS} from "../../core/playground/datasets.js";
import type {DatasetName} from "../../core/playground/datasets.js";

const FORMATS: Record<string, (x: string) => string> = {
  dataset: (x) => DATASET_LABELS[x as DatasetName] ?? x,
  activation: (x) => ACTIVATION_LABELS[x as Activation] ?? x,
  reg: (x) => ({none: "none", l1: "L1", l2: "L2"})[x] ?? x,
  features: (x) => featureLabel(x as FeatureName)
};

export interface PlaygroundControls {
  readonly element: HTMLElement;
  values(): Values;
}

export function ignoredNotice(ignored: readonly Ignored[]): HTMLElement {
  const notice = html`<div class="notice" role="status"></div>` as HTMLElement;
  if (ignored.length === 0) {
    notice.hidden = true;
    return notice;
  }
  notice.append(
    html`<strong>Some settings in the link were ignored</strong> and their defaults used instead:`,
    html`<ul>${ignored.map((g) => html`<li><code>${g.key}=${g.raw}</code>: ${g.reason}</li>`)}</ul>`
  );
  return notice;
}

type Control = HTMLElement & {value: unknown};

/** The hidden-layer editor: a layer count and a neuron count per layer, each with − and + buttons. */
function layersEditor(
  field: Extract<ListField, {kind: "ints"}>,
  value: string,
  onInput: (v: string) => void
): HTMLElement {
  let widths = value === "" ? [] : value.split(",").map(Number);
  const root = html`<div class="layers-editor" role="group" aria-label=${field.label}></div>` as HTMLElement;
  const stepper = (
    label: string,
    text: string,
    minus: () => void,
    plus: () => void,
    canMinus: boolean,
    canPlus: boolean
  ) => {
    const m =
      html`<button type="button" aria-label=${`${label}: fewer`} disabled=${!canMinus}>−</button>` as HTMLButtonElement;
    const p =
      html`<button type="button" aria-label=${`${label}: more`} disabled=${!canPlus}>+</button>` as HTMLButtonElement;
    m.onclick = minus;
    p.onclick = plus;
    return html`<span class="stepper"><span class="stepper-label">${label}</span>${m}<output aria-live="polite">${text}</output>${p}</span>`;
  };
  const change = (next: number[], focus: string) => {
    widths = next;
    render(focus);
    onInput(widths.join(","));
  };
  const render = (focus?: string) => {
    root.replaceChildren(
      stepper(
        "hidden layers",
        String(widths.length),
        () => change(widths.slice(0, -1), "hidden layers: fewer"),
        () => change([...widths, 2], "hidden layers: more"),
        widths.length > field.minLength,
        widths.length < field.maxLength
      ),
      html`<span class="layer-widths">${widths.map((w, k) =>
        stepper(
          `layer ${k + 1}`,
          String(w),
          () =>
            change(
              widths.map((x, i) => (i === k ? x - 1 : x)),
              `layer ${k + 1}: fewer`
            ),
          () =>
            change(
              widths.map((x, i) => (i === k ? x + 1 : x)),
              `layer ${k + 1}: more`
            ),
          w > field.min,
          w < field.max
        )
      )}</span>`
    );
    // Keep keyboard focus on the button that was pressed (or its partner if it is now disabled).
    if (focus) {
      const buttons = [...root.querySelectorAll("button")] as HTMLButtonElement[];
      const target = buttons.find((b) => b.getAttribute("aria-label") === focus);
      const partner = buttons.find(
        (b) =>
          b.getAttribute("aria-label") ===
          focus.replace(/fewer$|more$/, (m) => (m === "fewer" ? "more" : "fewer"))
      );
      (target && !target.disabled ? target : partner)?.focus();
    }
  };
  render();
  return root;
}

function control(
  field: AnyField,
  value: number | string,
  onInput: (v: number | string) => void
): HTMLElement {
  const format = FORMATS[field.key];
  let input: Control;
  if (field.kind === "ints") return layersEditor(field, String(value), onInput);
  if (field.kind === "set") {
    input = Inputs.checkbox(field.options, {
      label: field.label,
      value: String(value).split(","),
      format
    }) as Control;
    input.addEventListener("input", () => {
      const parsed = parseField(field, (input.value as string[]).join(","));
      input.classList.toggle("invalid", !("value" in parsed));
      if ("value" in parsed) onInput(parsed.value);
    });
    return input;
  }
  if (field.kind === "enum") {
    input = (
      field.options.length <= 4
        ? Inputs.radio(field.options, {label: field.label, value, format})
        : Inputs.select(field.options, {label: field.label, value, format})
    ) as Control;
  } else {
    input = Inputs.range([field.min, field.max], {
      label: field.label,
      value,
      step: field.kind === "int" ? 1 : undefined
    }) as Control;
    // Inputs labels only the number box; the slider gets the same name.
    input.querySelector("input[type=range]")?.setAttribute("aria-label", field.label);
  }
  input.addEventListener("input", () => {
    const parsed = parseField(field, String(input.value));
    if ("value" in parsed) onInput(parsed.value);
  });
  return input;
}

export function playgroundControls(
  fields: readonly AnyField[],
  initial: Values,
  ignored: readonly Ignored[],
  onChange: (values: Values) => void
): PlaygroundControls {
  let values = {...initial};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = () => {
    timer = undefined;
    // A new setting starts the run over: the link no longer names an epoch in it.
    writeUrl([...fields, OPEN_AT_FIELD], {...values, [OPEN_AT_FIELD.key]: OPEN_AT_FIELD.value});
    onChange({...values});
  };
  const controls = fields.map(
    (f) =>
      html`<div class="control" data-key=${f.key}>${control(f, initial[f.key], (v) => {
        values = {...values, [f.key]: v};
        clearTimeout(timer);
        timer = setTimeout(publish, DEBOUNCE_MS);
      })}</div>`
  );
  const element =
    html`<form class="settings playground-settings" aria-label="playground settings" onsubmit=${(e: Event) => e.preventDefault()}>
    ${ignoredNotice(ignored)}
    <div class="settings-grid">${controls}</div>
  </form>` as HTMLElement;
  return {element, values: () => ({...values})};
}
