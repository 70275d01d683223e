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
 *
 * A figure drawn for the first time is drawn at once, unless the figures drawn in the
 * same task already took `TASK_BUDGET_MS`: then it gets an empty container and is drawn
 * in a task of its own (a reader's first run adds three latent maps at once, which drawn
 * together made one task of 100–140 ms).
 */

/** The shortest interval between two drawings of one figure (ms). */
export const MIN_REDRAW_MS = 200;
/** A figure that took t ms to draw waits at least this many times t before it draws again. */
export const COST_FACTOR = 8;
/** First drawings in one task stop being drawn at once when they have taken this long (ms). */
export const TASK_BUDGET_MS = 25;

interface Entry {
  deps: readonly unknown[];
  /** What is on screen (undefined only while a first drawing waits in `holder`). */
  element?: Element;
  render: () => Element;
  /** The container on screen while a drawing waits (holding the previous element). */
  holder?: HTMLElement;
  timer?: ReturnType<typeof setTimeout>;
  /** When the last drawing ended, and how long it took (ms). */
  last: number;
  cost: number;
}

const slots = new Map<string, Entry>();

/** Time the first drawings of the current task took; reset when the task ends. */
let spentInTask = 0;
let resetScheduled = false;

function spend(ms: number): void {
  spentInTask += ms;
  if (resetScheduled) return;
  resetScheduled = true;
  setTimeout(() => {
    spentInTask = 0;
    resetScheduled = false;
  }, 0);
}

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
  if (!entry && spentInTask < TASK_BUDGET_MS) {
    const drawn = timed(render);
    spend(drawn.cost);
    slots.set(key, {deps, render, ...drawn});
    return drawn.element;
  }
  if (!entry) {
    // Over this task's budget: an empty container now, the figure in a task of its own.
    const holder = document.createElement("div");
    holder.className = "slot";
    const waiting: Entry = {deps, render, holder, last: 0, cost: 0};
    waiting.timer = setTimeout(() => draw(waiting), 0);
    slots.set(key, waiting);
    return holder;
  }
  if (same(entry.deps, deps)) return (entry.holder ?? entry.element)!;
  entry.deps = deps;
  entry.render = render;
  // Show the previous drawing in a fresh container (the page puts it where the old one was).
  const holder = document.createElement("div");
  holder.className = "slot";
  if (entry.element) holder.append(entry.element);
  entry.holder = holder;
  if (entry.timer === undefined) {
    const wait = entry.last + Math.max(MIN_REDRAW_MS, COST_FACTOR * entry.cost) - performance.now();
    entry.timer = setTimeout(() => draw(entry), Math.max(0, wait));
  }
  return holder;
}
