/**
 * The architectures as code a reader can run: a PyTorch listing (what the sheet
 * asks for) and a TensorFlow.js Layers listing, both generated from the same
 * `AutoencoderSpec` that this site trains, and the trained weights as a PyTorch
 * `state_dict` (keys and shapes of the PyTorch listing). Tests execute the tfjs
 * listing and compare it with the core's forward pass.
 */
import type {AutoencoderSpec, ModelName} from "./models.js";
import {layerCount, layout, paramCount} from "../engine/mlp.js";

interface Module {
  readonly part: "encoder" | "decoder";
  /** Index in its nn.Sequential (ReLU modules take indices too). */
  readonly index: number;
  readonly layer: number;
  readonly in: number;
  readonly out: number;
  readonly relu: boolean;
}

/** The Linear modules of the PyTorch listing, in order, with their Sequential indices. */
export function torchModules(spec: AutoencoderSpec): Module[] {
  const modules: Module[] = [];
  const counters = {encoder: 0, decoder: 0};
  for (let l = 0; l < layerCount(spec); ++l) {
    const part = l < spec.encoderLayers ? "encoder" : "decoder";
    const relu = spec.activations[l] === "relu";
    modules.push({part, index: counters[part], layer: l, in: spec.widths[l], out: spec.widths[l + 1], relu});
    counters[part] += relu ? 2 : 1;
  }
  return modules;
}

export function torchListing(spec: AutoencoderSpec, className: string, note: string): string {
  const modules = torchModules(spec);
  const block = (part: "encoder" | "decoder") =>
    modules
      .filter((m) => m.part === part)
      .map((m, k, all) => {
        const last = k === all.length - 1;
        const comment = last
          ? part === "encoder"
            ? "  # the code: no activation"
            : "  # the reconstruction: no activation"
          : "";
        return `            nn.Linear(${m.in}, ${m.out}),${m.relu ? " nn.ReLU()," : ""}${comment}`;
      })
      .join("\n");
  return `import torch
from torch import nn


class ${className}(nn.Module):
    """${note}"""

    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
${block("encoder")}
        )
        self.decoder = nn.Sequential(
${block("decoder")}
        )

    def forward(self, x):
        return self.decoder(self.encoder(x))
`;
}

/** A TensorFlow.js Layers definition of the same network, with PyTorch's initialisation. */
export function tfjsListing(spec: AutoencoderSpec, name: string): string {
  const modules = torchModules(spec);
  const dense = (m: Module, first: boolean) =>
    `    tf.layers.dense({${first ? `inputShape: [${m.in}], ` : ""}units: ${m.out}, activation: "${m.relu ? "relu" : "linear"}", ` +
    `kernelInitializer: torchInit(${m.in}), biasInitializer: torchInit(${m.in})}),`;
  const part = (p: "encoder" | "decoder") =>
    modules
      .filter((m) => m.part === p)
      .map((m, k) => dense(m, k === 0))
      .join("\n");
  return `// PyTorch's nn.Linear default: weights and biases from U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
const torchInit = (fanIn) => tf.initializers.randomUniform({minval: -1 / Math.sqrt(fanIn), maxval: 1 / Math.sqrt(fanIn)});
const ${name}Encoder = tf.sequential({layers: [
${part("encoder")}
]});
const ${name}Decoder = tf.sequential({layers: [
${part("decoder")}
]});
const ${name} = tf.sequential({layers: [${name}Encoder, ${name}Decoder]});
`;
}

export type StateDict = Record<string, number[] | number[][]>;

/** The flat parameters as a PyTorch state_dict: `<part>.<index>.weight` [out, in] and `.bias` [out]. */
export function stateDict(spec: AutoencoderSpec, params: ArrayLike<number>): StateDict {
  if (params.length !== paramCount(spec))
    throw new RangeError(`expected ${paramCount(spec)} parameters, got ${params.length}`);
  const layers = layout(spec);
  const dict: StateDict = {};
  for (const m of torchModules(spec)) {
    const ly = layers[m.layer];
    const weight: number[][] = [];
    for (let j = 0; j < ly.out; ++j)
      weight.push(Array.from({length: ly.in}, (_, i) => params[ly.w + j * ly.in + i]));
    dict[`${m.part}.${m.index}.weight`] = weight;
    dict[`${m.part}.${m.index}.bias`] = Array.from({length: ly.out}, (_, j) => params[ly.b + j]);
  }
  return dict;
}

/** The keys and shapes a state_dict of this network has, in order. */
export function stateDictShapes(spec: AutoencoderSpec): [string, number[]][] {
  return torchModules(spec).flatMap((m) => [
    [`${m.part}.${m.index}.weight`, [m.out, m.in]] as [string, number[]],
    [`${m.part}.${m.index}.bias`, [m.out]] as [string, number[]]
  ]);
}

/** The few lines of Python that load a downloaded state_dict into the listing's class. */
export function loadSnippet(className: string, file: string): string {
  return `import json
import torch

model = ${className}()
with open("${file}") as f:
    state = {key: torch.tensor(value) for key, value in json.load(f).items()}
model.load_state_dict(state)
model.eval()
`;
}

