// Exercise 1 (b): final MSE by model and seed, shaped with arquero.
import {autoencoderSnapshot} from "./lib/experiments.js";
import {seedStats} from "./lib/tables.js";

process.stdout.write(JSON.stringify(seedStats(await autoencoderSnapshot())));
