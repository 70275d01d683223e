// Bonus exercise 2 (a): the spiral from X₁ and X₂, every architecture tried (see src/core/playground/studies.ts).
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["bonus-spiral.json"]());
