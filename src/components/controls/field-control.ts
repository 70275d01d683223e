/**
 * One control for one field (core/settings/fields.ts): a slider with a number box
 * for numbers, radio buttons or a menu for choices. A typed number is taken
 * exactly as typed when the reader commits it (Enter, or leaving the box), or
 * refused with a message beside the box, the box marked invalid; on leaving the
 * box it shows the value in use again. Keystrokes in between never act: typing
 * "1e9" passes through "1", which is valid.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import type {Field} from "../../core/settings/fields.js";
import {parseField, refusalMessage} from "../../core/settings/fields.js";

/** How long a control waits after the last change before it acts (ms). */
export const DEBOUNCE_MS = 200;
let fieldIds = 0;

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
