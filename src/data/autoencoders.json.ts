// The three autoencoders of exercise 1, trained with the sheet's setup for every seed.
import {autoencoderSnapshot} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(await autoencoderSnapshot()));
