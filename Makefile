# DescentLab: `make run` runs the default (nightly) config, `make test` builds everything and runs the tests.
DOTNET ?= dotnet
CONFIG ?= configs/nightly.yaml
ARGS ?=
BUILD_CONFIGURATION ?= Release
DESCENTLAB = $(DOTNET) src/DescentLab.Host/bin/$(BUILD_CONFIGURATION)/net10.0/descentlab.dll
# What `make run` and `make bench-e2e` run: a ReadyToRun build (precompiled, so start-up does not wait for the JIT; see
# docs/scale.md), in its own artifacts folder so it never invalidates the solution build.
R2R_DIR ?= artifacts/r2r
R2R_DLL = $(R2R_DIR)/publish/DescentLab.Host/release_linux-x64/descentlab.dll
DESCENTLAB_R2R = $(DOTNET) $(R2R_DLL)
# The build properties (ReadyToRun, framework-dependent) live in DescentLab.Host.csproj; every publish and the tool
# package take them from there, so `make run`, `make publish` and `make install` run the same precompiled build.
RID ?= linux-x64
# What the build reads: a second `make run` with nothing changed starts running at once instead of re-publishing.
SOURCES := $(shell find src -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.template' \) \
	-not -path '*/bin/*' -not -path '*/obj/*') Directory.Build.props Directory.Packages.props

export DOTNET_CLI_TELEMETRY_OPTOUT = 1
export DOTNET_NOLOGO = 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE = 1

.PHONY: all build r2r test run course validate bench bench-e2e format format-check clean pack install uninstall publish test-slurm check-deploy

# Packaging and deployment (README "Install and deploy"): a .NET tool from a local feed, and a ReadyToRun build for /opt.
PACKAGE_DIR ?= artifacts/packages
PUBLISH_DIR ?= artifacts/publish/$(RID)
TOOL_VERSION ?= 1.0.0
BINDIR ?= /usr/local/bin
TOOL_HOME = $(HOME)/.dotnet/tools

all: build

# The whole solution: `dotnet test` alone skips projects no test references, so build the solution first.
build:
	$(DOTNET) build DescentLab.sln -c $(BUILD_CONFIGURATION) -nologo -v q

test: build
	scripts/ensure-test-tools.sh
	scripts/test.sh $(BUILD_CONFIGURATION)

r2r: $(R2R_DLL)

# publish leaves an unchanged descentlab.dll with its old time, so the touch records that this build is current.
$(R2R_DLL): $(SOURCES)
	$(DOTNET) publish src/DescentLab.Host/DescentLab.Host.csproj -c Release -r $(RID) -nologo -v q --artifacts-path $(R2R_DIR)
	touch $@

run: $(R2R_DLL)
	$(DESCENTLAB_R2R) run $(CONFIG) $(ARGS)

# The course: every config of configs/lessons/ in order, then the course page reports/course/index.html linking the
# lessons' reports (docs/lessons.md, "The course page").
course: $(R2R_DLL)
	$(DESCENTLAB_R2R) run configs/lessons/ $(ARGS)

validate: build
	$(DESCENTLAB) validate configs/*.yaml configs/*.json configs/lessons/*.yaml

# Style (.editorconfig: Allman braces, naming, whitespace) as CI checks it; `make format` fixes what it can.
format:
	$(DOTNET) format DescentLab.sln

format-check:
	$(DOTNET) format DescentLab.sln --verify-no-changes --no-restore

bench:
	$(DOTNET) run -c Release --project tests/DescentLab.Benchmarks -- --filter '*' $(ARGS)

# End-to-end figures: DescentLab and the numpy + matplotlib peer side by side (docs/benchmarks.md).
bench-e2e:
	scripts/bench-e2e.sh $(RUNS)

clean:
	$(DOTNET) clean DescentLab.sln -nologo -v q
	rm -rf BenchmarkDotNet.Artifacts artifacts

# descentlab as a .NET tool in the local feed $(PACKAGE_DIR): the pointer package descentlab and the ReadyToRun
# descentlab.$(RID) it resolves to (docs/benchmarks.md, "The installed tool"). Its own artifacts folder, so packing
# never invalidates the solution build.
pack:
	$(DOTNET) pack src/DescentLab.Host/DescentLab.Host.csproj -c Release -nologo -v q -o $(PACKAGE_DIR) -p:Version=$(TOOL_VERSION) \
		--artifacts-path artifacts/pack

# Installs (or reinstalls) the tool for this user from the local feed; links it into $(BINDIR) when ~/.dotnet/tools is
# not on PATH. The cached copy of the same version is dropped first, so a reinstall takes the freshly packed bits.
install: pack
	-$(DOTNET) tool uninstall -g descentlab >/dev/null 2>&1
	rm -rf $(HOME)/.nuget/packages/descentlab/$(TOOL_VERSION) $(HOME)/.nuget/packages/descentlab.$(RID)/$(TOOL_VERSION)
	$(DOTNET) tool install -g descentlab --add-source $(PACKAGE_DIR) --version $(TOOL_VERSION)
	@if command -v descentlab >/dev/null 2>&1; then echo "descentlab is on PATH: $$(command -v descentlab)"; \
	elif [ -w $(BINDIR) ]; then ln -sf $(TOOL_HOME)/descentlab $(BINDIR)/descentlab && echo "linked $(BINDIR)/descentlab -> $(TOOL_HOME)/descentlab"; \
	else echo "add $(TOOL_HOME) to PATH: export PATH=\"\$$PATH:$(TOOL_HOME)\""; fi

uninstall:
	-$(DOTNET) tool uninstall -g descentlab
	@if [ -L $(BINDIR)/descentlab ]; then rm -f $(BINDIR)/descentlab; fi

# A framework-dependent ReadyToRun build for linux-x64 in $(PUBLISH_DIR); copy it to /opt/descentlab (docs/deployment.md).
publish:
	$(DOTNET) publish src/DescentLab.Host/DescentLab.Host.csproj -c Release -r $(RID) -nologo -v q -o $(PUBLISH_DIR)

# A real Slurm job array on a one-node localhost cluster: 3 shards + merge, byte-identical to one process. Not in `make test`.
test-slurm: build
	scripts/test-slurm.sh configs/nightly.yaml $(BUILD_CONFIGURATION)

# Static checks of deploy/: systemd units (systemd-analyze verify, where it exists) and the shell scripts' syntax.
check-deploy:
	scripts/check-deploy.sh
