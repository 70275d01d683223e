// Bonus exercise 2 (b): the 6 × 8 network without regularisation, with L1 and with L2 (see src/core/playground/studies.ts).
import {regularizationStudy} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(await regularizationStudy()));
