#!/usr/bin/env bash
# Install what the project needs on a fresh Debian 12 machine, and nothing
# that is already there: Debian's jupyter-server, jupyterlab-server, ipykernel,
# hatchling and pip (the server and the wheel build), Debian's Chromium (the
# UI tests), and the npm packages of package-lock.json (`npm ci`).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(python3-jupyter-server python3-jupyterlab-server python3-ipykernel
  python3-hatchling python3-pip chromium)
missing=()
for package in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm ci when node_modules is missing or older than the lock file.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
