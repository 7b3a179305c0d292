#!/usr/bin/env bash
# End-to-end figures, DescentLab and its Python peer side by side on this machine (not part of make test): whole cold
# processes, the commands of a comparison run in alternation, each figure with its median, min and max, peak memory
# (GNU time's maximum resident set) and the load average (uptime) around it.
# Usage: scripts/bench-e2e.sh [RUNS]   (default 5 repetitions; wall-time spread from hyperfine when installed)
#        SECTIONS="1 6" scripts/bench-e2e.sh 1   (only those sections; default all: 1 2 3 4 5 6 7)
# Needs /usr/bin/time, and numpy + matplotlib for the peer (Debian: python3-numpy python3-matplotlib; hyperfine optional).
# The installed tool (`make install`) is measured when `descentlab` is on PATH (or TOOL=/path/to/descentlab).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SECTIONS=${SECTIONS:-1 2 3 4 5 6 7}
DOTNET=${DOTNET:-dotnet}
PYTHON=${PYTHON:-python3}
# section N: whether section N was asked for.
section() { [[ " $SECTIONS " == *" $1 "* ]]; }

# The peer (section 1) and the numpy loop (section 3) need numpy and matplotlib.
if section 1 || section 3; then
  if ! "$PYTHON" -c 'import numpy, matplotlib' 2>/dev/null; then
    PYTHON=/usr/bin/python3
  fi
  "$PYTHON" -c 'import numpy, matplotlib' || { echo "numpy and matplotlib are needed: apt-get install -y python3-numpy python3-matplotlib" >&2; exit 2; }
fi

