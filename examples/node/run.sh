#!/bin/sh
# Run one Node example; exit 77 (meson: skipped) without node or koffi.
NODE=$(command -v node || command -v nodejs) || { echo "node not found: skipping"; exit 77; }
[ -d "$(dirname "$0")/../../bindings/node/node_modules/koffi" ] || { echo "koffi not installed (npm ci in bindings/node): skipping"; exit 77; }
exec "$NODE" "$@"
