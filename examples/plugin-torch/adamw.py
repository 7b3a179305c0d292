#!/usr/bin/env python3
"""AdamW from PyTorch (torch.optim.AdamW) as a DescentLab external optimizer.

The parameters live in a float64 tensor; each step sets its gradient to the one DescentLab sends and calls the
optimizer's own step, so the update is PyTorch's, whatever its version. It declares "runs": "many" (protocol version 2):
one process serves run after run, so `import torch` (seconds) is paid once per worker, not once per run.

Protocol (docs/plugins.md): one JSON object per line on stdin, one answer per line on stdout.
"""
import json
import sys

import torch

DESCRIPTION = {
    "name": "torch_adamw",
    "description": f"AdamW of PyTorch {torch.__version__} (torch.optim.AdamW, float64)",
    "hyper": {
        "lr": {"default": 0.001, "min": 0},
        "beta1": {"default": 0.9, "min": 0, "max": 0.999999},
        "beta2": {"default": 0.999, "min": 0, "max": 0.999999},
        "eps": {"default": 1e-8, "min": 0},
        "weight_decay": {"default": 0.01, "min": 0},
    },
    "family": "adaptive",
    "runs": "many",
}


def send(message):
    sys.stdout.write(json.dumps(message, separators=(",", ":")))
    sys.stdout.write("\n")
    sys.stdout.flush()


def main():
    params = None
    optimizer = None
    for line in sys.stdin:
        message = json.loads(line)
        kind = message["type"]
        if kind == "describe":
            send(DESCRIPTION)
        elif kind == "init":
            hyper = message["hyper"]
            params = torch.tensor(message["params"], dtype=torch.float64, requires_grad=True)
            optimizer = torch.optim.AdamW(
                [params],
                lr=hyper["lr"],
                betas=(hyper["beta1"], hyper["beta2"]),
                eps=hyper["eps"],
                weight_decay=hyper["weight_decay"],
                foreach=False,
            )
            send({"type": "ready"})
        elif kind == "step":
            with torch.no_grad():
                params.copy_(torch.tensor(message["params"], dtype=torch.float64))
            params.grad = torch.tensor(message["grad"], dtype=torch.float64)
            optimizer.step()
            send({"params": params.detach().tolist()})
        elif kind == "end":
            # The run is over; the next init (if any) starts a fresh one. The loop ends when stdin closes.
            params = None
            optimizer = None


if __name__ == "__main__":
    main()
