// Frames of the training of exercise 1's autoencoders (every 10 epochs), from the same runs.
import {historyOf} from "../core/autoencoder/snapshot.js";
import {autoencoderSnapshot} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(historyOf(await autoencoderSnapshot())));
