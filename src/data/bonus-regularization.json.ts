// Bonus exercise 2 (b): the 6 × 8 network without regularisation, with L1 and with L2 (see src/core/playground/studies.ts).
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["bonus-regularization.json"]());
