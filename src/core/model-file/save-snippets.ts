/** The Python lines that write each format the page reads, for a model `model` (an nn.Module) after training. */
export const SAVE_SNIPPETS = `import torch

# PyTorch's own format: the weights only (keys encoder.0.weight, ...)
torch.save(model.state_dict(), "model.pt")

# A Lightning checkpoint: what the Trainer writes (or lightning_logs/.../checkpoints/*.ckpt)
trainer.save_checkpoint("model.ckpt")

# safetensors (pip install safetensors)
from safetensors.torch import save_file
save_file(model.state_dict(), "model.safetensors")

# The report's JSON state_dict, as exported on exercise 1 (a)
import json
with open("model.json", "w") as f:
    json.dump({k: v.tolist() for k, v in model.state_dict().items()}, f)
`;
