#!/usr/bin/env python3
"""Adam as a DescentLab external optimizer: plain Python 3, no third-party packages.

The update follows torch.optim.Adam's single-tensor path operation by operation (lerp for the first moment,
addcmul for the second, addcdiv for the step), so its curves are bit-identical to the built-in `adam`.

Protocol (docs/plugins.md): one JSON object per line on stdin, one answer per line on stdout. It declares
"runs": "many" (protocol version 2): one process serves run after run (init ... end, each with fresh state) until stdin
closes, so the interpreter start and imports are paid once per worker, not once per run.
"""
import json
import math
import sys

DESCRIPTION = {
    "name": "py_adam",
    "description": "Adam in plain Python (torch.optim.Adam's order of operations)",
    "hyper": {
        "lr": {"default": 0.001, "min": 0},
        "beta1": {"default": 0.9, "min": 0, "max": 0.999999},
        "beta2": {"default": 0.999, "min": 0, "max": 0.999999},
        "eps": {"default": 1e-8, "min": 0},
    },
    "runs": "many",
}


def lerp(start, end, weight):
    """torch.lerp's formula: exact at both ends."""
    if abs(weight) < 0.5:
        return start + weight * (end - start)
    return end - (end - start) * (1 - weight)


class Adam:
    def __init__(self, params, hyper):
        self.lr = hyper["lr"]
        self.beta1 = hyper["beta1"]
        self.beta2 = hyper["beta2"]
        self.eps = hyper["eps"]
        self.m = [0.0] * len(params)
        self.v = [0.0] * len(params)
        self.t = 0

    def step(self, params, grad):
        self.t += 1
        step_size = self.lr / (1 - self.beta1 ** self.t)
        correction2_sqrt = math.sqrt(1 - self.beta2 ** self.t)
        out = []
        for j, (p, g) in enumerate(zip(params, grad)):
            m = lerp(self.m[j], g, 1 - self.beta1)
            v = self.v[j] * self.beta2 + (1 - self.beta2) * g * g
            self.m[j] = m
            self.v[j] = v
            out.append(p + -step_size * m / (math.sqrt(v) / correction2_sqrt + self.eps))
        return out


def send(message):
    sys.stdout.write(json.dumps(message, separators=(",", ":")))
    sys.stdout.write("\n")
    sys.stdout.flush()


def main():
    optimizer = None
    for line in sys.stdin:
        message = json.loads(line)
        kind = message["type"]
        if kind == "describe":
            send(DESCRIPTION)
        elif kind == "init":
            optimizer = Adam(message["params"], message["hyper"])
            send({"type": "ready"})
        elif kind == "step":
            send({"params": optimizer.step(message["params"], message["grad"])})
        elif kind == "end":
            # The run is over; the next init (if any) starts a fresh one. The loop ends when stdin closes.
            optimizer = None


if __name__ == "__main__":
    main()
