#!/usr/bin/env python3
"""Independent reference for the first two updates of every update rule (README, "Datasets, models and variants"), used to make the literals
of FirstUpdatesTests.cs.

Data: x = [1, 2, 3], y = [1.2, 2.5, 3.5]; origin starts at w = 0.1, affine at (w, b) = (0.1, 0.0) (the models'
init). Loss: mean squared error; its mean gradient over a batch is 2 * sum(r * x) / m (and 2 * sum(r) / m for b)
with r = w*x (+ b) - y, summed in data order. The adaptive rules are transcribed from torch.optim's single-tensor
code paths as torch 2.x has them (torch/optim/sgd.py, adagrad.py, rmsprop.py, adam.py; torch itself is not installed
here, so no torch binary was run; Debian's torch 1.13 fuses multiply-adds that 2.x does not), operation by
operation, in double precision:
  SGD momentum:  buf = g (first step) else buf*mu + g;  nesterov: d = g + mu*buf else d = buf;  p += -lr*d
  Adagrad:       sum += g*g;  std = sqrt(sum) + eps;  p += (-lr * g) / std            (addcdiv_)
  RMSprop:       v = v*alpha + (1-alpha)*g*g;  avg = sqrt(v) + eps;  p += (-lr * g) / avg
  Adam:          m = lerp(m, g, 1-beta1);  v = v*beta2 + (1-beta2)*g*g;
                 denom = sqrt(v) / sqrt(1 - beta2**t) + eps;  p += (-(lr / (1 - beta1**t)) * m) / denom
                 (torch's lerp: weight < 0.5 ? m + w*(g-m) : g - (g-m)*(1-w))
Each rule uses the defaults of DescentLab's catalog (the torch defaults), except where noted in RULES.

How the literals were made: `python3 ReferenceUpdates.py` (Python 3.11), output pasted into FirstUpdatesTests.cs.
"""
import math

X = [1.0, 2.0, 3.0]
Y = [1.2, 2.5, 3.5]


def residuals(theta, xs, ys):
    if len(theta) == 1:
        return [theta[0] * x - y for x, y in zip(xs, ys)]
    return [theta[0] * x + theta[1] - y for x, y in zip(xs, ys)]


def loss_grad(theta, xs, ys):
    m = len(xs)
    r = residuals(theta, xs, ys)
    sq = 0.0
    rx = 0.0
    rs = 0.0
    for ri, xi in zip(r, xs):
        sq += ri * ri
        rx += ri * xi
        rs += ri
    g = [2.0 * rx / m] if len(theta) == 1 else [2.0 * rx / m, 2.0 * rs / m]
    return sq / m, g


def sign(v):
    return 0.0 if v == 0 else math.copysign(1.0, v)


class Plain:
    def __init__(self, lr):
        self.lr = lr

    def step(self, p, g, loss, probe):
        return [pi - self.lr * gi for pi, gi in zip(p, g)]


class Fixed:
    def __init__(self, step):
        self.s = step

    def step(self, p, g, loss, probe):
        return [pi - self.s * sign(gi) for pi, gi in zip(p, g)]


class Momentum:
    def __init__(self, lr, mu, nesterov):
        self.lr, self.mu, self.nesterov, self.buf = lr, mu, nesterov, None

    def step(self, p, g, loss, probe):
        if self.buf is None:
            self.buf = list(g)
        else:
            self.buf = [b * self.mu + gi for b, gi in zip(self.buf, g)]
        d = [gi + self.mu * b for gi, b in zip(g, self.buf)] if self.nesterov else self.buf
        return [pi + (-self.lr) * di for pi, di in zip(p, d)]


class Adagrad:
    def __init__(self, lr=0.01, eps=1e-10):
        self.lr, self.eps, self.sum = lr, eps, None

    def step(self, p, g, loss, probe):
        self.sum = [s + gi * gi for s, gi in zip(self.sum or [0.0] * len(g), g)]
        return [pi + (-self.lr * gi) / (math.sqrt(s) + self.eps) for pi, gi, s in zip(p, g, self.sum)]


