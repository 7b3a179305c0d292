#!/usr/bin/env python3
"""Independent reference for the bean datasets (docs/recipes.md), used to make the golden literals of
RecipeGoldenTests.cs and RandomGoldenTests.cs.

It shares no code with the C# implementation: it was written from the recipes' text and from the published
definitions of SplitMix64 (Steele, Lea, Flood 2014) and xoshiro256** (Blackman, Vigna 2018). Before it prints
anything it checks itself against the published reference vectors of both generators:
  - SplitMix64 from seed 0: 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, 0xF88BB8A8724C81EC
  - SplitMix64 from seed 1234567: 6457827717110365317, 3203168211198807973, ... (Vigna's splitmix64.c example)
  - xoshiro256** from state {1, 2, 3, 4}: 11520, 0, 1509978240, 1215971899390074240, ... (the vector in the
    reference C implementation's test suites, e.g. Rust rand_xoshiro's `reference` test)

How the literals were made: `python3 ReferenceRecipes.py` (Python 3.11), output pasted into the C# tests. Python's repr of a
float is the shortest text that round-trips, like .NET's "R", so the literals are exact.
"""

import hashlib
import struct

MASK = (1 << 64) - 1


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


class Xoshiro:
    def __init__(self, state):
        self.s = list(state)

    @classmethod
    def seeded(cls, seed):
        sm = splitmix64(seed)
        return cls([next(sm) for _ in range(4)])

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        # The recipes' uniform draw: (next() >> 11) * 2^-53; exact in binary floating point.
        return (self.next() >> 11) * 2.0 ** -53


def check_published_vectors():
    sm = splitmix64(0)
    assert [next(sm) for _ in range(4)] == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, 0xF88BB8A8724C81EC]
    sm = splitmix64(1234567)
    assert [next(sm) for _ in range(5)] == [
        6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821]
    x = Xoshiro([1, 2, 3, 4])
    assert [x.next() for _ in range(10)] == [
        11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
        607988272756665600, 16172922978634559625, 8476171486693032832,
        10595114339597558777, 2904607092377533576]


def sorted_sizes(rng, n, scale):
    return sorted(scale * rng.uniform() for _ in range(n))


def beans1(n, seed):
    rng = Xoshiro.seeded(seed)
    x = sorted_sizes(rng, n, 1.0)
    return x, None, [1.2 * xi + rng.uniform() / 10 for xi in x]


def beans2(n, seed):
    rng = Xoshiro.seeded(seed)
    x = sorted_sizes(rng, n, 1.0)
    return x, None, [0.7 * xi + (0.5 - rng.uniform()) / 5 + 0.5 for xi in x]


def toxicity(xi, rng):
    return 0.7 * xi + (0.5 - rng.uniform()) / 50 + 0.5


def beans3(n, seed):
    rng = Xoshiro.seeded(seed)
    x = sorted_sizes(rng, n, 1.0)
    return x, None, [1.0 if toxicity(xi, rng) > 0.8 else 0.0 for xi in x]


def beans4(n, seed):
    rng = Xoshiro.seeded(seed)
    x = sorted_sizes(rng, n, 2.0)
    y = []
    for xi in x:
        t = toxicity(xi, rng)
        y.append(1.0 if 0.8 < t < 1.4 else 0.0)
    return x, None, y


def plane(rng, n):
    x1, x2 = [], []
    for _ in range(n):
        x1.append(2 * rng.uniform())
        x2.append(2 * rng.uniform())
    return x1, x2


def beans5(n, seed):
    rng = Xoshiro.seeded(seed)
    x1, x2 = plane(rng, n)
    return x1, x2, [1.0 if a - 0.5 * b - 0.1 > 0 else 0.0 for a, b in zip(x1, x2)]


def beans6(n, seed):
    rng = Xoshiro.seeded(seed)
    x1, x2 = plane(rng, n)
    return x1, x2, [1.0 if (a - 1) ** 2 + (b - 0.3) ** 2 < 0.5 else 0.0 for a, b in zip(x1, x2)]


RECIPES = [beans1, beans2, beans3, beans4, beans5, beans6]
FIRST_N = 5
HASH_N = 100
LARGE_N = 20000


def content_hash(x1, x2, y):
    """SHA-256 over the dimension byte, then the little-endian bytes of x1, x2 (2-D only) and y."""
    data = bytes([1 if x2 is None else 2]) + struct.pack(f"<{len(x1)}d", *x1)
    if x2 is not None:
        data += struct.pack(f"<{len(x2)}d", *x2)
    data += struct.pack(f"<{len(y)}d", *y)
    return hashlib.sha256(data).hexdigest()


def literal(values):
    return "[" + ", ".join(repr(v) for v in values) + "]"


def main():
    check_published_vectors()
    for seed in (0, 1, 42):
        sm = splitmix64(seed)
        print(f"SplitMix64 seed {seed}: " + ", ".join(f"0x{next(sm):016X}UL" for _ in range(4)))
        rng = Xoshiro.seeded(seed)
        print(f"xoshiro256** seed {seed}: " + ", ".join(f"0x{rng.next():016X}UL" for _ in range(4)))
        rng = Xoshiro.seeded(seed)
        print(f"uniform seed {seed}: " + literal(rng.uniform() for _ in range(3)))
    # The first five values of each column, generated with n = 5 (sorting makes them depend on n), and the
    # content hash of the whole dataset at n = 100, which pins every value and the sort.
    for recipe in RECIPES:
        for seed in (1, 42):
            x1, x2, y = recipe(FIRST_N, seed)
            row = [recipe.__name__, str(seed), literal(x1), literal(x2) if x2 else "null", literal(y)]
            row.append('"' + content_hash(*recipe(HASH_N, seed)) + '"')
            print(", ".join(row))
    # Sorted recipes large enough for the C# radix sort (4,096 samples and more): the content hash at n = 20,000, seed 7.
    for recipe in RECIPES[:4]:
        print(f'{recipe.__name__}: "{content_hash(*recipe(LARGE_N, 7))}"')


if __name__ == "__main__":
    main()
