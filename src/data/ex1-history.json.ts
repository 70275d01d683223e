// Frames of the training of exercise 1's autoencoders (every 10 epochs), from the same runs.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["ex1-history.json"]());
