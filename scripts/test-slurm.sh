#!/bin/bash
# Integration test of the Slurm deployment (make test-slurm; not part of make test): starts a one-node Slurm cluster on
# localhost (munge + slurmctld + slurmd, all under a temporary folder), submits deploy/slurm/submit.sh with 3 shards of
# a config, and checks that the merged run set equals one process byte for byte (curves, data, summary.csv without
# wall_ms). Every daemon it starts is stopped on exit. Needs root and Debian's slurm-wlm and munge (installed if missing).
# Usage: scripts/test-slurm.sh [CONFIG] [BUILD_CONFIGURATION]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
config=$(realpath "${1:-$repo/configs/nightly.yaml}")
build=${2:-Release}
dll="$repo/src/DescentLab.Host/bin/$build/net10.0/descentlab.dll"
shards=3

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  echo "test-slurm: installing slurm-wlm and munge from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
[ -f "$dll" ] || { echo "test-slurm: $dll is missing; run make build first" >&2; exit 2; }

work=$(mktemp -d /tmp/descentlab-slurm.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP:-0}" = 1 ]; then echo "test-slurm: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# waits up to $1 seconds for the command in the remaining arguments to succeed
wait_for() {
  local seconds=$1; shift
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  return 1
}

# munge: a private key and socket, so a machine's own munge setup is neither needed nor touched.
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/reports"
chmod 711 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --foreground --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.sock" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" >"$work/munge/munged.out" 2>&1 &
pids+=($!)
wait_for 20 test -S "$work/munge/munge.sock" || { echo "test-slurm: munged did not start" >&2; cat "$work/munge/munged.log" >&2; exit 1; }

host=$(hostname -s)
cat > "$work/slurm.conf" <<CONF
ClusterName=descentlab-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.sock
SlurmctldPort=${SLURMCTLD_PORT:-16817}
SlurmdPort=${SLURMD_PORT:-16818}
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
MinJobAge=600
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -D -c -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/slurmd.out" 2>&1 &
pids+=($!)
idle() { sinfo -h -o %T | grep -q idle; }
wait_for 60 idle || { echo "test-slurm: the node never became idle" >&2; tail -20 "$work"/slurm*.log >&2; exit 1; }
echo "test-slurm: one-node cluster up ($(sinfo -V), node $host, $(nproc) CPUs)"

export DescentLab__ReportsDir="$work/reports"
export DESCENTLAB="dotnet $dll"
echo "test-slurm: one process: descentlab run $config"
$DESCENTLAB run "$config" --out "$work/single" --parallel 1 >/dev/null

merge_job=$("$repo/deploy/slurm/submit.sh" "$config" "$work/slurm" "$shards")
echo "test-slurm: submitted $shards shards and merge job $merge_job"
finished() { [ -z "$(squeue -h -j "$merge_job" 2>/dev/null)" ]; }
wait_for 600 finished || { echo "test-slurm: the jobs did not finish in 10 minutes" >&2; squeue >&2; exit 1; }
state=$(scontrol show job "$merge_job" | grep -o 'JobState=[A-Z]*' || true)
exit_code=$(scontrol show job "$merge_job" | grep -o ' ExitCode=[0-9:]*' || true)
echo "test-slurm: merge job $state$exit_code"
for k in $(seq 1 "$shards"); do
  [ -f "$work/slurm/shard-$k/manifest.json" ] || { echo "test-slurm: shard $k is incomplete" >&2; cat "$work/slurm"/*.out >&2; exit 1; }
done
[ -f "$work/slurm/merged/manifest.json" ] || { echo "test-slurm: no merged run set" >&2; cat "$work/slurm"/*.out >&2; exit 1; }

# summary.csv without the wall_ms column, the one value that may differ.
without_wall_ms() {
  awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "wall_ms") skip = i }
           { line = ""; for (i = 1; i <= NF; i++) if (i != skip) line = line (line == "" ? "" : OFS) $i; print line }' "$1"
}
cmp "$work/single/curves.csv" "$work/slurm/merged/curves.csv"
diff -r "$work/single/data" "$work/slurm/merged/data"
diff <(without_wall_ms "$work/single/summary.csv") <(without_wall_ms "$work/slurm/merged/summary.csv")
curves=$(cut -d, -f1 "$work/single/curves.csv" | tail -n +2 | uniq | wc -l)
rows=$(($(wc -l < "$work/single/summary.csv") - 1))
echo "test-slurm: PASS in ${SECONDS} s: $shards Slurm array shards merged into the same $rows runs and $curves curves (curves.csv) as one process, byte for byte (summary.csv without wall_ms)"
