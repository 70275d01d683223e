// Exercise 1 (g) over learning rates: the frozen-decoder retraining at a sweep of Adam learning rates and two training lengths.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["retrain-sweep.json"]());
