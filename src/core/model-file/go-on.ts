/**
 * What "go on with it" runs on a reader's model, as the autoencoder jobs the
 * page's worker already runs (`RetrainJob`): more training with the sheet's
 * settings from the reader's weights, and the experiment of exercise 1 (g) on
 * the reader's decoder (frozen; the encoder redrawn and retrained), with the
 * best possible encoder for that decoder to compare with. No DOM.
 */
import type {AutoencoderSpec, ModelName} from "../autoencoder/models.js";
import {encode, reconstructionMse} from "../autoencoder/models.js";
import type {RetrainJob} from "../settings/retrain.js";
import {SHEET_SETUP} from "../autoencoder/setup.js";
import {bestCodes, meanOverCoordinates, widenedRange} from "../exercises/fg/frozen-decoder.js";
import {DEFAULT_ENCODER_RETRAIN, reinitSeed} from "../exercises/fg/encoder-retrain.js";
import type {Architecture} from "./architecture.js";
import {specOf} from "./architecture.js";

/** The seed whose stream shuffles the batches (and, for (g), redraws the encoder): the published seed 0's. */
export const GO_ON_SEED = 0;

function base(
  arch: Architecture,
  sheet: ModelName | undefined,
  params: Float64Array,
  epochs: number
): RetrainJob {
  return {
    model: sheet ?? "big",
    hidden: [...arch.hidden],
    linear: arch.linear,
    seed: GO_ON_SEED,
    lr: SHEET_SETUP.lr,
    epochs,
    batchSize: SHEET_SETUP.batchSize,
    init: SHEET_SETUP.init,
    optimizer: "adam",
    initial: Array.from(params),
    evalEvery: 480
  };
}

/** More epochs of the notebook's training (Adam 1e-3, batches of 8), from the reader's weights, with a fresh optimiser. */
export function continueJob(
  arch: Architecture,
  sheet: ModelName | undefined,
  params: Float64Array,
  epochs = SHEET_SETUP.epochs
): RetrainJob {
  return base(arch, sheet, params, epochs);
}

/** Exercise 1 (g) on the reader's model: the decoder frozen, the encoder redrawn (draw 0 of seed 0, as on that page) and retrained. */
export function frozenDecoderJob(
  arch: Architecture,
  sheet: ModelName | undefined,
  params: Float64Array,
  epochs = DEFAULT_ENCODER_RETRAIN.epochs
): RetrainJob {
  return {
    ...base(arch, sheet, params, epochs),
    seed: reinitSeed(GO_ON_SEED, DEFAULT_ENCODER_RETRAIN.draw),
    reinitEncoder: true,
    freezeDecoder: true
  };
}

/** The best encoder there is for a frozen decoder: each point's best code, searched as on the (g) page, and its MSE. */
export function bestEncoderMse(
  spec: AutoencoderSpec,
  params: Float64Array,
  data: Float64Array,
  count = 4001
): number {
  const n = data.length / 2;
  const [lo, hi] = widenedRange(encode(spec, params, data, n), DEFAULT_ENCODER_RETRAIN.searchWiden);
  return meanOverCoordinates(bestCodes(spec, params, data, n, {lo, hi, count}).err, 2);
}

/** The two runs "go on with it" offers. */
export type GoOnKind = "continue" | "g";

/** One run of "go on with it", and what its result is compared with. */
export interface GoOnPlan {
  readonly kind: GoOnKind;
  readonly job: RetrainJob;
  /** The reader's model as it was, on the report's points. */
  readonly beforeMse: number;
  /** For (g): the MSE of the best encoder for the frozen decoder (null when continuing). */
  readonly bestEncoderMse: number | null;
  /** The run's name in the progress panel. */
  readonly runName: string;
  /** The result figure's title, before ": epoch N". */
  readonly title: string;
  readonly filename: string;
}

/** The job of `kind` on the reader's model (sheet activations), on the report's points `data`. */
export function goOnPlan(
  kind: GoOnKind,
  arch: Architecture,
  sheet: ModelName | undefined,
  params: Float64Array,
  data: Float64Array
): GoOnPlan {
  const spec = specOf(arch);
  const job = (kind === "g" ? frozenDecoderJob : continueJob)(arch, sheet, params);
  return {
    kind,
    job,
    beforeMse: reconstructionMse(spec, params, data, data.length / 2),
    bestEncoderMse: job.freezeDecoder ? bestEncoderMse(spec, params, data) : null,
    runName: kind === "g" ? "encoder, decoder frozen" : "your model",
    title: kind === "g" ? "Retrained encoder, your frozen decoder" : "Your model, trained further",
    filename: `your-model-${kind === "g" ? "g-retrained" : "continued"}-state-dict.json`
  };
}
