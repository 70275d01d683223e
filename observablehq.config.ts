// Observable Framework configuration: https://observablehq.com/framework/config
// Everything the site loads comes from its own origin (see the README, "Offline").
export default {
  root: "src",
  title: "Sheet 6: autoencoders with a one-dimensional bottleneck",
  pages: [
    {name: "Exercise 1 (a): three architectures", path: "/ex1-a"},
    {name: "Exercise 1 (b): training and latent codes", path: "/ex1-b"},
    {name: "Exercise 1 (c), (d): what the decoder draws", path: "/ex1-cd"},
    {name: "Exercise 1 (e): can one number reconstruct every point?", path: "/ex1-e"},
    {name: "Exercise 1 (f)–(g): a frozen decoder and a fresh encoder", path: "/ex1-fg"},
    {name: "Exercise 1 (h): gradient descent against stochastic gradient descent", path: "/ex1-h"},
    {name: "Check your own model", path: "/your-model"},
    {
      // A section without its own link: a link inside the section's toggle would nest two controls.
      name: "Bonus exercise 2: an MLP playground",
      pages: [
        {name: "The playground", path: "/bonus"},
        {name: "(a) Fitting the spiral", path: "/bonus-a"},
        {name: "(b) Regularisation", path: "/bonus-b"},
        {name: "(c) Learning noise", path: "/bonus-c"}
      ]
    }
  ],
  // Replaces the default web-font stylesheet (an outside request) with Inputs' styles.
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  // Self-hosted Source Serif 4 (Framework's default serif) and the site's own styles.
  head: `<link rel="icon" href="/favicon.svg" type="image/svg+xml"><script type="module" src="/components/site/site.js"></script>`,
  footer:
    "Machine Learning and Physics, sheet 6: an explorable answer. Every number on these pages is computed by the code in this repository.",
  style: "style.css",
  search: false,
  toc: true,
  pager: true,
  // TypeScript loaders run in one Node process with tsx's import hook (the `tsx` command
  // starts a second process for each loader, about half a second of CPU more per loader).
  interpreters: {".ts": ["node", "--import", "tsx"]}
};
