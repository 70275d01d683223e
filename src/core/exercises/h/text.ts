/**
 * The sentences exercise 1 (h) repeats for every problem and optimiser, built
 * from the verdicts of gd-sgd-verdicts.ts: who is ahead per example, per update
 * and per second, and whether tuning the learning rate changes that.
 */
import type {Comparison, Duel, OptimizerVerdict, Side, tally} from "./verdicts.js";
import {EVEN_WITHIN} from "./verdicts.js";
import {countOrNo, rate} from "../../format/words.js";

const MEASURE: Record<Duel["axis"], string> = {
  examples: "per example",
  updates: "per update",
  time: "per second"
};

/** A median final loss, or "diverged". */
export function lossText(x: number): string {
  if (!Number.isFinite(x)) return "diverged";
  return x >= 0.1 ? x.toFixed(2) : x >= 0.01 ? x.toFixed(3) : x.toPrecision(2);
}

function where(d: Duel): string {
  if (d.axis === "examples") return `after ${Math.round(d.at).toLocaleString("en-US")} examples`;
  if (d.axis === "updates") return `after ${Math.round(d.at).toLocaleString("en-US")} updates`;
  return `after ${d.at < 1 ? d.at.toPrecision(2) : d.at.toFixed(1)} s`;
}

export function winnerText(w: Side | "even"): string {
  return w === "mini"
    ? "the mini-batches are ahead"
    : w === "full"
      ? "the full batch is ahead"
      : `the two are even (within ${Math.round(EVEN_WITHIN * 100)} %)`;
}

/** "per update, the full batch is ahead: 0.16 against 0.54 after 1,008 updates". */
export function duelText(d: Duel): string {
  return `${MEASURE[d.axis]}, ${winnerText(d.winner)}: ${lossText(d.full)} (full) against ${lossText(d.mini)} (mini) ${where(d)}`;
}

/** The three duels of one comparison, as one clause each. */
export function comparisonText(c: Comparison): string {
  return `${duelText(c.perExample)}; ${duelText(c.perUpdate)}; ${duelText(c.perSecond)}`;
}

/** Which learning rates a tuned comparison used. */
export function tunedRates(v: OptimizerVerdict): string {
  const edge = (side: "full" | "mini") => (v[side].bestAtEdge ? ", the end of the sweep" : "");
  const f = v.full.bestLearningRate;
  const m = v.mini.bestLearningRate;
  if (f === undefined || m === undefined) return "no learning rate of the sweep finished on both sides";
  return `full batch at ${rate(f)}${edge("full")}, mini-batches at ${rate(m)}${edge("mini")}`;
}

/** Whether tuning changed the per-example answer, in words. */
export function tuningText(v: OptimizerVerdict): string {
  if (v.tuningChangesWinner === undefined) return "";
  const shared = winnerText(v.shared.perExample.winner);
  return v.tuningChangesWinner
    ? `tuning changes the answer: at the shared rate ${rate(v.sharedLr)}, per example ${shared}`
    : `tuning does not change who is ahead per example (at the shared rate ${rate(v.sharedLr)} too, ${shared})`;
}

/** A table cell: the side ahead first, "mini 0.034 vs 0.039", or "even 0.030 / 0.030". */
export function duelCell(d: Duel): string {
  if (d.winner === "even") return `even ${lossText(d.full)} / ${lossText(d.mini)}`;
  const [ahead, behind] = d.winner === "mini" ? [d.mini, d.full] : [d.full, d.mini];
  return `${d.winner === "mini" ? "mini" : "full"} ${lossText(ahead)} vs ${lossText(behind)}`;
}

/** "the mini-batches in 3, the full batch in 1 of 4 comparisons" (evens named only when there are some). */
export function tallyText(t: ReturnType<typeof tally>): string {
  if (t.of === 0) return "no comparison";
  const parts = [
    `the mini-batches are ahead in ${t.mini}`,
    `the full batch in ${t.full}`,
    ...(t.even ? [`neither in ${t.even}`] : [])
  ];
  return `${parts.join(", ")} of ${countOrNo(t.of, "comparison")}`;
}
