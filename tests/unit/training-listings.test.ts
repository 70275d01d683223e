// The training listings of exercise 1 (a)/(b): the plain PyTorch loop runs with
// PyTorch and matches the report's own training step on the same data, initial
// weights and batch order; the LightningModule's methods, driven as Lightning's
// automatic optimisation drives them, give the loop's numbers; both listings compile.
// PyTorch is looked for as `python3`, then `/usr/bin/python3`; Lightning cannot be
// installed here, so a stand-in trainer calls the module's methods.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {sheetData} from "../../src/core/autoencoder/snapshot.js";
import {sheetModel} from "../../src/core/autoencoder/models.js";
import {SHEET_RECT} from "../../src/core/autoencoder/rectangle.js";
import {
  dataListing,
  lightningFitListing,
  lightningListing,
  lightningModuleListing,
  loopListing,
  plainTrainingListing,
  stateDict,
  torchListing
} from "../../src/core/autoencoder/listings.js";
import type {TrainingListingSetup} from "../../src/core/autoencoder/listings.js";
import {paramCount} from "../../src/core/engine/mlp.js";
import type {StepEngine} from "../../src/core/engine/problem.js";
import {startAutoencoder} from "../../src/core/autoencoder/run.js";
import {SHEET_SETUP} from "../../src/core/autoencoder/setup.js";
import {TrainingLoop} from "../../src/core/engine/train.js";

const SETUP: TrainingListingSetup = {...SHEET_SETUP, rect: SHEET_RECT};
const EPOCHS = 3;
const SHORT: TrainingListingSetup = {...SETUP, epochs: EPOCHS};

function run(
  python: string,
  args: string[],
  input = ""
): {status: number | null; stdout: string; stderr: string} {
  const r = spawnSync(python, args, {input, encoding: "utf8", timeout: 120_000});
  return {status: r.error ? -1 : r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? String(r.error ?? "")};
}

function findPython(needsTorch: boolean): string | undefined {
  for (const python of ["python3", "/usr/bin/python3"]) {
    if (run(python, ["-c", needsTorch ? "import torch" : "pass"]).status === 0) return python;
  }
  return undefined;
}

const torchPython = findPython(true);
const anyPython = findPython(false);

