/**
 * A slider over the epochs of a recorded training run, with a play button.
 * Playing advances one recorded frame per tick; readers who ask for reduced
 * motion get no animation (the button is disabled and says why). The value is
 * the epoch shown.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";

export function scrubber(options: {label: string; last: number; step: number; value?: number; intervalMs?: number}): HTMLElement & {value: number} {
  const {last, step} = options;
  const range = Inputs.range([0, last], {label: options.label, step, value: options.value ?? last});
  const reduced = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  const play = html`<button type="button" class="scrubber-play" disabled=${reduced} title=${
    reduced ? "Animation is off because your system asks for reduced motion; use the slider." : "Play the training"
  }>▶ Play</button>` as HTMLButtonElement;
  const element = html`<div class="scrubber">${play}${range}</div>` as HTMLElement & {value: number};
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    play.textContent = "▶ Play";
  };
  const set = (epoch: number) => {
    range.value = epoch;
    element.dispatchEvent(new Event("input", {bubbles: true}));
  };
  range.addEventListener("input", (e) => {
    if (e.isTrusted) stop();
  });
  play.onclick = () => {
    if (timer !== undefined) return stop();
    if (Number(range.value) >= last) set(0);
    play.textContent = "❚❚ Pause";
    timer = setInterval(() => {
      const next = Number(range.value) + step;
      if (next > last) return stop();
      set(next);
    }, options.intervalMs ?? 120);
  };
  Object.defineProperty(element, "value", {get: () => Number(range.value), set: (v: number) => (range.value = v)});
  return element;
}
