#!/usr/bin/env bash
# Set up a Debian 12 (bookworm) machine to build and test libqaward, then build it.
#   bash scripts/setup.sh
# Installs the Debian packages (apt-get, non-interactive; sudo when not root),
# the pinned npm dependencies of bindings/node and bench/peers (when they have a
# package-lock.json; a missing network only warns), configures `build` and builds.
# Set QAWARD_SKIP_APT=1 to skip the package step.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '\n==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }

PACKAGES=(
  build-essential gcc g++ clang libclang-rt-14-dev
  meson ninja-build pkg-config
  libcmocka-dev libsqlite3-dev sqlite3
  doxygen valgrind gcovr
  python3 python3-cffi python3-pytest python3-hypothesis python3-jsonschema
  python3-setuptools python3-pip python3-venv
  git ca-certificates binutils jq
)

if [ "${QAWARD_SKIP_APT:-0}" != 1 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
        warn "not root and no sudo: cannot install packages; continuing with what is installed"
        SUDO=(false)
      fi
    fi
    # Debian's Node 18 is enough; keep a Node that is already installed.
    if ! command -v node >/dev/null 2>&1; then
      PACKAGES+=(nodejs)
      command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)
    fi
    missing=()
    for p in "${PACKAGES[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
      log "Debian packages: all present"
    elif [ "${SUDO[*]}" = false ]; then
      warn "missing packages (not installed): ${missing[*]}"
    else
      log "apt-get install ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      "${SUDO[@]}" apt-get update -q
      "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
  else
    warn "apt-get not found: install the packages listed in scripts/setup.sh by hand"
  fi
fi

# Pinned npm dependencies (koffi for the Node binding, peers for the benchmark).
for d in bindings/node bench/peers; do
  if [ -f "$d/package-lock.json" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      warn "$d: npm not found; skipping npm ci (its tests will skip)"
    elif [ -d "$d/node_modules" ] && [ "$d/node_modules/.package-lock.json" -nt "$d/package-lock.json" ]; then
      log "$d: node_modules up to date"
    else
      log "npm ci in $d"
      # npm ci installs exactly the lockfile. Should it ever refuse (a lockfile
      # out of step with package.json), fall back to the exact versions pinned
      # in package.json without touching the lockfile.
      if ! (cd "$d" && npm ci --no-audit --no-fund --loglevel=error) &&
         ! (cd "$d" && npm install --no-save --no-audit --no-fund --loglevel=error); then
        warn "$d: npm install failed (no network?); its tests will skip"
      fi
    fi
  fi
done

log "meson setup build"
if [ -f build/meson-private/coredata.dat ]; then
  meson setup --reconfigure build --wrap-mode=nodownload >/dev/null \
    || meson setup --wipe build --wrap-mode=nodownload
else
  meson setup build --wrap-mode=nodownload
fi
log "ninja -C build"
ninja -C build
log "setup done: build/tools/qaward $(build/tools/qaward --version 2>/dev/null | sed 's/^qaward //')"
