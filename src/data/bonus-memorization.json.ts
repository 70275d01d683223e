// Bonus exercise 2 (c): memorising noise on the least data, over several seeds (see src/core/playground/studies.ts).
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["bonus-memorization.json"]());
