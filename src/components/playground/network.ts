/**
 * The network as the Playground draws it, a pure function of data and options:
 * one column per layer (the chosen features, the hidden layers, the output),
 * every node a small heat map of its own output over [−6, 6]², every weight an
 * edge whose width shows its magnitude and whose colour shows its sign. Weights
 * that are exactly zero are not drawn (L1 sets them so). SVG with d3's helpers.
 */
import * as d3 from "d3";
import {html, svg} from "htl";
import {edgeColor, signColor} from "./figures.js";

export interface NetworkData {
  /** Widths of every layer, inputs first, output last. */
  readonly widths: readonly number[];
  /** Names of the input nodes (the features). */
  readonly inputs: readonly string[];
  /** Flat parameters: per layer, weights [out, in] row-major, then biases [out]. */
  readonly params: readonly number[];
  /** Each node's output on nodeGrid² cells (rows from the bottom), in column order; may be empty. */
  readonly nodes: readonly (readonly number[])[];
  readonly nodeGrid: number;
}

export interface NetworkOptions {
  readonly width: number;
  readonly title?: string;
  /** The |w| drawn with the widest stroke (default 2). */
  readonly maxWeight?: number;
}

/** A node's map as an image (data URL), drawn with the shared colour scale. */
function nodeImage(values: readonly number[], g: number): string {
  const canvas = document.createElement("canvas");
  canvas.width = g;
  canvas.height = g;
  const ctx = canvas.getContext("2d");
  if (!ctx) return "";
  const image = ctx.createImageData(g, g);
  for (let j = 0; j < g; ++j) {
    for (let i = 0; i < g; ++i) {
      const c = d3.rgb(signColor(values[j * g + i]));
      const o = ((g - 1 - j) * g + i) * 4; // row 0 of the data is the bottom row of the image
      image.data[o] = c.r;
      image.data[o + 1] = c.g;
      image.data[o + 2] = c.b;
      image.data[o + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toDataURL();
}

export function networkDiagram(data: NetworkData, options: NetworkOptions): HTMLElement {
  const {widths, params} = data;
  const L = widths.length - 1;
  const width = Math.max(300, options.width);
  const columns = widths.length;
  const colStep = width / columns;
  const node = Math.max(16, Math.min(40, colStep * 0.5));
  const rowStep = node * 1.45;
  const top = 28;
  const rows = Math.max(...widths);
  const height = top + rows * rowStep + 8;
  const maxWeight = options.maxWeight ?? 2;
  const stroke = d3.scaleLinear([0, maxWeight], [0.4, Math.max(3, node / 6)]).clamp(true);
  const cx = (l: number) => colStep * (l + 0.5);
  const cy = (l: number, k: number) => top + (rows - widths[l]) * rowStep * 0.5 + k * rowStep + node / 2;
  const nodeIndex = (l: number, k: number) => widths.slice(0, l).reduce((a, b) => a + b, 0) + k;

  const edges: Node[] = [];
  let offset = 0;
  for (let l = 0; l < L; ++l) {
    const nin = widths[l];
    const nout = widths[l + 1];
    for (let j = 0; j < nout; ++j) {
      for (let i = 0; i < nin; ++i) {
        const w = params[offset + j * nin + i];
        if (w === 0 || !Number.isFinite(w)) continue;
        const x0 = cx(l) + node / 2;
        const y0 = cy(l, i);
        const x1 = cx(l + 1) - node / 2;
        const y1 = cy(l + 1, j);
        const xm = (x0 + x1) / 2;
        edges.push(
          svg`<path class="edge" d=${`M${x0},${y0}C${xm},${y0} ${xm},${y1} ${x1},${y1}`} stroke=${edgeColor(w)} stroke-width=${stroke(Math.abs(w))} fill="none" stroke-opacity="0.85"><title>${`weight ${w}`}</title></path>`
        );
      }
    }
    offset += nin * nout + nout;
  }

  const biasOf = (l: number, k: number): number | undefined => {
    if (l === 0) return undefined;
    let o = 0;
    for (let m = 0; m < l - 1; ++m) o += widths[m] * widths[m + 1] + widths[m + 1];
    return params[o + widths[l - 1] * widths[l] + k];
  };
  const nodesSvg: Node[] = [];
  for (let l = 0; l <= L; ++l) {
    for (let k = 0; k < widths[l]; ++k) {
      const values = data.nodes[nodeIndex(l, k)];
      const x = cx(l) - node / 2;
      const y = cy(l, k) - node / 2;
      const name = l === 0 ? data.inputs[k] : l === L ? "output" : `layer ${l}, neuron ${k + 1}`;
      const bias = biasOf(l, k);
      const label = `${name}${bias === undefined ? "" : `, bias ${bias}`}`;
      nodesSvg.push(svg`<g class="node" aria-label=${label}><title>${label}</title>
        ${values && data.nodeGrid > 0 ? svg`<image href=${nodeImage(values, data.nodeGrid)} x=${x} y=${y} width=${node} height=${node} preserveAspectRatio="none" style="image-rendering: pixelated"></image>` : null}
        <rect x=${x} y=${y} width=${node} height=${node} fill=${values ? "none" : "var(--theme-background-alt)"} stroke="currentColor" stroke-opacity="0.6"></rect>
        ${l === 0 ? svg`<text x=${x - 3} y=${y + node / 2} dy="0.32em" text-anchor="end" font-size="11" fill="currentColor">${data.inputs[k]}</text>` : null}
      </g>`);
    }
  }
  const headers = widths.map(
    (w, l) =>
      svg`<text x=${cx(l)} y="14" text-anchor="middle" font-size="11" fill="var(--theme-foreground-muted)">${l === 0 ? "input" : l === L ? "output" : `${w}`}</text>`
  );
  const marginLeft = 50; // room for the feature names
  return html`<figure class="network-figure" style="max-width: 100%; margin: 0">
    ${options.title ? html`<h2 class="figure-title">${options.title}</h2>` : null}
    <svg viewBox=${`${-marginLeft} 0 ${width + marginLeft} ${height}`} width=${width + marginLeft} height=${height} style="max-width: 100%; height: auto; font-family: var(--sans-serif)" role="img" aria-label=${`network with layers of ${widths.join(", ")} nodes`}>
      <g class="edges">${edges}</g>
      <g class="nodes">${nodesSvg}</g>
      ${headers}
    </svg>
  </figure>` as HTMLElement;
}
