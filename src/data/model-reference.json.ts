// What a reader's own model is graded against: the sheet's points, the published seeds' MSE and verdict measures.
import {modelReference} from "../core/model-file/reference.js";
import {autoencoderSnapshot} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(modelReference(await autoencoderSnapshot())));
