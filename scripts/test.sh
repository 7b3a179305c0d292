#!/usr/bin/env bash
# Runs the NUnit suite (already built) and, beside it in the background, the SIMD kernel tests again with hardware
# intrinsics off and the C# plug-in example's tests (two small runs whose start-up would otherwise add to the wall time),
# and prints "N passed, N failed" from dotnet test's summary lines. Fails when a test fails or when no test ran at all
# (dotnet test would exit 0 then). A test hanging for 5 minutes fails the run instead of stalling CI.
# dotnet test prints nothing between its first line and its summary, so while a part runs a ticker prints the count of
# finished tests every 30 s (counted from the per-test lines of the normal-verbosity log, which stay out of the console).
set -uo pipefail
configuration="${1:-Release}"
cd "$(dirname "$0")/.."
project=tests/DescentLab.Tests/DescentLab.Tests.csproj
log=$(mktemp)
side=$(mktemp -d)
trap 'rm -rf "$log" "$side"' EXIT

# run_tests LABEL ARGS...: dotnet test ARGS, its output appended to $log; the console gets everything but the lines of
# passed tests, plus "LABEL: N tests finished (Ms)" every 30 s. Returns dotnet test's exit code.
run_tests() {
  local label=$1; shift
  local part start ticker status
  part=$(mktemp); start=$SECONDS
  (while sleep 30; do
     echo "${label}: $(grep -cE '^ +(Passed|Failed|Skipped) ' "$part") tests finished ($((SECONDS - start)) s)"
   done) &
  ticker=$!
  dotnet test "$@" --logger "console;verbosity=normal" 2>&1 | tee -a "$part" | grep --line-buffered -vE '^ +Passed '
  status=${PIPESTATUS[0]}
  kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null
  cat "$part" >> "$log"; rm -f "$part"
  return "$status"
}

# The two small runs print (and add to $log) when the main one has finished, so their lines do not mix with its own.
(log="$side/scalar.log"
 DOTNET_EnableHWIntrinsic=0 run_tests "kernel tests without SIMD" "$project" -c "$configuration" --no-build -nologo \
   --filter "Category=Kernels" > "$side/scalar.out"
 echo $? > "$side/scalar.status") &
scalar=$!
# The C# plug-in example carries its own first-updates tests.
(log="$side/example.log"
 run_tests "plug-in example tests" examples/plugin-csharp/Lion.Tests/Lion.Tests.csproj -c "$configuration" --no-build \
   -nologo > "$side/example.out"
 echo $? > "$side/example.status") &
example=$!
run_tests "tests" "$project" -c "$configuration" --no-build -nologo --blame-hang-timeout 5m
main_status=$?
wait "$scalar" "$example"
cat "$side/scalar.out" "$side/example.out"
cat "$side/scalar.log" "$side/example.log" >> "$log" 2>/dev/null
scalar_status=$(cat "$side/scalar.status" 2>/dev/null || echo 1)
example_status=$(cat "$side/example.status" 2>/dev/null || echo 1)

# At normal verbosity each run ends with a block: "Total tests: N", then "Passed: N", "Failed: N", "Skipped: N" (the
# lines of zero counts may be left out).
count() { awk -v key="$1" '$0 ~ "^ *" key ": +[0-9]+ *$" { n += $NF } END { print n + 0 }' "$log"; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
summaries=$(grep -cE '^Total tests: +[0-9]+' "$log")

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$summaries" -lt 3 ] || [ "$passed" -eq 0 ]; then
  echo "error: a test run printed no summary or ran no test" >&2
  exit 1
fi
if [ "$main_status" -ne 0 ] || [ "$scalar_status" -ne 0 ] || [ "$example_status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
