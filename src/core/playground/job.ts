/**
 * The playground as a job of the in-page trainer: one run, trained an epoch at a
 * time. Its losses are the Playground's, over the whole training and test set,
 * recorded before training (epoch 0) and after every epoch.
 */
import type {EngineOptions} from "../engine/engine.js";
import {SlicedJob} from "../live/sliced-job.js";
import {PlaygroundRun} from "./run.js";
import type {PlaygroundSettings} from "./settings.js";
import type {PlaygroundView, PlaygroundViewOptions} from "./view.js";
import {describePlayground} from "./view.js";

/** A run's settings, and the epoch to train to before the first report (a link's paused position). */
export type PlaygroundJobSpec = PlaygroundSettings & {readonly at?: number};

export class PlaygroundJob extends SlicedJob<PlaygroundViewOptions, PlaygroundView> {
  readonly settings: PlaygroundSettings;
  readonly run: PlaygroundRun;
  readonly epochs: number;
  /** Train and test loss before training (index 0) and after every epoch. */
  private readonly trainLoss: number[] = [];
  private readonly testLoss: number[] = [];

  constructor(spec: PlaygroundJobSpec, engine: EngineOptions = {}) {
    super();
    const {at = 0, ...settings} = spec;
    this.settings = settings;
    this.epochs = settings.epochs > 0 ? settings.epochs : Infinity;
    this.run = new PlaygroundRun(settings, engine);
    this.record();
    // One epoch at a time, as a reader stepping through would: the same numbers, and a divergence stops it.
    while (this.epoch < Math.min(at, this.epochs) && this.status === "training") this.advance(0);
  }

  private record(): number {
    const {train, test} = this.run.losses();
    this.trainLoss.push(train);
    this.testLoss.push(test);
    return train;
  }

  get epoch(): number {
    return this.run.epoch;
  }

  get examplesSeen(): number {
    return this.run.loop.examplesSeen;
  }

  protected trainEpoch(): number {
    const step = this.run.runEpoch();
    return Number.isFinite(step) ? this.record() : step;
  }

  protected divergenceMessage(loss: number): string {
    const s = this.settings;
    return (
      `The training loss became ${loss} in epoch ${this.run.epoch} (learning rate ${s.lr}, batch size ${s.batchSize}` +
      `${s.regularization === "none" ? "" : `, ${s.regularization.toUpperCase()} rate ${s.regRate}`}). ` +
      "Lower the learning rate or the regularisation rate; the figures keep the last finite state."
    );
  }

  protected recorded(): {train: readonly number[]; test: readonly number[]} {
    return {train: this.trainLoss, test: this.testLoss};
  }

  view(options: PlaygroundViewOptions): PlaygroundView | undefined {
    const params = this.run.params();
    if (!params.every(Number.isFinite)) return undefined;
    const {spec, epoch} = this.run;
    return describePlayground(
      {
        spec,
        features: this.settings.features,
        params,
        epoch,
        trainLoss: this.trainLoss[epoch],
        testLoss: this.testLoss[epoch]
      },
      options
    );
  }

  dispose(): void {
    this.run.dispose();
  }
}
