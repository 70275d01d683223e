// Exercise 1 (e): the constructed autoencoder that reconstructs every point, with its errors.
import {perfectReconstruction} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(await perfectReconstruction()));
