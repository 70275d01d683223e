// Loaded on every page (config `head`): self-hosted fonts, the document's language,
// accessible names for Framework's sidebar controls, an accessibility pass over every
// figure and control a page adds (a11y.ts), and download buttons under every figure.
import {loadFonts} from "./fonts.js";
import {fixAccessibility, watchAdded} from "./a11y.js";
import {addFigureTools} from "../figures/figure-tools.js";

loadFonts();
document.documentElement.lang = "en";

document
  .getElementById("observablehq-sidebar-toggle")
  ?.setAttribute("aria-label", "Show or hide the list of pages");
const close = document.getElementById("observablehq-sidebar-close");
if (close) {
  const text = document.createElement("span");
  text.className = "sr-only";
  text.textContent = "Hide the list of pages";
  close.append(text);
  // A label inside the list is not a list item: move it just before the list.
  const list = close.parentElement;
  if (list?.tagName === "OL") list.before(close);
}
watchAdded(document.body, fixAccessibility);
const main = document.getElementById("observablehq-main");
if (main) watchAdded(main, addFigureTools);
