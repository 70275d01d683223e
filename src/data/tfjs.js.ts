// tfjs's self-contained ES module, served to the training worker as a file of the site.
import {LOADER_OUTPUTS} from "./lib/outputs.js";

process.stdout.write(await LOADER_OUTPUTS["tfjs.js"]());
