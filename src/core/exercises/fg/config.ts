/**
 * Exercise 1 (g)'s settings: the sheet's training setup for the fresh encoder,
 * the search for the best codes, the stream that redraws the encoder, the
 * page's retraining controls, and the job a page or a loader sends to the trainer.
 */
import {SHEET_HIDDEN} from "../../autoencoder/models.js";
import type {Field} from "../../settings/fields.js";
import type {InitScheme} from "../../engine/mlp.js";
import type {RetrainJob} from "../../settings/retrain.js";
import {SEEDS, SHEET_SETUP} from "../../autoencoder/setup.js";

export interface EncoderRetrainConfig {
  readonly epochs: number;
  readonly batchSize: number;
  /** Adam's learning rate. */
  readonly lr: number;
  readonly init: InitScheme;
  /** Which fresh draw of the encoder (see `reinitSeed`). */
  readonly draw: number;
  /** Full-data MSE every this many training examples. */
  readonly evalEvery: number;
  /** Grid values of the search for the best codes, over the old codes' range widened `searchWiden` times on each side. */
  readonly searchCount: number;
  readonly searchWiden: number;
  /** Samples of the decoder curve emitted for the figures (over the search interval). */
  readonly curvePoints: number;
  /** A code "is at" the best code when within this fraction of the old codes' range. */
  readonly codeTolerance: number;
}

export const DEFAULT_ENCODER_RETRAIN: EncoderRetrainConfig = {
  epochs: SHEET_SETUP.epochs,
  batchSize: SHEET_SETUP.batchSize,
  lr: SHEET_SETUP.lr,
  init: SHEET_SETUP.init,
  draw: 0,
  evalEvery: 480,
  searchCount: 20001,
  searchWiden: 2,
  curvePoints: 801,
  codeTolerance: 0.01
};

/**
 * The seed of the stream that redraws the encoder of published seed `seed`:
 * 1000·(draw + 1) + seed, never one of the streams (0–7) the published models
 * were drawn from. The same stream then shuffles the batches.
 */
export function reinitSeed(seed: number, draw = 0): number {
  return 1000 * (draw + 1) + seed;
}

/** The choice among the published seeds, on the pages of (g) and (h). */
export const PUBLISHED_SEED_FIELD: Field = {
  key: "seed",
  label: "published seed",
  kind: "int",
  min: SEEDS[0],
  max: SEEDS[SEEDS.length - 1],
  value: SEEDS[0]
};

/** What the page's retraining controls set. */
export const ENCODER_RETRAIN_FIELDS: readonly Field[] = [
  PUBLISHED_SEED_FIELD,
  {
    key: "draw",
    label: "fresh encoder draw",
    kind: "int",
    min: 0,
    max: 99,
    value: DEFAULT_ENCODER_RETRAIN.draw
  },
  {
    key: "lr",
    label: "learning rate (Adam)",
    kind: "number",
    min: 1e-5,
    max: 0.1,
    value: DEFAULT_ENCODER_RETRAIN.lr,
    log: true
  },
  {key: "epochs", label: "epochs", kind: "int", min: 1, max: 5000, value: DEFAULT_ENCODER_RETRAIN.epochs}
];

/** The frozen-decoder job for published seed `seed`, whose trained parameters are `weights`. */
export function encoderRetrainJob(
  seed: number,
  weights: readonly number[],
  settings: Pick<EncoderRetrainConfig, "epochs" | "batchSize" | "lr" | "init" | "draw" | "evalEvery">,
  optimizer: "adam" | "sgd" = "adam"
): RetrainJob {
  return {
    model: "big",
    hidden: [...SHEET_HIDDEN.big],
    linear: false,
    seed: reinitSeed(seed, settings.draw),
    lr: settings.lr,
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    init: settings.init,
    optimizer,
    initial: weights,
    reinitEncoder: true,
    freezeDecoder: true,
    evalEvery: settings.evalEvery
  };
}
