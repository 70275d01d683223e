// Exercise 1 (b): final MSE by model and seed, shaped with arquero.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["ex1-tables.json"]());
