/**
 * The sheet's three networks as cards (heading with the parameter count, and
 * the network drawn at the card's width), and the radio buttons that choose
 * one of them for the listings.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import type {SheetNetwork} from "../../core/exercises/a/facts.js";
import {networkDiagram} from "./network-diagram.js";

/** Framework's `resize`: a figure redrawn at its container's width. */
type Resize = (render: (width: number) => Node) => Node;

export function networkCards(networks: readonly SheetNetwork[], resize: Resize): HTMLElement[] {
  return networks.map(
    (n) =>
      html`<div class="card"><h3>${n.heading}</h3>${resize((width) =>
        networkDiagram(n.spec, {width, title: n.name})
      )}</div>` as HTMLElement
  );
}

/** Radio buttons named by the networks' titles; the value is the chosen network (the small one first). */
export function networkPicker(networks: readonly SheetNetwork[]): HTMLElement & {value: SheetNetwork} {
  return Inputs.radio(networks, {
    label: "model",
    value: networks.find((n) => n.name === "small"),
    format: (n) => n.title
  });
}
