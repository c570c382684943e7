#!/usr/bin/env bash
# Install what the project needs on a fresh Debian 12 machine, and nothing that
# is already there:
# - Debian's Chromium (the UI tests, the benchmark and the screenshots drive it);
# - .venv: a Python virtual environment of JupyterLab, Notebook 7, ipykernel and
#   the wheel's build tools from PyPI, at the exact pins of
#   requirements/jupyter.txt (made again whenever that file changes);
# - .venv-oldest: the oldest JupyterLab and Notebook 7 the extension supports,
#   at the pins of requirements/oldest.txt (the smoke tests run there);
# - .venv-lite: jupyterlite-core and its Pyodide kernel, at the pins of
#   requirements/lite.txt (the JupyterLite site is built there);
# - the npm packages of package-lock.json (`npm ci`, when the lock changes).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(chromium)
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

# make_venv DIR PINS: a virtual environment at DIR with exactly the packages of
# PINS, made again only when PINS changed since it was made.
make_venv() {
  local dir=$1 pins=$2 stamp="$1/.pins.sha256"
  local wanted
  wanted=$(sha256sum "$pins" | cut -d' ' -f1)
  if [ -x "$dir/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
    return
  fi
  echo "setup: $dir from $pins"
  rm -rf "$dir"
  "${PYTHON:-python3}" -m venv "$dir"
  # (This machine's pip config names index folders it may not have: pip
  # warns of each; those warnings are left out.)
  "$dir/bin/python" -m pip install --quiet --disable-pip-version-check \
    --no-warn-script-location --root-user-action=ignore -r "$pins" 2>&1 |
    { grep -v "^WARNING: Location '.*' is ignored" || true; }
  echo "$wanted" > "$stamp"
}
make_venv .venv requirements/jupyter.txt
make_venv .venv-oldest requirements/oldest.txt
make_venv .venv-lite requirements/lite.txt

# npm ci when node_modules is missing or older than the lock file.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "setup: npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
