# DescentLab: `make run` runs the default (nightly) config, `make test` builds everything and runs the tests.
DOTNET ?= dotnet
CONFIG ?= configs/nightly.yaml
ARGS ?=
BUILD_CONFIGURATION ?= Release
DESCENTLAB = $(DOTNET) src/DescentLab.Host/bin/$(BUILD_CONFIGURATION)/net10.0/descentlab.dll

export DOTNET_CLI_TELEMETRY_OPTOUT = 1
export DOTNET_NOLOGO = 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE = 1

.PHONY: all build test run validate bench format format-check clean

all: build

# The whole solution: `dotnet test` alone skips projects no test references (stack.md pitfall 4).
build:
	$(DOTNET) build DescentLab.sln -c $(BUILD_CONFIGURATION) -nologo -v q

test: build
	scripts/ensure-test-tools.sh
	scripts/test.sh $(BUILD_CONFIGURATION)

run: build
	$(DESCENTLAB) run $(CONFIG) $(ARGS)

validate: build
	$(DESCENTLAB) validate configs/*.yaml configs/*.json configs/lessons/*.yaml

# Style (.editorconfig: Allman braces, naming, whitespace) as CI checks it; `make format` fixes what it can.
format:
	$(DOTNET) format DescentLab.sln

format-check:
	$(DOTNET) format DescentLab.sln --verify-no-changes --no-restore

bench:
	$(DOTNET) run -c Release --project tests/DescentLab.Benchmarks -- --filter '*' $(ARGS)

clean:
	$(DOTNET) clean DescentLab.sln -nologo -v q
	rm -rf BenchmarkDotNet.Artifacts
