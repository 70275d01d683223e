// The three autoencoders of exercise 1, trained with the sheet's setup for every seed.
import {withoutHistory} from "../core/autoencoder/snapshot.js";
import {autoencoderSnapshot} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(withoutHistory(await autoencoderSnapshot())));
