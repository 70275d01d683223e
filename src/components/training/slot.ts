/**
 * Keeps the main thread responsive while figures redraw during training. A
 * slot remembers the element it last rendered for a key: if the dependencies
 * are unchanged it hands back that element; otherwise it shows the previous
 * element at once (no flicker, and the last good state stays visible) and draws
 * the new one in a task of its own, so six figures never add up to one long task.
 */

interface Entry {
  deps: readonly unknown[];
  element: Element;
  timer?: ReturnType<typeof setTimeout>;
}

const slots = new Map<string, Entry>();

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

export function slot(key: string, deps: readonly unknown[], render: () => Element): Element {
  const entry = slots.get(key);
  if (entry && same(entry.deps, deps)) return entry.element;
  if (!entry) {
    const element = render();
    slots.set(key, {deps, element});
    return element;
  }
  // Show the previous drawing in a fresh container and replace it in a later task.
  const container = document.createElement("div");
  container.className = "slot";
  container.append(entry.element);
  clearTimeout(entry.timer);
  entry.deps = deps;
  entry.timer = setTimeout(() => {
    const element = render();
    container.replaceChildren(element);
    entry.element = element;
    entry.timer = undefined;
  }, 0);
  entry.element = container.firstElementChild ?? entry.element;
  return container;
}
