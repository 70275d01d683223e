/**
 * The numbers, sentences and table rows of the (h) page, computed from the
 * published curves (the gd-sgd loader's output) and the verdicts on them, so
 * that the page's prose writes `${f.name}`. The names of optimisers, problems
 * and batch sizes are the page's (passed in as `HNames`).
 */
import {decimals, thousands} from "../../format/decimals.js";
import {countOrNo, listing, rate} from "../../format/words.js";
import type {GdSgdCurve, GdSgdPlan, OptimizerKind, ProblemKey, RunSettings, StepCost} from "./gd-sgd.js";
import {OPTIMIZERS, PROBLEMS, PROBLEM_TITLES, gdSgdJob, problemOf} from "./gd-sgd.js";
import type {RetrainJob} from "../../settings/retrain.js";
import type {Comparison, Measure, OptimizerVerdict} from "./verdicts.js";
import {EVEN_WITHIN, optimizerVerdict, tally} from "./verdicts.js";
import {duelCell, duelText, lossText, tallyText, winnerText} from "./text.js";

/** What the page publishes: the loader's output (gd-sgd.json). */
export interface GdSgdPublished {
  readonly plan: GdSgdPlan;
  readonly curves: readonly GdSgdCurve[];
  readonly stepCost: Readonly<Record<ProblemKey, Readonly<Record<OptimizerKind, StepCost>>>>;
  readonly reused: number;
  /** When and where the step-cost constants were measured. */
  readonly stepCostMeasured: {readonly date: string; readonly where: string};
}

/** The page's names: optimisers ("plain SGD"), problems in short ("whole, small"), batch sizes. */
export interface HNames {
  readonly optimizer: Readonly<Record<OptimizerKind, string>>;
  readonly short: Readonly<Record<ProblemKey, string>>;
  readonly series: (batchSize: number, fullBatch: number) => string;
}

/** One row of the summary's `ex1.gdVsSgdTuned`: a method's best learning rate. */
export interface TunedEntry {
  readonly model: string;
  readonly reading: string;
  readonly optimizer: OptimizerKind;
  readonly batchSize: number;
  readonly bestLearningRate: number | null;
}

const title = (p: ProblemKey) => PROBLEM_TITLES[p];

/** Every problem and optimiser compared, full batch against mini-batches, in the order of PROBLEMS × OPTIMIZERS. */
export function verdictsOf(gd: GdSgdPublished): OptimizerVerdict[] {
  const P = gd.plan;
  return PROBLEMS.flatMap((p) =>
    OPTIMIZERS.map((o) => optimizerVerdict(gd.curves, p.key, o, P, P.sharedLr[o], gd.stepCost[p.key][o]))
  );
}

const verdictOf = (verdicts: readonly OptimizerVerdict[], problem: ProblemKey, optimizer: OptimizerKind) =>
  verdicts.find((v) => v.problem === problem && v.optimizer === optimizer)!;

/** The setup as the page states it: batch sizes, budget, learning rates, seeds. */
export function setupFacts(gd: GdSgdPublished) {
  const P = gd.plan;
  const full = P.fullBatch;
  const mini = P.miniBatch;
  const seeds = (p: ProblemKey) => P.seeds[p];
  return {
    full,
    mini,
    budget: thousands(P.budget),
    fullEpochs: thousands(P.budget / full),
    miniEpochs: thousands(P.budget / (Math.floor(100 / mini) * mini)),
    evalEvery: thousands(P.evalEvery),
    sgdRates: listing(P.learningRates.sgd.map(rate)),
    adamRates: listing(P.learningRates.adam.map(rate)),
    sharedSgd: rate(P.sharedLr.sgd),
    sharedAdam: rate(P.sharedLr.adam),
    seeds: listing(
      PROBLEMS.map(
        (p) =>
          `${countOrNo(seeds(p.key).length, "seed")} (${listing(seeds(p.key).map(String))}) for the ${title(p.key)}`
      )
    ),
    reused: gd.reused
      ? `The Adam mini-batch runs of the frozen decoder are the first ${thousands(P.budget)} examples of the runs of (g)'s learning-rate sweep with the same settings (${countOrNo(gd.reused, "run")}), not trained twice.`
      : "",
    /** The full batch's updates, and the examples the mini-batches have seen by as many updates. */
    fullUpdates: thousands(P.budget / full),
    miniAtFullEnd: thousands((P.budget / full) * mini),
    evenWithin: Math.round(EVEN_WITHIN * 100),
    measured: `${gd.stepCostMeasured.date}: ${gd.stepCostMeasured.where}`
  };
}

const READINGS: Record<"autoencoder" | "frozenDecoder", ProblemKey[]> = {
  autoencoder: ["whole-small", "whole-big"],
  frozenDecoder: ["frozen-decoder"]
};

