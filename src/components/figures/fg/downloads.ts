/**
 * The data files of exercise 1 (f)–(g): the published losses by seed, the
 * learning-rate sweep, every published run, and a reader's run (learning curve,
 * codes, weights), named after its settings.
 */
import {csvBlob, dataDownloads, jsonBlob} from "../../site/listing.js";
import {runFileName, withRunColumns} from "../../site/run-files.js";
import type {ShownRetrain} from "../../training/retrain-state.js";
import {sheetModel} from "../../../core/autoencoder/models.js";
import {stateDict} from "../../../core/autoencoder/listings.js";
import type {RetrainBySeed} from "../../../core/exercises/fg/facts.js";
import type {RetrainSweepEntry} from "../../../core/exercises/fg/sweep.js";
import {bySeedFileRows, codeFileRows, sweepFileRows} from "../../../core/exercises/fg/tables.js";
import type {FgState} from "./figures.js";

export function fgDownloads(
  retrain: FgState["retrain"],
  summary: {readonly seeds: readonly number[]; readonly bySeed: RetrainBySeed},
  entries: readonly RetrainSweepEntry[],
  mine: ShownRetrain | undefined
): HTMLElement {
  const downloads = [
    {
      label: "MSE by seed (CSV)",
      filename: "ex1fg-mse-by-seed.csv",
      make: () => csvBlob(bySeedFileRows(summary.seeds, summary.bySeed))
    },
    {
      label: "learning-rate sweep (CSV)",
      filename: "ex1fg-lr-sweep.csv",
      make: () => csvBlob(sweepFileRows(entries))
    },
    {
      label: "every published run: codes, reconstructions, curves (JSON)",
      filename: "ex1fg-encoder-retrain.json",
      make: () => jsonBlob(retrain)
    }
  ];
  if (mine) {
    const {seed, draw, lr, epochs} = mine.settings;
    const values = {seed, draw, lr, epochs};
    const curve = mine.checkpoints.map((c) => ({examples: c.examples, updates: c.updates, mse: c.mse}));
    downloads.push(
      {
        label: "your run: learning curve and codes (CSV)",
        filename: runFileName("ex1fg-learning-curve", "csv", values),
        make: () => csvBlob(withRunColumns(curve, "your run", values))
      },
      {
        label: "your run: codes per point (CSV)",
        filename: runFileName("ex1fg-codes", "csv", values),
        make: () => csvBlob(withRunColumns(codeFileRows(mine, retrain.data), "your run", values))
      }
    );
    const params = mine.params;
    if (params) {
      downloads.push({
        label: "your retrained weights (PyTorch state_dict, JSON)",
        filename: runFileName("ex1fg-big-state-dict", "json", values),
        make: () => jsonBlob(stateDict(sheetModel("big"), params))
      });
    }
  }
  return dataDownloads(downloads);
}
