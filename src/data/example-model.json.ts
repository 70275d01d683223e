// The published big model of seed 0 as a JSON state_dict: the example the "Check your own model" page starts with.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["example-model.json"]());
