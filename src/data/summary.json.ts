// The report's key numbers, computed from the same results the figures draw.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["summary.json"]());
