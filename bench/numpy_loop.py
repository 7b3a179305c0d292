#!/usr/bin/env python3
"""The plain numpy loop a user would write for full-batch descent of origin on n samples (the reference of docs/benchmarks.md):
w -= lr*np.mean(2*x*x*w - 2*x*y); loss = np.mean((w*x - y)**2) per epoch. Prints the loop's time in ms (data creation
excluded). Usage: numpy_loop.py N EPOCHS."""

import sys
import time

import numpy as np

n, epochs = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(1)
x = np.sort(rng.random(n))
y = 1.2 * x + rng.random(n) / 10
w, lr = 0.1, 0.1
losses = np.empty(epochs)
start = time.perf_counter()
for epoch in range(epochs):
    w -= lr * np.mean(2 * x * x * w - 2 * x * y)
    losses[epoch] = np.mean((w * x - y) ** 2)
elapsed = (time.perf_counter() - start) * 1000
print(f"{elapsed:.1f}")
