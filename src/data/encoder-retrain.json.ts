// Exercise 1 (g): fresh encoders retrained under the frozen decoders of the published big autoencoders.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["encoder-retrain.json"]());