/** Who is ahead, and why: the tallies per reading and measure, tuning, the rates at the sweep's edge. */
export function claimFacts(gd: GdSgdPublished, verdicts: readonly OptimizerVerdict[], names: HNames) {
  const P = gd.plan;
  const full = P.fullBatch;
  const mini = P.miniBatch;
  const reading = (r: keyof typeof READINGS, measure: Measure) =>
    tallyText(tally(verdicts, READINGS[r], measure));
  const changed = verdicts.filter((v) => v.tuningChangesWinner);
  const updatesRatio = P.budget / mini / (P.budget / full);
  const frozenAdam = verdictOf(verdicts, "frozen-decoder", "adam");
  const fewestSeeds = Math.min(...Object.values(P.seeds).map((x) => x.length));
  const edges = verdicts.flatMap((v) =>
    [v.full, v.mini]
      .filter((s) => s.bestAtEdge)
      .map((s) => `${title(v.problem)}, ${names.optimizer[v.optimizer]}, ${names.series(s.batchSize, full)}`)
  );
  const costs = costRows(gd, names).map((r) => r["update ÷ example"]);
  return {
    wholePerExample: reading("autoencoder", "perExample"),
    wholePerUpdate: reading("autoencoder", "perUpdate"),
    wholePerSecond: reading("autoencoder", "perSecond"),
    frozenPerExample: reading("frozenDecoder", "perExample"),
    frozenPerUpdate: reading("frozenDecoder", "perUpdate"),
    frozenPerSecond: reading("frozenDecoder", "perSecond"),
    tuning: changed.length
      ? `Per example, in ${countOrNo(changed.length, "comparison")}: ${listing(
          changed.map(
            (v) =>
              `${title(v.problem)} with ${names.optimizer[v.optimizer]}, where ${winnerText(v.shared.perExample.winner)} at the shared rate ${rate(v.sharedLr)} but ${winnerText(v.tuned!.perExample.winner)} once each side has its own`
          )
        )}.`
      : "Per example, in no comparison: the side ahead at the shared rate is also ahead once each side has its own rate.",
    edges: edges.length
      ? `The best rate lies at the end of the sweep for ${listing(edges)}: there the optimum may lie beyond it, and that side may do better still.`
      : "",
    updatesRatio: decimals(updatesRatio, 1),
    frozenAdamFull: rate(frozenAdam.full.bestLearningRate!),
    frozenAdamMini: rate(frozenAdam.mini.bestLearningRate!),
    frozenAdamWinner: winnerText(frozenAdam.tuned?.perExample.winner ?? "even"),
    fewestSeeds:
      fewestSeeds < 3
        ? `Some problems have only ${countOrNo(fewestSeeds, "seed")} at the build's present size, so a single row is an anecdote; the counts over problems and optimisers are what to read.`
        : "",
    costMin: decimals(Math.min(...costs), 1),
    costMax: decimals(Math.max(...costs), 1)
  };
}

/** Figure 1's table: every method at its own best learning rate and at the shared one. */
export function sweepTableRows(
  gd: GdSgdPublished,
  verdicts: readonly OptimizerVerdict[],
  tuned: readonly TunedEntry[],
  names: HNames
) {
  const P = gd.plan;
  const full = P.fullBatch;
  const tunedOf = (p: ProblemKey, o: OptimizerKind, b: number) =>
    tuned.find(
      (t) =>
        t.model === problemOf(p).model &&
        t.reading === problemOf(p).reading &&
        t.optimizer === o &&
        t.batchSize === b
    )!;
  return PROBLEMS.flatMap((p) =>
    OPTIMIZERS.flatMap((o) => {
      const v = verdictOf(verdicts, p.key, o);
      return [v.full, v.mini].map((side) => {
        const t = tunedOf(p.key, o, side.batchSize);
        const shared = side.sweep.find((s) => s.learningRate === v.sharedLr);
        return {
          problem: names.short[p.key],
          optimiser: o === "sgd" ? "SGD" : "Adam",
          batch: side.batchSize === full ? `full (${full})` : `mini (${side.batchSize})`,
          "best rate":
            t.bestLearningRate === null
              ? "none"
              : `${rate(t.bestLearningRate)}${side.bestAtEdge ? " (edge)" : ""}`,
          "MSE at best": lossText(
            side.sweep.find((s) => s.learningRate === t.bestLearningRate)?.median ?? NaN
          ),
          [`MSE at ${rate(P.sharedLr.sgd)} / ${rate(P.sharedLr.adam)}`]: lossText(shared?.median ?? NaN)
        };
      });
    })
  );
}

/** The duel table: per problem, optimiser and choice of rates, who is ahead per example, update and second. */
export function duelTableRows(verdicts: readonly OptimizerVerdict[], names: HNames) {
  return verdicts.flatMap((v) =>
    [
      ...(v.tuned
        ? [
            {
              which: "best",
              rates: `${rate(v.full.bestLearningRate!)} | ${rate(v.mini.bestLearningRate!)}`,
              c: v.tuned
            }
          ]
        : []),
      {which: "shared", rates: rate(v.sharedLr), c: v.shared}
    ].map((r) => ({
      problem: names.short[v.problem],
      optimiser: v.optimizer === "sgd" ? "SGD" : "Adam",
      rates: `${r.which} ${r.rates}`,
      "per example": duelCell(r.c.perExample),
      "per update": duelCell(r.c.perUpdate),
      "per second": duelCell(r.c.perSecond)
    }))
  );
}

