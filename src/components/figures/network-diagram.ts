/**
 * A network drawn as columns of neurons: one column per layer, at most
 * `maxNodes` drawn (the rest elided with their count), edges between drawn
 * neurons, the activation after each layer, the bottleneck highlighted and the
 * encoder/decoder halves marked. A pure function of the architecture.
 */
import {html, svg} from "htl";
import {ACTIVATION_LABELS} from "../../core/engine/mlp.js";
import type {Activation} from "../../core/engine/mlp.js";

export interface DiagramSpec {
  readonly widths: readonly number[];
  readonly activations: readonly string[];
  /** Layers up to this one form the encoder; its output is the code. */
  readonly encoderLayers?: number;
}

export interface DiagramOptions {
  readonly width: number;
  readonly height?: number;
  readonly maxNodes?: number;
  readonly title?: string;
}

export function networkDiagram(spec: DiagramSpec, options: DiagramOptions): HTMLElement {
  const {width, height = 220, maxNodes = 9, title} = options;
  const L = spec.widths.length;
  const top = 34;
  const bottom = 46;
  const left = 24;
  const right = 24;
  const x = (l: number) => left + ((width - left - right) * l) / Math.max(1, L - 1);
  const inner = height - top - bottom;
  const columns = spec.widths.map((n, l) => {
    const shown = Math.min(n, maxNodes);
    const ys = Array.from(
      {length: shown},
      (_, k) => top + (shown === 1 ? inner / 2 : (inner * k) / (shown - 1))
    );
    return {l, n, shown, ys, elided: n > shown};
  });
  const bottleneck = spec.encoderLayers;
  const params = spec.widths.slice(1).map((out, l) => (spec.widths[l] + 1) * out);
  const edges = columns.slice(1).flatMap((c, k) => {
    const prev = columns[k];
    return prev.ys.flatMap((y0) =>
      c.ys.map((y1) => svg`<line x1=${x(k)} y1=${y0} x2=${x(k + 1)} y2=${y1}></line>`)
    );
  });
  const label = `${title ?? "network"}: layer widths ${spec.widths.join(", ")}`;
  const element = svg`<svg width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="img" aria-label=${label} class="network-diagram" style="max-width:100%;height:auto">
    <g stroke="currentColor" stroke-opacity="0.12" stroke-width="0.7">${edges}</g>
    ${columns.map(
      (c) => svg`<g>
        ${c.ys.map(
          (y) =>
            svg`<circle cx=${x(c.l)} cy=${y} r=${c.l === bottleneck ? 7 : 4.5} fill=${c.l === bottleneck ? "var(--theme-foreground-focus)" : "var(--theme-background)"} stroke="currentColor" stroke-width="1.2"></circle>`
        )}
        ${c.elided ? svg`<text x=${x(c.l)} y=${top + inner / 2} dy="0.35em" text-anchor="middle" font-size="11" fill="currentColor" paint-order="stroke" stroke="var(--theme-background)" stroke-width="4">⋮</text>` : ""}
        <text x=${x(c.l)} y=${height - bottom + 18} text-anchor="middle" font-size="12" font-weight="600" fill="currentColor">${c.n}</text>
      </g>`
    )}
    ${spec.activations.map(
      (a, l) =>
        svg`<text x=${(x(l) + x(l + 1)) / 2} y=${height - bottom + 18} text-anchor="middle" font-size="10" fill="var(--theme-foreground-muted)">${ACTIVATION_LABELS[a as Activation] ?? a}</text>
        <text x=${(x(l) + x(l + 1)) / 2} y=${height - bottom + 32} text-anchor="middle" font-size="10" fill="var(--theme-foreground-muted)">${params[l].toLocaleString("en-US")} p.</text>`
    )}
    ${
      bottleneck !== undefined
        ? svg`<text x=${(x(0) + x(bottleneck)) / 2} y="14" text-anchor="middle" font-size="12" fill="currentColor">encoder</text>
          <text x=${(x(bottleneck) + x(L - 1)) / 2} y="14" text-anchor="middle" font-size="12" fill="currentColor">decoder</text>
          <text x=${x(bottleneck)} y="14" text-anchor="middle" font-size="11" fill="var(--theme-foreground-focus)">code z</text>`
        : ""
    }
  </svg>`;
  return html`<figure class="network-figure">${element}</figure>` as HTMLElement;
}
