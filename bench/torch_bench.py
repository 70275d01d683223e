"""The sheet's training loop in PyTorch, on one thread, for the benchmark (bench/bench.ts).

Not a dependency of the build or the tests: run only when python3 has torch.
Prints one JSON object: ms per training step for each autoencoder, with the
notebook's DataLoader (batch 8, shuffled, last batch dropped) and with plain
index batches (no DataLoader), Adam with PyTorch's defaults, MSELoss.
"""
import json
import sys
import time

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.set_num_threads(1)
torch.manual_seed(0)

HIDDEN = {
    "pca": [1, 2],
    "small": [20, 10, 1, 10, 20, 2],
    "big": [50, 50, 50, 1, 50, 50, 50, 2],
}


def build(hidden, linear):
    layers, width = [], 2
    bottleneck = hidden.index(min(hidden[:-1]))
    for i, out in enumerate(hidden):
        layers.append(nn.Linear(width, out))
        if not linear and i != bottleneck and i != len(hidden) - 1:
            layers.append(nn.ReLU())
        width = out
    return nn.Sequential(*layers)


def bench(name, epochs, use_loader):
    x = torch.empty(100, 2)
    x[:, 0].uniform_(-2, 2)
    x[:, 1].uniform_(-1, 1)
    model = build(HIDDEN[name], name == "pca")
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.MSELoss()
    loader = DataLoader(TensorDataset(x), batch_size=8, shuffle=True, drop_last=True)

    def epoch():
        if use_loader:
            batches = (b for (b,) in loader)
        else:
            perm = torch.randperm(100)
            batches = (x[perm[i : i + 8]] for i in range(0, 96, 8))
        for b in batches:
            opt.zero_grad()
            loss = loss_fn(model(b), b)
            loss.backward()
            opt.step()

    for _ in range(5):
        epoch()
    t0 = time.perf_counter()
    for _ in range(epochs):
        epoch()
    return (time.perf_counter() - t0) * 1000 / (epochs * 12)


epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "epochs": epochs}
for name in HIDDEN:
    out[name] = {
        "msPerStepDataLoader": round(bench(name, epochs, True), 4),
        "msPerStepPlain": round(bench(name, epochs, False), 4),
    }
print(json.dumps(out))
