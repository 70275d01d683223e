// Exercise 1 (h): full-batch against mini-batch learning curves of the same problem, for SGD and Adam.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["gd-sgd.json"]());
