// Bonus exercise 2 (a): the spiral from X₁ and X₂, every architecture tried (see src/core/playground/studies.ts).
import {spiralStudy} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(await spiralStudy()));
