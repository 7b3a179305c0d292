#!/bin/bash
# Submits a DescentLab run set as a Slurm job array of N shards plus a merge job that waits for all of them.
# Usage: deploy/slurm/submit.sh CONFIG OUT_DIR [N]   (prints the merge job's id)
# OUT_DIR receives shard-1 .. shard-N and merged; make it REPORTS/runs/yyyyMMdd-HHmmss so that `prune` (run by the merge
# job) keeps it as one run set and removes it whole once stale and unmerged.
# Environment: DESCENTLAB (command, default `descentlab`), DescentLab__ReportsDir (history.db, logs and the folder
# pruned), DescentLab__Retention__* (default KeepLast 30), SBATCH_PARTITION and the other SBATCH_* variables sbatch reads.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 CONFIG OUT_DIR [N]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
config=$(realpath "$1")
out=$(realpath -m "$2")
n=${3:-3}
mkdir -p "$out"
export DESCENTLAB_CONFIG="$config" DESCENTLAB_OUT="$out" DESCENTLAB_SHARDS="$n"
array=$(sbatch --parsable --chdir="$out" --array="1-$n" --export=ALL "$here/descentlab-shard.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --chdir="$out" --dependency="afterany:$array" --export=ALL "$here/descentlab-merge.sbatch")
echo "${merge%%;*}"
