// The report's key numbers, computed from the same results the figures draw.
import {buildSummary} from "./lib/summary.js";

process.stdout.write(JSON.stringify(await buildSummary(), null, 1));
