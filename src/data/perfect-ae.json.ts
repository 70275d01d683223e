// Exercise 1 (e): the constructed autoencoder that reconstructs every point, with its errors.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["perfect-ae.json"]());
