#!/bin/sh
# meson test "peers-agree" (suite bench): a small agreement run of the peer
# benchmark (2,000 applicants, every engine must agree). Skips (77) when node or
# bench/peers/node_modules is missing (run `npm ci` in bench/peers), or when the
# build is instrumented (a sanitizer runtime cannot be loaded into node).
# usage: agree.sh LIBQAWARD_SO PEERS_C SANITIZED(0|1)
dir=$(dirname "$0")
if [ "$3" = 1 ]; then echo "sanitizer/fuzz build: peers-agree needs the normal build's library: skip"; exit 77; fi
command -v node >/dev/null 2>&1 || { echo "node not found: skip"; exit 77; }
for m in @gorules/zen-engine json-rules-engine koffi; do
  [ -d "$dir/node_modules/$m" ] || { echo "bench/peers/node_modules/$m missing (run: cd bench/peers && npm ci): skip"; exit 77; }
done
QAWARD_LIBRARY="$1" exec node "$dir/run.js" --n 2000 --agree-only --skip-slow --c-prog "$2"