# The ReadyToRun build `make run` uses (Makefile target r2r; docs/scale.md, "Start-up").
make --no-print-directory r2r DOTNET="$DOTNET" >/dev/null
DL="$DOTNET artifacts/r2r/publish/DescentLab.Host/release_linux-x64/descentlab.dll"
TOOL=${TOOL:-$(command -v descentlab || true)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export DescentLab__ReportsDir="$WORK/reports"

echo "machine: $(nproc) cores; $(uptime) before the runs"

# stats NAME VALUES...: median, min and max of the values.
stats() {
  local name=$1; shift
  printf '%s\n' "$@" | sort -g | awk -v name="$name" '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%-44s median %10.1f  min %10.1f  max %10.1f  (n = %d)\n", name, m, v[1], v[NR], NR }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# whole NAME CMD: wall seconds (hyperfine if installed, else repeated runs) and peak RSS (MB; for the peer, of its largest
# process, as GNU time reports).
whole() {
  local name=$1 cmd=$2 walls=() rss=() i out
  if command -v hyperfine >/dev/null; then
    hyperfine --runs "$RUNS" --prepare "rm -rf $WORK/out" --export-json "$WORK/h.json" "$cmd" >/dev/null 2>&1
    mapfile -t walls < <("$PYTHON" -c "import json; [print(t) for t in json.load(open('$WORK/h.json'))['results'][0]['times']]")
    rm -rf "$WORK/out"
    /usr/bin/time -o "$WORK/time" -f '%e %M' bash -c "$cmd" >/dev/null 2>&1
    out=$(tail -1 "$WORK/time")
    rss+=("$(awk '{ print $2 / 1024 }' <<<"$out")")
  else
    for ((i = 0; i < RUNS; i++)); do
      rm -rf "$WORK/out"
      /usr/bin/time -o "$WORK/time" -f '%e %M' bash -c "$cmd" >/dev/null 2>&1
      out=$(tail -1 "$WORK/time")
      walls+=("$(awk '{ print $1 }' <<<"$out")")
      rss+=("$(awk '{ print $2 / 1024 }' <<<"$out")")
    done
  fi
  stats "$name: whole process (s)" "${walls[@]}"
  stats "$name: peak RSS (MB)" "${rss[@]}"
  LAST_MEDIAN=$(printf '%s\n' "${walls[@]}" | median)
}

# alternate NAME CMD [NAME CMD ...]: each command once per round, RUNS rounds, so a change of load hits all of them alike;
# then wall seconds and peak RSS (MB) of each. LAST_MEDIANS holds the wall medians in the order given.
alternate() {
  local -a names=() cmds=()
  local i j out
  while (($# > 0)); do names+=("$1"); cmds+=("$2"); shift 2; done
  for ((j = 0; j < ${#names[@]}; j++)); do : >"$WORK/wall$j"; : >"$WORK/rss$j"; done
  for ((i = 0; i < RUNS; i++)); do
    for ((j = 0; j < ${#names[@]}; j++)); do
      rm -rf "$WORK/out"
      /usr/bin/time -o "$WORK/time" -f '%e %M' bash -c "${cmds[j]}" >/dev/null 2>&1 || { echo "failed: ${cmds[j]}" >&2; exit 1; }
      out=$(tail -1 "$WORK/time")
      awk '{ print $1 }' <<<"$out" >>"$WORK/wall$j"
      awk '{ print $2 / 1024 }' <<<"$out" >>"$WORK/rss$j"
    done
  done
  LAST_MEDIANS=()
  for ((j = 0; j < ${#names[@]}; j++)); do
    mapfile -t walls <"$WORK/wall$j"
    mapfile -t rss <"$WORK/rss$j"
    stats "${names[j]}: whole process (s)" "${walls[@]}"
    stats "${names[j]}: peak RSS (MB)" "${rss[@]}"
    LAST_MEDIANS+=("$(printf '%s\n' "${walls[@]}" | median)")
  done
  echo "  $(uptime)"
}

# worker NAME CONFIG: one `serve` process (Parallel 2) runs CONFIG RUNS + 2 times, the first at start, each next one when
# the config is touched (the worker runs a config whose file changed) 3 s after the last finished (a worker idles between
# run sets; the runtime finishes compiling hot code then); then the time of each run set from the worker's own log (from
# "Running" to "Finished"): the first (cold), the second, and the rest (warm).
worker() {
  local name=$1 config=$2 dir="$WORK/worker-$1" sets=$((RUNS + 2)) k pid
  mkdir -p "$dir/configs"
  cp "$config" "$dir/configs/"
  DescentLab__ReportsDir="$dir/reports" $DL serve --DescentLab:ConfigDir="$dir/configs" --DescentLab:RunOnStart=true \
    --DescentLab:Schedule= --DescentLab:DebounceSeconds=0 --DescentLab:Parallel=2 >"$dir/serve.out" 2>&1 &
  pid=$!
  for ((k = 1; k <= sets; k++)); do
    ((k == 1)) || { sleep 3; touch "$dir/configs/$(basename "$config")"; }
    local waited=0
    until [[ $(cat "$dir"/reports/logs/*.clef 2>/dev/null | grep -cE '"@mt":"(Finished \{Config\}|\{Config\} failed)') -ge $k ]]; do
      kill -0 "$pid" 2>/dev/null || { echo "the worker stopped: $(tail -5 "$dir/serve.out")" >&2; exit 1; }
      ((waited++ < 1500)) || { kill -TERM "$pid"; echo "run set $k of $config did not finish within 300 s" >&2; exit 1; }
      sleep 0.2
    done
    if grep -q '"@mt":"{Config} failed' "$dir"/reports/logs/*.clef; then
      kill -TERM "$pid"
      echo "run set $k of $config failed in the worker: $(tail -3 "$dir/serve.out")" >&2
      exit 1
    fi
  done
  kill -TERM "$pid"
  wait "$pid" || true
  cat "$dir"/reports/logs/*.clef | "$PYTHON" -c '
import datetime, json, sys
start = None
for line in sys.stdin:
    event = json.loads(line)
    t = datetime.datetime.fromisoformat(event["@t"].replace("Z", "+00:00"))
    if event["@mt"].startswith("Running {Config}"):
        start = t
    elif event["@mt"].startswith("Finished {Config}"):
        if event.get("ExitCode") != 0:
            sys.exit("a run set failed: " + line)
        print(round((t - start).total_seconds() * 1000))' >"$dir/sets_ms" || { tail -3 "$dir/serve.out" >&2; exit 1; }
  mapfile -t sets_ms <"$dir/sets_ms"
  echo "$name in the worker: first run set ${sets_ms[0]} ms (cold), second ${sets_ms[1]} ms"
  stats "$name in the worker, run sets 3 to $sets (ms)" "${sets_ms[@]:2}"
}

# runms CONFIG: the "runs took N ms" of one DescentLab process (the runs alone), RUNS times.
runms() {
  local config=$1 values=() i
  for ((i = 0; i < RUNS; i++)); do
    rm -rf "$WORK/out"
    values+=("$(Serilog__MinimumLevel__Default=Debug $DL run "$config" --out "$WORK/out" --parallel 2 2>&1 | sed -n 's/.* runs took \([0-9]*\) ms.*/\1/p')")
  done
  printf '%s\n' "${values[@]}"
}

if section 1; then
echo
echo "== 1. the Python peer's job: bench/peer530.yaml (530 runs, 23+ plots), 2 workers each; the ReadyToRun build of"
echo "   make run, the installed tool (make install) and the numpy + matplotlib peer (bench/peer.py), in alternation"
if [[ -n "$TOOL" ]]; then
  alternate "DescentLab peer530 (make run's build)" "$DL run bench/peer530.yaml --out $WORK/out --parallel 2" \
    "DescentLab peer530 (installed tool $TOOL)" "$TOOL run bench/peer530.yaml --out $WORK/out --parallel 2" \
    "Python peer (bench/peer.py)" "$PYTHON bench/peer.py $WORK/out"
  dl=${LAST_MEDIANS[0]} tool=${LAST_MEDIANS[1]} py=${LAST_MEDIANS[2]}
  awk -v a="$py" -v b="$tool" 'BEGIN { printf "peer / installed tool (medians): %.1fx\n", a / b }'
else
  echo "(no installed tool: run make install, or set TOOL=)"
  alternate "DescentLab peer530 (make run's build)" "$DL run bench/peer530.yaml --out $WORK/out --parallel 2" \
    "Python peer (bench/peer.py)" "$PYTHON bench/peer.py $WORK/out"
  dl=${LAST_MEDIANS[0]} py=${LAST_MEDIANS[1]}
fi
awk -v a="$py" -v b="$dl" 'BEGIN { printf "peer / DescentLab (medians): %.1fx\n", a / b }'
fi

if section 2; then
echo
echo "== 2. n = 10^7, 50 epochs, one full-batch run (bench/big-n10000000.yaml); raw data 160 MB"
whole "DescentLab n=1e7" "$DL run bench/big-n10000000.yaml --out $WORK/out --parallel 2"
whole7=$LAST_MEDIAN
mapfile -t r7 < <(runms bench/big-n10000000.yaml)
stats "DescentLab n=1e7: the run (ms)" "${r7[@]}"
awk -v w="$whole7" -v r="$(printf '%s\n' "${r7[@]}" | median)" 'BEGIN { printf "whole process / run (medians): %.2fx\n", w * 1000 / r }'
fi

if section 3; then
echo
echo "== 3. n = 10^6, full batch, 200 epochs: the run vs the plain numpy loop (bench/numpy_loop.py)"
mapfile -t r6 < <(runms bench/big-n1000000.yaml)
stats "DescentLab n=1e6 200 epochs: the run (ms)" "${r6[@]}"
np6=()
for ((i = 0; i < RUNS; i++)); do np6+=("$("$PYTHON" bench/numpy_loop.py 1000000 200)"); done
stats "numpy loop n=1e6 200 epochs (ms)" "${np6[@]}"
awk -v a="$(printf '%s\n' "${np6[@]}" | median)" -v b="$(printf '%s\n' "${r6[@]}" | median)" 'BEGIN { printf "numpy / DescentLab run (medians): %.1fx\n", a / b }'
fi

if section 4; then
echo
echo "== 4. the default nightly (configs/nightly.yaml), whole process after a build; make run's build and the installed tool;"
echo "   and the floor of any run: one run with the same outputs (bench/one-run.yaml)"
if [[ -n "$TOOL" ]]; then
  alternate "DescentLab nightly (make run's build)" "$DL run configs/nightly.yaml --out $WORK/out" \
    "DescentLab nightly (installed tool)" "$TOOL run configs/nightly.yaml --out $WORK/out" \
    "DescentLab one run (make run's build)" "$DL run bench/one-run.yaml --out $WORK/out"
else
  alternate "DescentLab nightly (make run's build)" "$DL run configs/nightly.yaml --out $WORK/out" \
    "DescentLab one run (make run's build)" "$DL run bench/one-run.yaml --out $WORK/out"
fi
# One more of each, with --timings: where a cold process spends its time.
for config in configs/nightly.yaml bench/one-run.yaml; do
  rm -rf "$WORK/out"
  echo "  $config:"
  $DL run "$config" --out "$WORK/out" --timings 2>&1 >/dev/null | grep -v '^\[' | sed 's/^/  /'
done
fi

if section 5; then
echo
echo "== 5. a 20,000-run sweep (bench/sweep20000.yaml: sgd, 4,000 lr x 5 seeds, n = 100, 20 epochs), --parallel 2"
SWEEP_RUNS=${SWEEP_RUNS:-3}
RUNS=$SWEEP_RUNS whole "DescentLab sweep20000" "$DL run bench/sweep20000.yaml --out $WORK/out --parallel 2"
# One more run at Debug: where the time and the managed heap go (curves stream to disk during the runs).
rm -rf "$WORK/out"
Serilog__MinimumLevel__Default=Debug $DL run bench/sweep20000.yaml --out "$WORK/out" --parallel 2 2>&1 \
  | grep -E 'runs took|Exporter .* wrote' | sed 's/^\[[^]]*\] /  /'
echo "  report.md: $(wc -l <"$WORK/out/report.md") lines, $(wc -c <"$WORK/out/report.md") bytes, longest line $(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$WORK/out/report.md") chars; report.html $(wc -c <"$WORK/out/report.html") bytes"
for png in "$WORK"/out/plots/*.png; do
  "$PYTHON" -c "import struct, sys; b = open(sys.argv[1], 'rb').read(24); w, h = struct.unpack('>II', b[16:24]); print(f'  {sys.argv[1].rsplit(\"/\", 1)[1]}: {w} x {h} px')" "$png"
done
echo "  $(uptime)"
fi

if section 6; then
echo
echo "== 6. 100 runs of the shipped Python example (examples/plugin-python/adam.py), --parallel 2: protocol version 1"
echo "   (a process per run: the same script without \"runs\": \"many\") against version 2 (a process per worker), alternating"
cp examples/plugin-python/adam.py "$WORK/adam_v2.py"
grep -v '"runs": "many",' examples/plugin-python/adam.py >"$WORK/adam_v1.py"
for v in v1 v2; do
  cat >"$WORK/external-$v.yaml" <<YAML
name: external-$v
seeds: [$(seq -s, 1 50)]
datasets:
  - recipe: beans1
    n: 50
  - recipe: beans2
    n: 50
models: [affine]
variants:
  - external: { command: [python3, adam_$v.py], lr: 0.05, batch: 10, shuffle: true }
stop: { max_epochs: 40 }
YAML
done
cat >"$WORK/external-one.yaml" <<YAML
name: external-one
seeds: [1]
datasets:
  - recipe: beans1
    n: 50
models: [affine]
variants:
  - external: { command: [python3, adam_v2.py], lr: 0.05, batch: 10, shuffle: true }
stop: { max_epochs: 40 }
YAML
alternate "100 runs, version 1" "$DL run $WORK/external-v1.yaml --out $WORK/out --parallel 2" \
  "100 runs, version 2" "$DL run $WORK/external-v2.yaml --out $WORK/out --parallel 2" \
  "1 run (one start-up and its steps)" "$DL run $WORK/external-one.yaml --out $WORK/out --parallel 2"
awk -v a="${LAST_MEDIANS[0]}" -v b="${LAST_MEDIANS[1]}" 'BEGIN { printf "version 1 / version 2 (medians): %.1fx\n", a / b }'
fi

if section 7; then
echo
echo "== 7. the worker (descentlab serve): the default nightly, then the sweep of section 5, run set after run set in one"
echo "   process, each run set timed by the worker's log"
worker nightly configs/nightly.yaml
worker sweep20000 bench/sweep20000.yaml
echo "  $(uptime)"
fi
