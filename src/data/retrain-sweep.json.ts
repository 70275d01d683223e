// Exercise 1 (g) over learning rates: the frozen-decoder retraining at a sweep of Adam learning rates and two training lengths.
import {retrainSweep} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(await retrainSweep()));
