#!/usr/bin/env bash
# Install the Debian packages the end-to-end tests drive (real calendar and feed clients, a
# browser) when they are missing. Idempotent; needs root (or sudo) and a package registry.
set -euo pipefail
want=(calcurse newsboat chromium sqlite3)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "tools/ensure-system-packages.sh: need root to install: ${missing[*]}" >&2; exit 1
  fi
fi
echo "installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