/** What the training listings need of the setup (`SHEET_SETUP` and `SHEET_RECT` by default on the page). */
export interface TrainingListingSetup {
  readonly n: number;
  readonly dataSeed: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly lr: number;
  readonly rect: {readonly x: readonly [number, number]; readonly y: readonly [number, number]};
}

/** A Python float literal ("0.001", "4.0"). */
function py(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

/** The data and the loader of the sheet's notebook, as both training listings share them. */
export function dataListing(s: TrainingListingSetup): string {
  const [x0, x1] = s.rect.x;
  const [y0, y1] = s.rect.y;
  const steps = Math.floor(s.n / s.batchSize);
  return `# The data: ${s.n} points, x1 ~ U(${x0}, ${x1}), x2 ~ U(${y0}, ${y1}), drawn once.
generator = torch.Generator().manual_seed(${s.dataSeed})
low, high = torch.tensor([${py(x0)}, ${py(y0)}]), torch.tensor([${py(x1)}, ${py(y1)}])
data = low + (high - low) * torch.rand(${s.n}, 2, generator=generator)
# Batches of ${s.batchSize}, reshuffled every epoch, the last incomplete batch
# dropped: ${steps} steps per epoch.
loader = DataLoader(
    TensorDataset(data), batch_size=${s.batchSize}, shuffle=True, drop_last=True
)
`;
}

/** The optimisation as a plain PyTorch loop; expects `className` (the architecture listing) and `loader` (dataListing). */
export function loopListing(className: string, s: TrainingListingSetup, seed = 0): string {
  return `torch.manual_seed(${seed})
model = ${className}()
# Adam with PyTorch's defaults: betas (0.9, 0.999), eps 1e-8.
optimizer = torch.optim.Adam(model.parameters(), lr=${s.lr})
loss_fn = nn.MSELoss()  # the mean over every coordinate of the batch

losses = []  # the loss of every step, for the loss curve
for epoch in range(${s.epochs}):
    for (x,) in loader:
        loss = loss_fn(model(x), x)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
`;
}

/** The same training as a LightningModule and a Trainer; expects `className` and `loader`. */
export function lightningModuleListing(s: TrainingListingSetup): string {
  return `class LitAutoencoder(pl.LightningModule):
    """Trains an autoencoder to give back its input."""

    def __init__(self, model, lr=${s.lr}):
        super().__init__()
        self.model = model
        self.lr = lr
        self.loss_fn = nn.MSELoss()  # mean over every coordinate of the batch
        self.losses = []  # the loss of every step, for the loss curve

    def training_step(self, batch, batch_idx):
        (x,) = batch
        loss = self.loss_fn(self.model(x), x)
        self.losses.append(loss.item())
        self.log("train_loss", loss)
        return loss  # Lightning then calls zero_grad, backward and step

    def configure_optimizers(self):
        # Adam with PyTorch's defaults: betas (0.9, 0.999), eps 1e-8.
        return torch.optim.Adam(self.parameters(), lr=self.lr)
`;
}

export function lightningFitListing(className: string, s: TrainingListingSetup, seed = 0): string {
  return `torch.manual_seed(${seed})
lit = LitAutoencoder(${className}())
trainer = pl.Trainer(max_epochs=${s.epochs})
trainer.fit(lit, loader)
`;
}

const TRAINING_IMPORTS = `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
`;

/** The sheet's training with PyTorch Lightning, whole: imports, module, data, Trainer (the architecture listing goes first). */
export function lightningListing(className: string, s: TrainingListingSetup, seed = 0): string {
  return `import pytorch_lightning as pl  # or: import lightning.pytorch as pl
${TRAINING_IMPORTS}

${lightningModuleListing(s)}

${dataListing(s)}
${lightningFitListing(className, s, seed)}`;
}

/** The same training as a plain PyTorch loop, whole (the architecture listing goes first). */
export function plainTrainingListing(className: string, s: TrainingListingSetup, seed = 0): string {
  return `${TRAINING_IMPORTS}
${dataListing(s)}
${loopListing(className, s, seed)}`;
}

/** The sheet's three models as the listings name them: class name and a one-line note on the architecture. */
export const SHEET_CLASSES: readonly {
  readonly name: ModelName;
  readonly title: string;
  readonly className: string;
  readonly note: string;
}[] = [
  {
    name: "small",
    title: "small",
    className: "SmallAutoencoder",
    note: "{20, 10, 1, 10, 20, 2}: ReLU after every hidden layer except the bottleneck."
  },
  {
    name: "big",
    title: "big",
    className: "BigAutoencoder",
    note: "{50, 50, 50, 1, 50, 50, 50, 2}: ReLU after every hidden layer except the bottleneck."
  },
  {
    name: "pca",
    title: "PCA-like",
    className: "LinearAutoencoder",
    note: "{1, 2} without any non-linearity: PCA up to a linear transformation."
  }
];
