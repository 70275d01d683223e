/**
 * The playground as a job of the in-page trainer: one run, trained an epoch at a
 * time. Its losses are the Playground's, over the whole training and test set,
 * recorded before training (epoch 0) and after every epoch.
 */
import type {EngineOptions} from "../engine.js";
import {SlicedJob} from "../train-job.js";
import {PlaygroundRun} from "./run.js";
import type {PlaygroundSettings} from "./settings.js";
import type {PlaygroundView, PlaygroundViewOptions} from "./view.js";
import {describePlayground} from "./view.js";

export class PlaygroundJob extends SlicedJob<PlaygroundViewOptions, PlaygroundView> {
  readonly settings: PlaygroundSettings;
  readonly run: PlaygroundRun;
  readonly epochs: number;

  constructor(settings: PlaygroundSettings, engine: EngineOptions = {}) {
    super();
    this.settings = settings;
    this.epochs = settings.epochs > 0 ? settings.epochs : Infinity;
    this.run = new PlaygroundRun(settings, engine);
  }

  get epoch(): number {
    return this.run.epoch;
  }

  get examplesSeen(): number {
    return this.run.loop.examplesSeen;
  }

  protected trainEpoch(): number {
    return this.run.runEpoch();
  }

  protected divergenceMessage(loss: number): string {
    const s = this.settings;
    return (
      `The training loss became ${loss} in epoch ${this.run.epoch} (learning rate ${s.lr}, batch size ${s.batchSize}). ` +
      "Lower the learning rate and press reset; the figures keep the last finite state."
    );
  }

  protected recorded(): {train: readonly number[]; test: readonly number[]} {
    return {train: this.run.trainLoss, test: this.run.testLoss};
  }

  view(options: PlaygroundViewOptions): PlaygroundView | undefined {
    const params = this.run.params();
    if (!params.every(Number.isFinite)) return undefined;
    const {spec, epoch, trainLoss, testLoss} = this.run;
    return describePlayground(
      {spec, features: this.settings.features, params, epoch, trainLoss: trainLoss[epoch], testLoss: testLoss[epoch]},
      options
    );
  }

  dispose(): void {
    this.run.dispose();
  }
}
