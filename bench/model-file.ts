// Grading a dropped model, timed in Node: read the notebook-shaped Lightning checkpoint of the big model,
// infer the architecture, grade it on the sheet's points and judge the (c)/(d) verdicts (what the page does on a drop).
// Run: npx tsx bench/model-file.ts (prints one JSON object: milliseconds, median of 7, wall and CPU).
import {readFileSync} from "node:fs";
import {loadModel} from "../src/core/model-file/read.js";
import {specOf} from "../src/core/model-file/architecture.js";
import {gradeModel, readerVerdicts} from "../src/core/model-file/grade.js";
import type {ModelReference} from "../src/core/model-file/reference.js";
import {DEFAULT_SNAPSHOT_CONFIG, sheetData} from "../src/core/autoencoder/snapshot.js";
import {pca2} from "../src/core/autoencoder/pca.js";

const bytes = new Uint8Array(readFileSync("tests/fixtures/model-files/notebook-big.ckpt"));
const data = sheetData();
const runs = [{seed: 0, mse: 0.01}];
const none = {pca: [], small: [], big: []};
const reference = {
  data: Array.from({length: data.length / 2}, (_, i) => [data[2 * i], data[2 * i + 1]]),
  pca: pca2(data, data.length / 2),
  ...DEFAULT_SNAPSHOT_CONFIG,
  models: {
    pca: {hidden: [1, 2], linear: true, runs},
    small: {hidden: [], linear: false, runs},
    big: {hidden: [], linear: false, runs}
  },
  measures: none
} as unknown as ModelReference;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const phases: Record<string, {wall: number[]; cpu: number[]}> = {
  read: {wall: [], cpu: []},
  grade: {wall: [], cpu: []},
  verdicts: {wall: [], cpu: []}
};
const time = <T>(name: string, f: () => T): T => {
  const [w, c] = [performance.now(), cpu()];
  const out = f();
  phases[name].wall.push(performance.now() - w);
  phases[name].cpu.push(cpu() - c);
  return out;
};
for (let rep = 0; rep < 7; ++rep) {
  const model = time("read", () => loadModel(bytes));
  const grade = time("grade", () =>
    gradeModel(specOf(model.arch), model.params, reference, {sheetActivations: true})
  );
  // The verdicts need published measures; with none, decoderVerdicts still measures the reader's model (the cost that matters).
  time("verdicts", () => {
    try {
      readerVerdicts(grade, model.params, reference, {pca: "pca", small: "small", big: "big"});
    } catch {
      // empty published measures make the ReLU row's statistics undefined; the measuring has been done by then
    }
  });
}
const out = Object.fromEntries(
  Object.entries(phases).map(([k, v]) => [
    k,
    {wallMs: +median(v.wall).toFixed(1), cpuMs: +median(v.cpu).toFixed(1)}
  ])
);
process.stdout.write(`${JSON.stringify(out)}\n`);
