#!/usr/bin/env bash
# Runs the NUnit suite (already built), then the SIMD kernel tests again with hardware intrinsics off, then the C#
# plug-in example's tests, and prints
# "N passed, N failed" from dotnet test's summary lines. Fails when a test fails or when no test ran at all
# (dotnet test would exit 0 then). A test hanging for 5 minutes fails the run instead of stalling CI.
set -uo pipefail
configuration="${1:-Release}"
cd "$(dirname "$0")/.."
project=tests/DescentLab.Tests/DescentLab.Tests.csproj
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test "$project" -c "$configuration" --no-build -nologo --blame-hang-timeout 5m 2>&1 | tee "$log"
main_status=${PIPESTATUS[0]}
DOTNET_EnableHWIntrinsic=0 dotnet test "$project" -c "$configuration" --no-build -nologo \
  --filter "Category=Kernels" 2>&1 | tee -a "$log"
scalar_status=${PIPESTATUS[0]}
# The C# plug-in example carries its own first-updates tests.
dotnet test examples/plugin-csharp/Lion.Tests/Lion.Tests.csproj -c "$configuration" --no-build -nologo 2>&1 | tee -a "$log"
example_status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0; summaries=0
while read -r line; do
  p=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$line"); f=$(sed -nE 's/.*Failed: *([0-9]+),.*/\1/p' <<<"$line")
  s=$(sed -nE 's/.*Skipped: *([0-9]+).*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0})); summaries=$((summaries + 1))
done < <(grep -E '^(Passed|Failed)! +- ' "$log")

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$summaries" -lt 3 ] || [ "$passed" -eq 0 ]; then
  echo "error: a test run printed no summary or ran no test" >&2
  exit 1
fi
if [ "$main_status" -ne 0 ] || [ "$scalar_status" -ne 0 ] || [ "$example_status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
