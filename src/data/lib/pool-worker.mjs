// Entry of a pool worker thread: registers tsx (hooks of the parent do not reach a
// worker on Node 20), then loads the TypeScript worker.
import {register} from "tsx/esm/api";

register();
await import("./pool-worker.ts");
