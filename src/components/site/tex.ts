/**
 * KaTeX from node_modules, replacing Framework's built-in `tex` (which loads
 * from a CDN). `tex\`…\`` renders inline maths, `tex.block\`…\`` display maths.
 * The stylesheet and every font file are named with `import.meta.resolve` so
 * that Framework copies them into the built site.
 */
import katex from "katex";

const STYLESHEET = import.meta.resolve("katex/dist/katex.min.css");
// The CSS refers to its fonts by relative URL; resolving each one makes Framework ship it.
export const KATEX_FONTS = [
  import.meta.resolve("katex/dist/fonts/KaTeX_AMS-Regular.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Caligraphic-Bold.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Caligraphic-Regular.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Fraktur-Bold.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Fraktur-Regular.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Main-Bold.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Main-BoldItalic.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Main-Italic.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Main-Regular.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Math-BoldItalic.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Math-Italic.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_SansSerif-Bold.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_SansSerif-Italic.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_SansSerif-Regular.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Script-Regular.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Size1-Regular.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Size2-Regular.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Size3-Regular.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Size4-Regular.woff2"),
  import.meta.resolve("katex/dist/fonts/KaTeX_Typewriter-Regular.woff2")
];

function ensureStylesheet(): void {
  if (document.querySelector(`link[data-katex]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = STYLESHEET;
  link.dataset.katex = "";
  document.head.append(link);
}

function render(displayMode: boolean, strings: TemplateStringsArray, values: unknown[]): HTMLElement {
  ensureStylesheet();
  const source = String.raw(strings, ...values);
  const element = document.createElement(displayMode ? "div" : "span");
  katex.render(source, element, {displayMode, throwOnError: false, output: "htmlAndMathml"});
  return element;
}

export function tex(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  return render(false, strings, values);
}

tex.block = (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement =>
  render(true, strings, values);