/** The cost model's constants per problem and optimiser. */
export function costRows(gd: GdSgdPublished, names: HNames) {
  return PROBLEMS.flatMap((p) =>
    OPTIMIZERS.map((o) => {
      const c = gd.stepCost[p.key][o];
      return {
        problem: title(p.key),
        optimiser: names.optimizer[o],
        "ms per update": c.perUpdateMs,
        "ms per example": c.perExampleMs,
        "update ÷ example": c.perUpdateMs / c.perExampleMs
      };
    })
  );
}

/** What the settings form sets. */
export interface HSettings {
  readonly problem: ProblemKey;
  readonly seed: number;
  readonly batch: number;
  readonly sgdLr: number;
  readonly adamLr: number;
  /** Thousands of examples. */
  readonly budget: number;
}

/** The published snapshot of (b), as far as the frozen-decoder problem needs it: the big model's trained weights. */
export interface BigWeightsSource {
  readonly models: {
    readonly big?: {readonly runs: readonly {readonly seed: number; readonly weights: number[]}[]};
  };
}

/**
 * The four runs of a retrain in the page: both optimisers, full batch and the
 * chosen mini-batch. The frozen-decoder problem starts from the published big
 * model of the chosen seed: `snapshot` loads it (only then).
 */
export async function gdSgdJobs(
  s: HSettings,
  plan: GdSgdPlan,
  snapshot: () => Promise<BigWeightsSource>
): Promise<RetrainJob[]> {
  const weights =
    s.problem === "frozen-decoder"
      ? (await snapshot()).models.big?.runs.find((r) => r.seed === s.seed)?.weights
      : undefined;
  const lr = {sgd: s.sgdLr, adam: s.adamLr};
  return OPTIMIZERS.flatMap((o) =>
    [plan.fullBatch, s.batch].map((b) => {
      const run: RunSettings = {
        problem: s.problem,
        seed: s.seed,
        optimizer: o,
        batchSize: b,
        lr: lr[o],
        budget: Math.round(s.budget * 1000),
        evalEvery: plan.evalEvery
      };
      return gdSgdJob(run, weights);
    })
  );
}

/** The progress panel's words for the settings chosen. */
export function panelText(s: HSettings, plan: GdSgdPlan) {
  const published = plan.seeds[s.problem].includes(s.seed);
  return {
    published: ` for the ${title(s.problem)}: computed at build time${published ? `; the dashed lines are seed ${s.seed}` : `; seed ${s.seed} was not trained at build time (press "Retrain in this page" to train it here)`}`,
    loading: `Loading the training code${s.problem === "frozen-decoder" ? " and the published weights" : ""}…`,
    panelClass: "wide-names"
  };
}

/** The learning rates Figure 2 draws per batch size, full batch first. */
export type DrawnRates = Readonly<Record<number, number | undefined>>;

/** "learning rate 0.1 on both sides" or "full batch at 0.3, mini-batches at 0.1". */
export function drawnRatesText(r: DrawnRates, plan: GdSgdPlan): string {
  const [f, m] = [r[plan.fullBatch]!, r[plan.miniBatch]!];
  return f === m
    ? `learning rate ${rate(f)} on both sides`
    : `full batch at ${rate(f)}, mini-batches at ${rate(m)}`;
}

/** Figure 2's caption after the axis: which runs are drawn, at which rates. */
export function curvesCaption(
  s: HSettings,
  plan: GdSgdPlan,
  published: boolean,
  rateChoice: "best" | "shared",
  rates: Readonly<Record<OptimizerKind, DrawnRates>>
): string {
  const seeds = plan.seeds[s.problem];
  const both = `plain SGD: ${drawnRatesText(rates.sgd, plan)}; Adam: ${drawnRatesText(rates.adam, plan)}`;
  return published
    ? `Published runs at ${rateChoice === "shared" ? "the shared learning rates" : "each side's best learning rate"} (${both}); ${seeds.length > 1 ? `bands: minimum to maximum over the ${seeds.length} seeds, solid lines their median, dashed seed ${s.seed}` : `one seed (${seeds[0]})`}.`
    : `Bold: your runs, seed ${s.seed}, plain SGD at ${rate(s.sgdLr)} and Adam at ${rate(s.adamLr)}, mini-batches of ${s.batch}, ${thousands(Math.round(s.budget * 1000))} examples. Faint: the published runs at the sweep's rate nearest to yours (${both}).`;
}

/** The reader's finished runs compared by the functions of the published comparison, one clause per measure. */
export function yourDuelsText(duels: readonly {o: OptimizerKind; c: Comparison}[], names: HNames): string {
  return duels
    .map(
      (d) =>
        `${names.optimizer[d.o]}: ${duelText(d.c.perExample)}; ${duelText(d.c.perUpdate)}; ${duelText(d.c.perSecond)}`
    )
    .join(". ");
}
