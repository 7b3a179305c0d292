#!/usr/bin/env python3
"""The job a Python user would write instead of DescentLab for bench/peer530.yaml: numpy for the descent, matplotlib for
the plots, two worker processes, the same 530 runs (6 problems x 18 settings x 5 seeds, no closed_form for logistic),
100 epochs, a curve CSV per run, summary.csv, 23 PNG plots and report.md.

Usage: peer.py OUTDIR. The data follow the same recipes (SplitMix64-seeded xoshiro256**, U = (next() >> 11) * 2^-53), so
both sides train on the same beans. Only numpy and matplotlib are needed (Debian: python3-numpy python3-matplotlib).
"""

import csv
import os
import sys
from multiprocessing import Pool

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

MASK = (1 << 64) - 1
EPOCHS = 100
SEEDS = [1, 2, 3, 4, 5]
N = 100


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Rng:
    def __init__(self, seed):
        sm = splitmix64(seed)
        self.s = [next(sm) for _ in range(4)]

    def uniform(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return (result >> 11) * 2.0 ** -53


def beans(recipe, n, seed):
    rng = Rng(seed)
    scale = 2.0 if recipe == "beans4" else 1.0
    x = sorted(scale * rng.uniform() for _ in range(n))
    if recipe == "beans1":
        y = [1.2 * xi + rng.uniform() / 10 for xi in x]
    elif recipe == "beans2":
        y = [0.7 * xi + (0.5 - rng.uniform()) / 5 + 0.5 for xi in x]
    elif recipe == "beans3":
        y = [1.0 if 0.7 * xi + (0.5 - rng.uniform()) / 50 + 0.5 > 0.8 else 0.0 for xi in x]
    else:
        y = []
        for xi in x:
            t = 0.7 * xi + (0.5 - rng.uniform()) / 50 + 0.5
            y.append(1.0 if 0.8 < t < 1.4 else 0.0)
    return np.array(x), np.array(y)


# Models: theta is [w] (origin) or [w, b]; loss is the mean squared error of the prediction.
def predict(model, theta, x):
    if model == "origin":
        return theta[0] * x
    z = theta[0] * x + theta[1]
    return 1.0 / (1.0 + np.exp(-z)) if model == "logistic" else z


def loss_grad(model, theta, x, y):
    p = predict(model, theta, x)
    r = p - y
    loss = np.mean(r * r)
    d = 2.0 * r if model != "logistic" else 2.0 * r * p * (1.0 - p)
    g = np.array([np.mean(d * x)]) if model == "origin" else np.array([np.mean(d * x), np.mean(d)])
    return loss, g


def optimum(model, x, y):
    if model == "origin":
        w = np.sum(x * y) / np.sum(x * x)
        return np.array([w])
    if model == "affine":
        a = np.vstack([x, np.ones_like(x)]).T
        return np.linalg.lstsq(a, y, rcond=None)[0]
    theta = np.array([0.1, 0.0])
    for _ in range(3000):
        _, g = loss_grad(model, theta, x, y)
        theta = theta - 2.0 * g
    return theta


SETTINGS = (
    [("closed_form", {})]
    + [("batch", {"lr": lr}) for lr in (0.3, 0.1, 0.03)]
    + [("sgd", {"lr": lr}) for lr in (0.1, 0.03, 0.01)]
    + [("minibatch", {"lr": 0.1, "batch": 10}), ("fixed_step", {"step": 0.01}), ("rosenblatt", {"lr": 0.1}),
       ("momentum", {"lr": 0.05}), ("nesterov", {"lr": 0.05}), ("adagrad", {"lr": 0.5}), ("rmsprop", {"lr": 0.01})]
    + [("adam", {"lr": lr}) for lr in (0.1, 0.03, 0.01)]
    + [("line_search", {"lr": 1.0})]
)
PROBLEMS = [("beans1", "origin"), ("beans1", "affine"), ("beans2", "origin"), ("beans2", "affine"),
            ("beans3", "logistic"), ("beans4", "logistic")]


def train(job):
    recipe, model, seed, variant, hp = job
    x, y = beans(recipe, N, seed)
    opt = optimum(model, x, y)
    lstar = loss_grad(model, opt, x, y)[0]
    theta = np.array([0.1]) if model == "origin" else np.array([0.1, 0.0])
    n = len(x)
    batch = {"sgd": 1, "rosenblatt": 1, "minibatch": hp.get("batch", 10)}.get(variant, n)
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    t = 0
    rows = [(0, loss_grad(model, theta, x, y)[0], *theta)]
    if variant == "closed_form":
        theta = opt.copy()
        rows.append((1, loss_grad(model, theta, x, y)[0], *theta))
    else:
        for epoch in range(1, EPOCHS + 1):
            for start in range(0, n, batch):
                xb, yb = x[start:start + batch], y[start:start + batch]
                loss, g = loss_grad(model, theta, xb, yb)
                t += 1
                if variant in ("batch", "sgd", "minibatch"):
                    theta = theta - hp["lr"] * g
                elif variant == "rosenblatt":
                    theta = theta - 0.5 * hp["lr"] * g
                elif variant == "fixed_step":
                    theta = theta - hp["step"] * np.sign(g)
                elif variant in ("momentum", "nesterov"):
                    m = 0.9 * m + g if t > 1 else g.copy()
                    theta = theta - hp["lr"] * (g + 0.9 * m if variant == "nesterov" else m)
                elif variant == "adagrad":
                    v = v + g * g
                    theta = theta - hp["lr"] * g / (np.sqrt(v) + 1e-10)
                elif variant == "rmsprop":
                    v = 0.99 * v + 0.01 * g * g
                    theta = theta - hp["lr"] * g / (np.sqrt(v) + 1e-8)
                elif variant == "adam":
                    m = 0.9 * m + 0.1 * g
                    v = 0.999 * v + 0.001 * g * g
                    mhat = m / (1 - 0.9 ** t)
                    vhat = v / (1 - 0.999 ** t)
                    theta = theta - hp["lr"] * mhat / (np.sqrt(vhat) + 1e-8)
                elif variant == "line_search":
                    step = hp["lr"]
                    norm = float(np.dot(g, g))
                    for _ in range(60):
                        trial = theta - step * g
                        if loss_grad(model, trial, xb, yb)[0] <= loss - 1e-4 * step * norm:
                            theta = trial
                            break
                        step *= 0.5
            rows.append((epoch, loss_grad(model, theta, x, y)[0], *theta))
    curve = np.array(rows)
    return recipe, model, seed, variant, hp, curve, lstar, opt


def label(variant, hp):
    return variant + "".join(f" {k}={v}" for k, v in hp.items() if k != "batch")


def main(out):
    os.makedirs(os.path.join(out, "curves"), exist_ok=True)
    os.makedirs(os.path.join(out, "plots"), exist_ok=True)
    jobs = [(r, m, s, v, hp) for r, m in PROBLEMS for v, hp in SETTINGS for s in SEEDS
            if not (v == "closed_form" and m == "logistic")]
    with Pool(2) as pool:
        results = pool.map(train, jobs, chunksize=8)
    summary = []
    for recipe, model, seed, variant, hp, curve, lstar, opt in results:
        run_id = f"{recipe}_{model}_{label(variant, hp).replace(' ', '_')}_s{seed}"
        with open(os.path.join(out, "curves", run_id + ".csv"), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["epoch", "loss", "gap"] + [f"theta{j}" for j in range(curve.shape[1] - 2)])
            for row in curve:
                w.writerow([int(row[0]), repr(row[1]), repr(row[1] - lstar)] + [repr(t) for t in row[2:]])
        summary.append((run_id, recipe, model, seed, label(variant, hp), curve[-1, 1], curve[-1, 1] - lstar))
    with open(os.path.join(out, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["run_id", "dataset", "model", "seed", "setting", "final_loss", "final_gap"])
        w.writerows(summary)

    plots = 0
    for recipe, model in PROBLEMS:
        mine = [r for r in results if r[0] == recipe and r[1] == model]
        first = [r for r in mine if r[2] == 1]
        fig, ax = plt.subplots(figsize=(10, 5.6))
        for r in first:
            ax.semilogy(r[5][:, 0], np.maximum(r[5][:, 1] - r[6], 1e-16), label=label(r[3], r[4]))
        ax.set_title(f"Convergence: {recipe} {model}")
        ax.set_xlabel("epoch")
        ax.set_ylabel("loss gap")
        ax.legend(fontsize=6, ncol=3)
        fig.savefig(os.path.join(out, "plots", f"convergence-{recipe}-{model}.png"))
        plt.close(fig)
        x, y = beans(recipe, N, 1)
        fig, ax = plt.subplots(figsize=(10, 5.6))
        ax.scatter(x, y, s=8, c="gray")
        grid = np.linspace(x.min(), x.max(), 200)
        for r in first:
            ax.plot(grid, predict(model, r[5][-1, 2:], grid), label=label(r[3], r[4]))
        ax.set_title(f"Fitted models: {recipe} {model}")
        ax.legend(fontsize=6, ncol=3)
        fig.savefig(os.path.join(out, "plots", f"fit-{recipe}-{model}.png"))
        plt.close(fig)
        fig, ax = plt.subplots(figsize=(10, 5.6))
        for r in first:
            p = r[5][:, 2:]
            ax.plot(p[:, 0], p[:, 1] if p.shape[1] > 1 else r[5][:, 1], label=label(r[3], r[4]))
        ax.set_title(f"Parameter paths: {recipe} {model}")
        ax.legend(fontsize=6, ncol=3)
        fig.savefig(os.path.join(out, "plots", f"paths-{recipe}-{model}.png"))
        plt.close(fig)
        plots += 3
    for variant in ("batch", "sgd", "adam"):
        fig, ax = plt.subplots(figsize=(10, 5.6))
        for recipe, model in PROBLEMS:
            pts = sorted((r[4]["lr"], np.median([q[6] for q in summary if q[1] == recipe and q[2] == model
                                                  and q[4] == label(r[3], r[4])]))
                         for r in results if r[0] == recipe and r[1] == model and r[3] == variant and r[2] == 1)
            ax.loglog([p[0] for p in pts], [max(p[1], 1e-16) for p in pts], marker="o", label=f"{recipe} {model}")
        ax.set_title(f"Learning rate: {variant}")
        ax.legend(fontsize=7)
        fig.savefig(os.path.join(out, "plots", f"lr-{variant}.png"))
        plt.close(fig)
        plots += 1
    gaps = {}
    for q in summary:
        gaps.setdefault(q[4], []).append(max(q[6], 1e-16))
    fig, ax = plt.subplots(figsize=(10, 5.6))
    for name, values in gaps.items():
        ax.step(np.sort(values), np.arange(1, len(values) + 1) / len(values), label=name)
    ax.set_xscale("log")
    ax.set_title("Performance profile")
    ax.legend(fontsize=6, ncol=3)
    fig.savefig(os.path.join(out, "plots", "profile.png"))
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(10, 5.6))
    names = list(gaps)
    ax.barh(names, [np.median(gaps[k]) for k in names])
    ax.set_xscale("log")
    ax.set_title("Median final gap per setting")
    fig.savefig(os.path.join(out, "plots", "medians.png"))
    plt.close(fig)
    plots += 2
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write(f"# peer530\n\n{len(results)} runs, {plots} plots\n\n| setting | median final gap |\n|---|---:|\n")
        for k in names:
            f.write(f"| {k} | {np.median(gaps[k]):.3g} |\n")
        for png in sorted(os.listdir(os.path.join(out, "plots"))):
            f.write(f"\n![{png}](plots/{png})\n")
    print(f"{len(results)} runs, {plots} plots in {out}")


if __name__ == "__main__":
    main(sys.argv[1])
