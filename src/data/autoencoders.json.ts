// The three autoencoders of exercise 1, trained with the sheet's setup for every seed.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["autoencoders.json"]());
