/**
 * Source Serif 4, the serif of Framework's default theme, from the
 * @fontsource package instead of a web-font host. Each `import.meta.resolve`
 * names a file that Framework then copies into the built site.
 */
const FACES: {url: string; weight: string; style: string}[] = [
  {
    url: import.meta.resolve("@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2"),
    weight: "400",
    style: "normal"
  },
  {
    url: import.meta.resolve("@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2"),
    weight: "400",
    style: "italic"
  },
  {
    url: import.meta.resolve("@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2"),
    weight: "700",
    style: "normal"
  },
  {
    url: import.meta.resolve("@fontsource/source-serif-4/files/source-serif-4-latin-700-italic.woff2"),
    weight: "700",
    style: "italic"
  }
];

export function loadFonts(): void {
  for (const {url, weight, style} of FACES) {
    const face = new FontFace("Source Serif 4", `url(${JSON.stringify(url)}) format("woff2")`, {
      weight,
      style,
      display: "swap"
    });
    document.fonts.add(face);
    face.load().catch(() => {
      // A missing font leaves the system serif in place; the page stays readable.
    });
  }
}
