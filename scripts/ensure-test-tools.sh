#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Chromium (report.html is checked in a real browser) and the
# DejaVu fonts the plots use, python3 (the external-process example and protocol tests) with PyTorch (the torch example),
# and PostgreSQL's server binaries
# (initdb, pg_ctl: the history tests start a throwaway server; Debian keeps them in /usr/lib/postgresql/<major>/bin).
# Debian packages; needs root or sudo when something is missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# The PyTorch example (examples/plugin-torch) runs with the python3 that imports torch: Debian's, with python3-torch.
{ python3 -c 'import torch' || /usr/bin/python3 -c 'import torch'; } >/dev/null 2>&1 || missing+=(python3-torch)
command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing test tools: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "error: ${missing[*]} missing and no root or sudo to install them (apt-get install ${missing[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
