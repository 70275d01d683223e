// Observable Framework configuration: https://observablehq.com/framework/config
// Everything the site loads comes from its own origin (see the README, "Offline").
export default {
  root: "src",
  title: "Sheet 6: autoencoders with a one-dimensional bottleneck",
  pages: [
    {name: "Exercise 1 (b): training and latent codes", path: "/ex1-b"},
    {
      name: "Bonus exercise 2: an MLP playground",
      path: "/bonus",
      pages: [
        {name: "(a) Fitting the spiral", path: "/bonus-a"},
        {name: "(b) Regularisation", path: "/bonus-b"},
        {name: "(c) Learning noise", path: "/bonus-c"}
      ]
    }
  ],
  // Replaces the default web-font stylesheet (an outside request) with Inputs' styles.
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  // Self-hosted Source Serif 4 (Framework's default serif) and the site's own styles.
  head: `<link rel="icon" href="/favicon.svg" type="image/svg+xml"><script type="module" src="/components/site.js"></script>`,
  footer: "Machine Learning and Physics, sheet 6: an explorable answer. Every number on these pages is computed by the code in this repository.",
  style: "style.css",
  search: false,
  toc: true,
  pager: true
};
