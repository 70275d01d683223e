/**
 * Keeps the main thread responsive while figures redraw during training. A
 * slot remembers the element it last rendered for a key: if the dependencies
 * are unchanged it hands back what is on screen; otherwise it shows the previous
 * element at once (no flicker, and the last good state stays visible) and draws
 * the new one later, in a task of its own, so six figures never add up to one
 * long task. A figure redraws at most once every `MIN_REDRAW_MS`, and less often
 * when it is slow to draw (`COST_FACTOR` times its last drawing time), so drawing
 * never takes more than a small share of a core from the training; the latest
 * dependencies are always drawn in the end.
 */

/** The shortest interval between two drawings of one figure (ms). */
export const MIN_REDRAW_MS = 200;
/** A figure that took t ms to draw waits at least this many times t before it draws again. */
export const COST_FACTOR = 8;

interface Entry {
  deps: readonly unknown[];
  element: Element;
  render: () => Element;
  /** The container on screen while a drawing waits (holding the previous element). */
  holder?: HTMLElement;
  timer?: ReturnType<typeof setTimeout>;
  /** When the last drawing ended, and how long it took (ms). */
  last: number;
  cost: number;
}

const slots = new Map<string, Entry>();

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

function timed(render: () => Element): {element: Element; last: number; cost: number} {
  const t0 = performance.now();
  const element = render();
  const last = performance.now();
  return {element, last, cost: last - t0};
}

function draw(entry: Entry): void {
  entry.timer = undefined;
  const {element, last, cost} = timed(entry.render);
  entry.holder?.replaceChildren(element);
  entry.holder = undefined;
  Object.assign(entry, {element, last, cost});
}

export function slot(key: string, deps: readonly unknown[], render: () => Element): Element {
  const entry = slots.get(key);
  if (!entry) {
    slots.set(key, {deps, render, ...timed(render)});
    return slots.get(key)!.element;
  }
  if (same(entry.deps, deps)) return entry.holder ?? entry.element;
  entry.deps = deps;
  entry.render = render;
  // Show the previous drawing in a fresh container (the page puts it where the old one was).
  const holder = document.createElement("div");
  holder.className = "slot";
  holder.append(entry.element);
  entry.holder = holder;
  if (entry.timer === undefined) {
    const wait = entry.last + Math.max(MIN_REDRAW_MS, COST_FACTOR * entry.cost) - performance.now();
    entry.timer = setTimeout(() => draw(entry), Math.max(0, wait));
  }
  return holder;
}
