/**
 * Download buttons under every figure of a page: the figure as SVG (with the
 * theme's colours resolved, so it looks the same outside the page) and as PNG.
 * Data downloads (CSV, JSON) are added by the pages themselves, next to the
 * figures whose data they are.
 */

import {saveBlob} from "../site/listing.js";

const DONE = "figureTools";

function fileName(svg: SVGSVGElement, index: number): string {
  const figure = svg.closest("figure");
  const title =
    figure?.querySelector("h2, h3, figcaption")?.textContent ?? svg.getAttribute("aria-label") ?? "";
  const page = location.pathname.split("/").pop() || "index";
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${page}-${slug || `figure-${index + 1}`}`;
}

/** A standalone copy of a plot's SVG: computed colours and fonts written into the elements. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll("*")];
  const target = [clone, ...clone.querySelectorAll("*")];
  source.forEach((el, k) => {
    const style = getComputedStyle(el);
    const out = target[k] as SVGElement;
    for (const attr of ["fill", "stroke"] as const) {
      const value = out.getAttribute(attr);
      if (value && (value.includes("var(") || value === "currentColor")) out.setAttribute(attr, style[attr]);
    }
  });
  const rootStyle = getComputedStyle(svg);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("color", rootStyle.color);
  clone.style.background = getComputedStyle(document.body).backgroundColor;
  clone.style.fontFamily = rootStyle.fontFamily;
  return new XMLSerializer().serializeToString(clone);
}

export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext("2d")!;
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png")
  );
}

function toolbar(svg: SVGSVGElement, index: number): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "figure-tools";
  const name = fileName(svg, index);
  const button = (label: string, title: string, action: () => void | Promise<void>) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = title;
    b.setAttribute("aria-label", title);
    b.onclick = () => void action();
    return b;
  };
  bar.append(
    button("SVG", "Download this figure as SVG", () =>
      saveBlob(new Blob([standaloneSvg(svg)], {type: "image/svg+xml"}), `${name}.svg`)
    ),
    button("PNG", "Download this figure as PNG", async () => {
      const {width, height} = svg.getBoundingClientRect();
      saveBlob(await svgToPng(standaloneSvg(svg), width, height), `${name}.png`);
    })
  );
  return bar;
}

/**
 * Puts the toolbar under its figure: after the figure Plot wraps a titled plot
 * in; inside a page's own figure (a thumbnail in a row of thumbnails), after its
 * caption, so that it is not laid out as one more item of the row; after a bare plot otherwise.
 */
function place(svg: SVGSVGElement, bar: HTMLElement): void {
  const figure = svg.closest("figure");
  if (!figure) svg.after(bar);
  else if (/^plot-[0-9a-f]+-figure$/.test(figure.getAttribute("class") ?? "")) figure.after(bar);
  else figure.append(bar);
}

/** Where `place` puts the toolbar of `svg`: is `bar` there? */
function inPlace(svg: SVGSVGElement, bar: HTMLElement): boolean {
  const figure = svg.closest("figure");
  if (!figure) return svg.nextElementSibling === bar;
  if (/^plot-[0-9a-f]+-figure$/.test(figure.getAttribute("class") ?? ""))
    return figure.nextElementSibling === bar;
  return bar.parentElement === figure;
}

/** Each plot's toolbar, made once. */
const bars = new WeakMap<SVGSVGElement, HTMLElement>();

/**
 * Puts the toolbar under every Plot figure in `root`: a new one under a new plot,
 * and back under its plot a toolbar left behind (a figure that a live run moved
 * into a new container leaves its toolbar in the old one).
 */
export function addFigureTools(root: ParentNode): void {
  // A plot's own svg has exactly one class, "plot-<hash>"; legends ("plot-<hash>-ramp", swatches) are skipped.
  const plots = [...root.querySelectorAll<SVGSVGElement>("svg[class^='plot-']")].filter((svg) =>
    /^plot-[0-9a-f]+$/.test(svg.getAttribute("class") ?? "")
  );
  plots.forEach((svg, index) => {
    let bar = bars.get(svg);
    if (bar && inPlace(svg, bar)) return;
    if (!bar) bars.set(svg, (bar = toolbar(svg, index)));
    svg.dataset[DONE] = "1";
    place(svg, bar);
  });
}
