// Exercise 1 (h): full-batch against mini-batch learning curves of the same problem, for SGD and Adam.
import {gdSgd} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(await gdSgd()));
