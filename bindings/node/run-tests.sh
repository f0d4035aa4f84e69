#!/bin/sh
# Run the Node binding's tests; exit 77 (meson: skipped) without node or koffi.
cd "$(dirname "$0")" || exit 1
NODE=$(command -v node || command -v nodejs) || { echo "node not found: skipping"; exit 77; }
[ -d node_modules/koffi ] || { echo "node_modules/koffi missing (run npm ci in bindings/node): skipping"; exit 77; }
exec "$NODE" --test test/
