/**
 * A slider over the epochs of a recorded training run, with a play button.
 * Playing advances one recorded frame per tick; readers who ask for reduced
 * motion get no animation (the button is disabled and says why). The value is
 * the epoch shown. With a `key`, the epoch comes from the URL and goes back
 * into it (when the reader sets it, and when playing stops); a typed epoch is
 * validated like every other typed value (controls.ts).
 */
import {html} from "htl";
import type {Field} from "../../core/settings/fields.js";
import {fieldControl, viewInput, writeUrl} from "../controls/controls.js";

export function scrubber(options: {
  label: string;
  last: number;
  step: number;
  value?: number;
  intervalMs?: number;
  key?: string;
}): HTMLElement & {value: number} {
  const {last, step} = options;
  const field: Field = {
    key: options.key ?? "epoch",
    label: options.label,
    kind: "int",
    min: 0,
    max: last,
    step,
    value: options.value ?? last
  };
  const reduced = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  const play = html`<button type="button" class="scrubber-play" disabled=${reduced} title=${
    reduced
      ? "Animation is off because your system asks for reduced motion; use the slider."
      : "Play the training"
  }>▶ Play</button>` as HTMLButtonElement;
  const element = html`<div class="scrubber">${play}</div>` as HTMLElement & {value: number};
  let epoch = Number(field.value);
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer === undefined) return;
    clearInterval(timer);
    timer = undefined;
    play.textContent = "▶ Play";
    if (options.key) writeUrl([field], {[field.key]: epoch});
  };
  let setShown: (v: number) => void;
  if (options.key) {
    const input = viewInput(field);
    epoch = Number(input.value);
    input.addEventListener("input", (event) => {
      if (event.target !== input) return;
      event.stopPropagation();
      stop();
      epoch = Number(input.value);
      element.dispatchEvent(new Event("input", {bubbles: true}));
    });
    setShown = (v) => input.show(v);
    element.append(input);
  } else {
    const fc = fieldControl(field, epoch, (v) => {
      stop();
      epoch = Number(v);
      element.dispatchEvent(new Event("input", {bubbles: true}));
    });
    setShown = (v) => fc.set(v);
    element.append(fc.element);
  }
  const set = (v: number) => {
    epoch = v;
    setShown(v);
    element.dispatchEvent(new Event("input", {bubbles: true}));
  };
  play.onclick = () => {
    if (timer !== undefined) return stop();
    if (epoch >= last) set(0);
    play.textContent = "❚❚ Pause";
    timer = setInterval(() => {
      const next = epoch + step;
      if (next > last) return stop();
      set(next);
    }, options.intervalMs ?? 120);
  };
  Object.defineProperty(element, "value", {get: () => epoch, set: (v: number) => set(v)});
  return element;
}
