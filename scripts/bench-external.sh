#!/usr/bin/env bash
# Throughput of the external-process protocol with the shipped Python example (examples/plugin-python/adam.py):
# one run of 100 epochs of sgd-sized steps (batch 1, n = 500: 50,000 round trips), three times. Prints steps, wall
# time per run (process start and python3's start-up included) and steps per second. Usage: scripts/bench-external.sh
# It runs the Release build of the tool (what `make build` makes) and builds it first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
dll=src/DescentLab.Host/bin/Release/net10.0/descentlab.dll
if [ ! -f "$dll" ]; then
  echo "bench-external: $dll is missing; building it (make build)" >&2
  make build
fi
descentlab="dotnet $dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/plugin-python/adam.py "$work/"
cat > "$work/bench.yaml" <<'YAML'
name: bench-external
seeds: [1]
datasets:
  - recipe: beans1
    n: 500
models: [affine]
variants:
  - external: { command: [python3, adam.py], lr: 0.001, batch: 1 }
stop: { max_epochs: 100 }
YAML
for i in 1 2 3; do
  $descentlab run "$work/bench.yaml" --out "$work/out$i" --parallel 1 > /dev/null 2>&1
  awk -F, 'NR == 1 { for (c = 1; c <= NF; c++) { if ($c == "steps") s = c; if ($c == "wall_ms") w = c } }
           NR == 2 { printf "run %d: %d steps in %.0f ms: %.0f steps/s\n", '"$i"', $s, $w, $s / ($w / 1000) }' "$work/out$i/summary.csv"
done
