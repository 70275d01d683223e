/**
 * One notice at the top of a page opened from a link with settings in it: what
 * the link set, section by section, with a jump link to each section, and what
 * was refused. Controls report their part (`reportLink`); the notice collects
 * them, so a reader who opens a long page at the top sees at once that the
 * link did something, and where.
 */
import {html} from "htl";
import type {Ignored} from "../../core/settings/fields.js";
import {listing} from "../../core/format/words.js";

export interface LinkPart {
  /** Unique per control group on the page, e.g. "settings" or "view:seed". */
  readonly key: string;
  /** The control the part belongs to: the jump link goes to its section. */
  readonly anchor: Element;
  /** What the link set, in words ("batch size 16"). */
  readonly applied: readonly string[];
  readonly refused: readonly Ignored[];
  /** The settings start a run in that section (which waits until the reader gets there). */
  readonly trains?: boolean;
}

const parts = new Map<string, LinkPart>();
let notice: HTMLElement | undefined;
let pending = false;
let ids = 0;

export function reportLink(part: LinkPart): void {
  if (part.applied.length === 0 && part.refused.length === 0) parts.delete(part.key);
  else parts.set(part.key, part);
  schedule();
}

/** Forgets a part (e.g. after "Back to the published result"). */
export function clearLink(key: string): void {
  if (parts.delete(key)) schedule();
}

function schedule(): void {
  if (pending) return;
  pending = true;
  // Controls report while their cell runs, before they are in the page: wait until they are.
  let tries = 0;
  const tick = () => {
    const ready = [...parts.values()].every((p) => p.anchor.isConnected);
    if (!ready && ++tries < 120) return void requestAnimationFrame(tick);
    pending = false;
    render();
  };
  requestAnimationFrame(tick);
}

/** The heading of the section an element sits in (the nearest heading before it), or the element itself. */
export function sectionOf(element: Element): {id: string; title: string} {
  let node: Element | null = element;
  while (node && node.parentElement && node.parentElement.id !== "observablehq-main")
    node = node.parentElement;
  for (let s = node?.previousElementSibling; s; s = s.previousElementSibling) {
    if (/^H[23]$/.test(s.tagName) && s.id) return {id: s.id, title: s.textContent?.trim() ?? s.id};
  }
  if (!element.id) element.id = `linked-control-${++ids}`;
  return {id: element.id, title: "the settings"};
}

function render(): void {
  if (parts.size === 0) {
    notice?.remove();
    notice = undefined;
    return;
  }
  const sections = new Map<string, {title: string; applied: string[]; trains: boolean}>();
  const refused: Ignored[] = [];
  // In the order of the page, whatever order the controls reported in.
  const ordered = [...parts.values()].sort((a, b) =>
    a.anchor.compareDocumentPosition(b.anchor) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
  );
  for (const p of ordered) {
    refused.push(...p.refused);
    if (p.applied.length === 0) continue;
    const {id, title} = sectionOf(p.anchor);
    const s = sections.get(id) ?? {title, applied: [], trains: false};
    s.applied.push(...p.applied);
    s.trains ||= Boolean(p.trains);
    sections.set(id, s);
  }
  const content = html`${
    sections.size
      ? html`<p><strong>This link sets what the page shows.</strong></p>
    <ul>${[...sections].map(
      ([id, s]) =>
        html`<li>In <a href=${`#${id}`}>${s.title}</a>: ${listing(s.applied)}.${s.trains ? " A run with these settings starts when you get there." : ""}</li>`
    )}</ul>`
      : ""
  }
    ${
      refused.length
        ? html`<p><strong>Not used from the link</strong> (the defaults apply instead): ${refused.map(
            (g, k) => html`${k ? "; " : ""}<code>${g.key}=${g.raw}</code> (${g.reason})`
          )}.</p>`
        : ""
    }`;
  // One element for the page's lifetime, its content replaced as controls report.
  if (!notice) {
    notice =
      html`<div class="notice link-notice" role="status" aria-label="Settings from the link"></div>` as HTMLElement;
    const main = document.getElementById("observablehq-main") ?? document.body;
    const h1 = main.querySelector(":scope > h1");
    if (h1) h1.after(notice);
    else main.prepend(notice);
  }
  notice.replaceChildren(content);
}