class Rmsprop:
    def __init__(self, lr=0.01, alpha=0.99, eps=1e-8):
        self.lr, self.alpha, self.eps, self.v = lr, alpha, eps, None

    def step(self, p, g, loss, probe):
        self.v = [v * self.alpha + (1 - self.alpha) * gi * gi for v, gi in zip(self.v or [0.0] * len(g), g)]
        return [pi + (-self.lr * gi) / (math.sqrt(v) + self.eps) for pi, gi, v in zip(p, g, self.v)]


def lerp(a, b, w):
    return a + w * (b - a) if abs(w) < 0.5 else b - (b - a) * (1 - w)


class Adam:
    def __init__(self, lr=0.001, b1=0.9, b2=0.999, eps=1e-8):
        self.lr, self.b1, self.b2, self.eps, self.m, self.v, self.t = lr, b1, b2, eps, None, None, 0

    def step(self, p, g, loss, probe):
        self.t += 1
        self.m = [lerp(m, gi, 1 - self.b1) for m, gi in zip(self.m or [0.0] * len(g), g)]
        self.v = [v * self.b2 + (1 - self.b2) * gi * gi for v, gi in zip(self.v or [0.0] * len(g), g)]
        step_size = self.lr / (1 - self.b1 ** self.t)
        c2 = math.sqrt(1 - self.b2 ** self.t)
        return [pi + (-step_size * m) / (math.sqrt(v) / c2 + self.eps) for pi, m, v in zip(p, self.m, self.v)]


class LineSearch:
    def __init__(self, lr=1.0):
        self.t0 = lr

    def step(self, p, g, loss, probe):
        sq = 0.0
        for gi in g:
            sq += gi * gi
        t = self.t0
        for _ in range(61):
            trial = [pi - t * gi for pi, gi in zip(p, g)]
            if probe(trial) <= loss - 1e-4 * t * sq:
                return trial
            t *= 0.5
        return p


def run(rule, theta, batch, xs=X, ys=Y, updates=2):
    """The first `updates` parameter vectors, batches taken in data order (the last one may be short)."""
    out = []
    start = 0
    while len(out) < updates:
        bx, by = xs[start:start + batch], ys[start:start + batch]
        loss, g = loss_grad(theta, bx, by)
        theta = rule.step(theta, g, loss, lambda t: loss_grad(t, bx, by)[0])
        out.append(theta)
        start = (start + batch) % len(xs)
    return out


# name, rule factory, batch (3 = all samples). Defaults are the catalog's; sgd/rosenblatt/minibatch/batch use lr 0.1.
RULES = [
    ("batch", lambda: Plain(0.1), 3),
    ("sgd", lambda: Plain(0.1), 1),
    ("minibatch", lambda: Plain(0.1), 2),
    ("fixed_step", lambda: Fixed(0.01), 3),
    ("rosenblatt", lambda: Plain(0.5 * 0.1), 1),  # theta += lr*(y - yhat)*dyhat/dtheta = theta - (lr/2)*g
    ("momentum", lambda: Momentum(0.1, 0.9, False), 3),
    ("nesterov", lambda: Momentum(0.1, 0.9, True), 3),
    ("adagrad", lambda: Adagrad(), 3),
    ("rmsprop", lambda: Rmsprop(), 3),
    ("adam", lambda: Adam(), 3),
    ("line_search", lambda: LineSearch(), 3),
]


def literal(values):
    return "[" + ", ".join(repr(v) for v in values) + "]"


def main():
    for name, make, batch in RULES:
        for model, theta in (("origin", [0.1]), ("affine", [0.1, 0.0])):
            first, second = run(make(), theta, batch)
            print(f'new("{name}", "{model}", {batch}, {literal(first)}, {literal(second)}),')
    # Rosenblatt's rule takes sign(0) = 0. With x = [1, 2, 3], y = [2, 1, 3] and (w, b) = (1, 0) the residuals are [-1, 1, 0]: the b
    # gradient is exactly 0, so the first fixed step moves w only.
    first, second = run(Fixed(0.25), [1.0, 0.0], 3, [1.0, 2.0, 3.0], [2.0, 1.0, 3.0])
    print(f"fixed_step sign(0): {literal(first)}, {literal(second)}")


if __name__ == "__main__":
    main()
