/**
 * A reader's run of exercise 1 (b)–(d) measured with the functions that measured
 * the published runs, and the rows that set it beside them. No DOM.
 */
import type {ModelName} from "../../autoencoder/models.js";
import type {AutoencoderSnapshot, StateView} from "../../autoencoder/snapshot.js";
import {sheetData} from "../../autoencoder/snapshot.js";
import type {MeasuredRun} from "../../autoencoder/decoder-verdicts.js";
import {measureRun} from "../../autoencoder/decoder-verdicts.js";
import {median} from "../../stats.js";

/** One model of a reader's run, as the page holds it while (or after) it trains. */
export interface ReaderModel {
  readonly model: ModelName;
  readonly hidden: readonly number[];
  readonly seed: number;
  readonly phase: string;
  readonly epochLoss: readonly number[];
  readonly view?: StateView;
  /** The parameters of `view` (a reader's run; published runs carry theirs in the snapshot). */
  readonly params?: ArrayLike<number>;
  /**
   * A finished run measured in the training worker, by the function that measures the
   * published runs (`measureRun` on `params` and `view`): the same numbers a page would
   * compute, without a long task on its main thread.
   */
  readonly measured?: MeasuredRun;
}

/**
 * Every model of the run that has final parameters and a view, measured as the build measures its runs;
 * a model the worker measured keeps that analysis (the same function, off the page's main thread).
 */
export function measureReader(
  models: readonly ReaderModel[],
  pca: AutoencoderSnapshot["pca"]
): Partial<Record<ModelName, MeasuredRun>> {
  const data = sheetData();
  const done = models.filter((m) => m.params && m.view);
  return Object.fromEntries(
    done.map((m) => {
      const run = {
        hidden: m.hidden,
        linear: m.model === "pca",
        seed: m.seed,
        params: m.params!,
        finalView: m.view!
      };
      return [m.model, m.measured ?? measureRun(run, data, pca)];
    })
  );
}

/**
 * One row of the table that sets a reader's run beside the published runs; undefined where not measured
 * yet.
 */
export interface CompareRow {
  readonly kind: "published" | "reader";
  readonly label: string;
  readonly mse?: number;
  readonly pieces?: number;
  readonly turns?: number;
  readonly corr?: number;
}

/** "small {20, 10, 1, 10, 20, 2}", with how the run ended if it did not reach its last epoch. */
function readerLabel(title: string, hidden: readonly number[], m: ReaderModel | undefined): string {
  const end =
    m && m.phase !== "done"
      ? ` (${m.phase === "stopped" ? `stopped at epoch ${m.epochLoss.length}` : m.phase})`
      : "";
  return `${title} {${hidden.join(", ")}}${end}`;
}

/**
 * Per model three rows: the published run of the seed shown, the median over
 * the published seeds, and the reader's run (`measured` once it has ended).
 */
export function compareRows(
  snap: AutoencoderSnapshot,
  shown: readonly {readonly model: ModelName; readonly seed: number; readonly hidden: readonly number[]}[],
  reader: readonly ReaderModel[],
  measured: Partial<Record<ModelName, MeasuredRun>>,
  titles: Readonly<Record<ModelName, string>>
): CompareRow[] {
  return shown.flatMap((p, k) => {
    const m = reader[k];
    const a = measured[p.model]?.analysis;
    const runs = snap.models[p.model]!.runs;
    const own = runs.find((r) => r.seed === p.seed)!;
    const over = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
    return [
      {
        kind: "published",
        label: `${titles[p.model]}: published, seed ${p.seed}`,
        mse: own.final.mse,
        pieces: own.analysis.finalShape.pieces,
        turns: own.analysis.finalShape.turnsX2,
        corr: Math.abs(own.analysis.corrX1)
      },
      {
        kind: "published",
        label: `${titles[p.model]}: published, median of ${runs.length} seeds`,
        mse: over((r) => r.final.mse),
        pieces: over((r) => r.analysis.finalShape.pieces),
        turns: over((r) => r.analysis.finalShape.turnsX2),
        corr: over((r) => Math.abs(r.analysis.corrX1))
      },
      {
        kind: "reader",
        label: readerLabel(titles[p.model], m?.hidden ?? p.hidden, m),
        mse: m?.view?.mse,
        pieces: a?.finalShape.pieces,
        turns: a?.finalShape.turnsX2,
        corr: a ? Math.abs(a.corrX1) : undefined
      }
    ];
  });
}
