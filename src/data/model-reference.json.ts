// What a reader's own model is graded against: the sheet's points, the published seeds' MSE and verdict measures.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["model-reference.json"]());
