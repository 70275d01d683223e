// Bonus exercise 2 (c): memorising noise on the least data, over several seeds (see src/core/playground/studies.ts).
import {memorizationStudy} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(await memorizationStudy()));
