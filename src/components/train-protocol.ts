// Messages between the page-side training handle (trainer.ts) and its worker (train-worker.ts).
import type {StateView} from "../core/ae-snapshot.js";
import type {EngineKind} from "../core/engine.js";
import type {JobReport, ViewOptions} from "../core/train-job.js";
import type {RetrainJob} from "../core/retrain.js";

export type ToWorker =
  | {readonly type: "start"; readonly job: RetrainJob; readonly engine: EngineKind; readonly view: ViewOptions; readonly reportMs: number; readonly viewMs: number}
  | {readonly type: "pause"}
  | {readonly type: "resume"}
  | {readonly type: "stop"};

export type FromWorker =
  | {readonly type: "ready"}
  | {readonly type: "progress"; readonly report: JobReport; readonly view?: StateView; readonly elapsedMs: number; readonly tensors?: number}
  | {readonly type: "error"; readonly message: string};