function python(code: string, input = ""): string {
  const r = run(torchPython!, ["-c", code], input);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/**
 * The report's own first epochs: the float64 fused step on its data and initial weights, with the
 * batches it drew (the published float32 step follows it to float32 precision: wasm-engine.test.ts).
 */
function reportRun(seed: number): {initial: Float64Array; batches: number[][][]; losses: number[]} {
  const data = sheetData();
  const run = startAutoencoder(
    {
      hidden: [20, 10, 1, 10, 20, 2],
      linear: false,
      seed,
      batchSize: SHEET_SETUP.batchSize,
      init: SHEET_SETUP.init
    },
    data,
    {kind: "fused"}
  );
  const epochBatches: number[][][] = [];
  const engine: StepEngine = {
    ...run.loop.engine,
    step(batch, count) {
      epochBatches[epochBatches.length - 1].push(Array.from(batch).slice(0, count));
      return run.loop.engine.step(batch, count);
    }
  };
  // The loop's shuffles continue from the run's random source, as in the report.
  const loop = new TrainingLoop(engine, run.rng, {batchSize: SETUP.batchSize});
  for (let e = 0; e < EPOCHS; ++e) {
    epochBatches.push([]);
    loop.runEpoch();
  }
  return {initial: run.initial, batches: epochBatches, losses: loop.stepLosses};
}

/** Python that replaces the listing's data and DataLoader by the report's data and batch order (read from stdin). */
const REPORT_DATA = `import json, sys
report = json.load(sys.stdin)
data = torch.tensor(report["data"]).reshape(-1, 2)


class ReportBatches:
    """Stands in for the DataLoader: each pass yields the batches the report drew for that epoch."""

    def __init__(self, epochs):
        self.epochs = iter(epochs)

    def __iter__(self):
        return ((data[torch.tensor(rows)],) for rows in next(self.epochs))


def report_loader():
    return ReportBatches(report["batches"])


def load_report_weights(model):
    model.load_state_dict({key: torch.tensor(value) for key, value in report["state"].items()})
`;

/** Lightning's automatic optimisation, reduced to what the listing's module uses. */
const STAND_IN_LIGHTNING = `import types
import sys
pl = types.ModuleType("pytorch_lightning")


class LightningModule(nn.Module):
    def log(self, *args, **kwargs):
        pass


class Trainer:
    def __init__(self, max_epochs):
        self.max_epochs = max_epochs

    def fit(self, module, loader):
        optimizer = module.configure_optimizers()
        module.train()
        for epoch in range(self.max_epochs):
            for batch_idx, batch in enumerate(loader):
                loss = module.training_step(batch, batch_idx)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()


pl.LightningModule = LightningModule
pl.Trainer = Trainer
sys.modules["pytorch_lightning"] = pl
`;

const HEAD = "import torch\nfrom torch import nn\nfrom torch.utils.data import DataLoader, TensorDataset\n";

describe("training listings", () => {
  const spec = sheetModel("small");
  const model = torchListing(spec, "SmallAutoencoder", "the small autoencoder");

  it("the plain PyTorch listing trains as the report does: 12 steps an epoch, finite losses, the same network", (t) => {
    if (!torchPython) return t.skip("skipped: no torch");
    const out = python(`${model}\n${plainTrainingListing("SmallAutoencoder", SHORT)}
import json
print(json.dumps({"losses": losses, "params": sum(p.numel() for p in model.parameters()), "batches": len(loader), "shape": list(data.shape),
  "low": data.min(0).values.tolist(), "high": data.max(0).values.tolist()}))`);
    const r = JSON.parse(out) as {
      losses: number[];
      params: number;
      batches: number;
      shape: number[];
      low: number[];
      high: number[];
    };
    assert.equal(r.params, paramCount(spec));
    assert.deepEqual(r.shape, [SETUP.n, 2]);
    assert.equal(r.batches, Math.floor(SETUP.n / SETUP.batchSize));
    assert.equal(r.losses.length, EPOCHS * r.batches);
    assert.ok(r.losses.every(Number.isFinite));
    assert.ok(
      r.low[0] >= -2 && r.high[0] <= 2 && r.low[1] >= -1 && r.high[1] <= 1 && r.high[0] - r.low[0] > 3
    );
  });

  it("its loop, on the report's data, weights and batch order, gives the report's step losses (float64)", (t) => {
    if (!torchPython) return t.skip("skipped: no torch");
    const ours = reportRun(0);
    const input = JSON.stringify({
      data: Array.from(sheetData()),
      batches: ours.batches,
      state: stateDict(spec, ours.initial)
    });
    const loop = loopListing("SmallAutoencoder", SHORT).replace(
      "model = SmallAutoencoder()\n",
      "model = SmallAutoencoder()\nload_report_weights(model)\n"
    );
    assert.notEqual(
      loop,
      loopListing("SmallAutoencoder", SHORT),
      "the loop creates the model where the weights can be loaded"
    );
    const out = python(
      `${HEAD}torch.set_default_dtype(torch.float64)\n${model}\n${REPORT_DATA}\nloader = report_loader()\n${loop}\nprint(json.dumps(losses))`,
      input
    );
    const theirs = JSON.parse(out) as number[];
    assert.equal(theirs.length, ours.losses.length);
    const worst = Math.max(...theirs.map((x, k) => Math.abs(x - ours.losses[k]) / ours.losses[k]));
    t.diagnostic(`largest relative difference of ${theirs.length} step losses: ${worst.toExponential(2)}`);
    assert.ok(worst < 1e-9, `largest relative difference ${worst}`);
    assert.ok(ours.losses[ours.losses.length - 1] !== ours.losses[0]);
  });

  it("the LightningModule, driven as Lightning drives it, gives the loop's losses exactly", (t) => {
    if (!torchPython) return t.skip("skipped: no torch");
    const ours = reportRun(3);
    const input = JSON.stringify({
      data: Array.from(sheetData()),
      batches: [...ours.batches, ...ours.batches],
      state: stateDict(spec, ours.initial)
    });
    const loop = loopListing("SmallAutoencoder", SHORT).replace(
      "model = SmallAutoencoder()\n",
      "model = SmallAutoencoder()\nload_report_weights(model)\n"
    );
    const fit = lightningFitListing("SmallAutoencoder", SHORT).replace(
      "lit = LitAutoencoder(SmallAutoencoder())\n",
      "lit = LitAutoencoder(SmallAutoencoder())\nload_report_weights(lit.model)\n"
    );
    const out = python(
      `${HEAD}torch.set_default_dtype(torch.float64)\n${model}\n${STAND_IN_LIGHTNING}\nimport pytorch_lightning as pl\n${lightningModuleListing(SHORT)}\n${REPORT_DATA}\n` +
        `loader = report_loader()\n${loop}\nloader = ReportBatches(report["batches"][${EPOCHS}:])\n${fit}\nprint(json.dumps({"loop": losses, "lightning": lit.losses}))`,
      input
    );
    const r = JSON.parse(out) as {loop: number[]; lightning: number[]};
    assert.equal(r.loop.length, EPOCHS * 12);
    assert.deepEqual(r.lightning, r.loop);
  });

  it("both listings compile as Python, the Lightning one with the sheet's settings", (t) => {
    if (!anyPython) return t.skip("skipped: no python3");
    const lightning = lightningListing("SmallAutoencoder", SETUP);
    for (const [name, needle] of [
      ["class LitAutoencoder(pl.LightningModule)", true],
      ["def training_step(self, batch, batch_idx)", true],
      ["def configure_optimizers(self)", true],
      [`torch.optim.Adam(self.parameters(), lr=self.lr)`, true],
      [`lr=${SETUP.lr}`, true],
      [`batch_size=${SETUP.batchSize}, shuffle=True, drop_last=True`, true],
      ["lr=self.lr", true],
      [`pl.Trainer(max_epochs=${SETUP.epochs})`, true]
    ] as const) {
      assert.equal(lightning.includes(name), needle, name);
    }
    assert.ok(dataListing(SETUP).includes(`torch.rand(${SETUP.n}, 2`));
    // PEP 8's line length, so that the listings read without sideways scrolling.
    for (const code of [lightning, plainTrainingListing("SmallAutoencoder", SETUP), model]) {
      for (const line of code.split("\n")) assert.ok(line.length <= 79, `${line.length} characters: ${line}`);
    }
    const dir = mkdtempSync(join(tmpdir(), "listings-"));
    try {
      for (const [file, code] of [
        ["lightning.py", `${model}\n${lightning}`],
        ["plain.py", `${model}\n${plainTrainingListing("SmallAutoencoder", SETUP)}`]
      ]) {
        writeFileSync(join(dir, file), code);
        const r = run(anyPython, ["-m", "py_compile", join(dir, file)]);
        assert.equal(r.status, 0, `${file}: ${r.stderr}`);
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
