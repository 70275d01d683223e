// The published big model of seed 0 as a JSON state_dict: the example the "Check your own model" page starts with.
import {stateDict} from "../core/autoencoder/listings.js";
import {sheetModel} from "../core/autoencoder/models.js";
import {autoencoderSnapshot} from "./lib/experiments.js";

const run = (await autoencoderSnapshot()).models.big!.runs.find((r) => r.seed === 0)!;
process.stdout.write(JSON.stringify(stateDict(sheetModel("big"), run.weights)));
