#!/bin/bash
# Static checks of deploy/ (make check-deploy): systemd-analyze verify of the units where systemd-analyze exists, and
# bash -n of every shell script. The units name /usr/bin/dotnet; where dotnet lives elsewhere, a copy pointing at the
# local dotnet is verified instead. Any warning fails the check.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
status=0
for script in "$repo"/deploy/slurm/*.sh "$repo"/deploy/slurm/*.sbatch "$repo"/scripts/*.sh; do
  bash -n "$script" || status=1
done
if command -v systemd-analyze >/dev/null; then
  units=$(mktemp -d)
  trap 'rm -rf "$units"' EXIT
  dotnet_path=$(command -v dotnet || echo /usr/bin/dotnet)
  for unit in "$repo"/deploy/systemd/*; do
    sed "s|/usr/bin/dotnet|$dotnet_path|g" "$unit" > "$units/$(basename "$unit")"
  done
  if ! out=$(systemd-analyze verify "$units"/* 2>&1) || [ -n "$out" ]; then
    echo "$out" | sed "s|$units|deploy/systemd|g" >&2
    status=1
  else
    echo "systemd-analyze verify: $(ls "$units" | tr '\n' ' ')OK"
  fi
else
  echo "systemd-analyze not found: the systemd units were not verified" >&2
fi
exit $status
