/**
 * Accessibility fixes applied to whatever a page renders, as it renders:
 * - Observable Inputs label only the number box of a slider; the slider itself
 *   gets the same name (aria-label), so screen readers announce both.
 * - Observable Plot labels its mark groups with aria-label on <g> elements, which
 *   ARIA allows only with a role: they get role="group" (the label is kept).
 * - Boxes that can scroll sideways (Inputs.table, wide tables, displayed
 *   formulas on a phone) become focusable, so the keyboard can scroll them, and
 *   named regions.
 * - A plot without a text alternative of its own gets one from its figure's
 *   title (figures that set ariaLabel/ariaDescription keep theirs).
 */
const SCROLL_BOXES: readonly (readonly [string, string])[] = [
  ["form[class$='-table']", "table (scrollable)"],
  [".table-scroll", "table (scrollable)"],
  [".table-fit", "table (scrollable)"],
  [".katex-display", "formula (scrollable)"]
];

export function fixAccessibility(root: ParentNode): void {
  for (const range of root.querySelectorAll<HTMLInputElement>("input[type=range]:not([aria-label])")) {
    const form = range.closest("form");
    const label = form?.querySelector("label")?.textContent?.trim();
    if (label) range.setAttribute("aria-label", label);
  }
  for (const [selector, name] of SCROLL_BOXES) {
    for (const box of root.querySelectorAll<HTMLElement>(`${selector}:not([tabindex])`)) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      if (!box.hasAttribute("aria-label")) box.setAttribute("aria-label", name);
    }
  }
  for (const svg of root.querySelectorAll("svg[class^='plot-']:not([aria-label])")) {
    if (!/^plot-[0-9a-f]+$/.test(svg.getAttribute("class") ?? "")) continue;
    const title = svg.closest("figure")?.querySelector("h2, h3")?.textContent?.trim();
    svg.setAttribute("aria-label", title ? `Figure: ${title}` : "Figure");
  }
  for (const g of root.querySelectorAll("svg [aria-label]:not([role])")) {
    g.setAttribute("role", g.tagName.toLowerCase() === "g" ? "group" : "img");
  }
}

/** Applies `fix` now and to everything added under `root` later. */
export function watchAdded(root: HTMLElement, fix: (node: ParentNode) => void): MutationObserver {
  fix(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) if (node instanceof Element) fix(node.parentNode ?? node);
    }
  });
  observer.observe(root, {childList: true, subtree: true});
  return observer;
}
