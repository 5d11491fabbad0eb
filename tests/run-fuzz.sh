#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds tests/fuzz-import.c with libFuzzer + ASan + UBSan in a temporary
# directory and runs it for a fixed number of inputs, seeded with the bill
# fixtures. Prints TAP. Usage: run-fuzz.sh SOURCE_ROOT BUILD_ROOT [RUNS]
set -u

src=${1:?source root}
build=${2:?build root (for config.h)}
runs=${3:-250000}

echo "1..1"
work=$(mktemp -d "${TMPDIR:-/tmp}/shore-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT

core="$src/src/core"
flags=$(pkg-config --cflags --libs gio-2.0 libgsf-1 libxml-2.0) || { echo "not ok 1 - fuzz-import: pkg-config failed"; exit 1; }

if ! clang-14 -g -O1 -std=c17 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
     -I"$build" -I"$core" \
     "$src/tests/fuzz-import.c" "$core/shore-import.c" "$core/shore-import-bills.c" \
     "$core/shore-import-csv.c" "$core/shore-import-xlsx.c" \
     "$core/shore-money.c" "$core/shore-scanner.c" "$core/shore-i18n.c" \
     $flags -lcsv -o "$work/fuzz-import" >"$work/build.log" 2>&1; then
  sed 's/^/# /' "$work/build.log"
  echo "not ok 1 - fuzz-import: build failed"
  exit 1
fi

# Seeds: every fixture, under each of the first-byte selectors.
mkdir -p "$work/corpus"
n=0
for f in "$src"/tests/data/import/*.csv "$src"/tests/data/import/*.xlsx; do
  for sel in 00 01 02 03 83; do
    { printf "\\x$sel"; cat "$f"; } >"$work/corpus/seed-$n"
    n=$((n + 1))
  done
done

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1
if (cd "$work" && ./fuzz-import -runs="$runs" -seed=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$work/" corpus >"$work/fuzz.log" 2>&1); then
  tail -n 3 "$work/fuzz.log" | sed 's/^/# /'
  echo "ok 1 - fuzz-import: $runs inputs without a crash, leak or hang"
else
  tail -n 60 "$work/fuzz.log" | sed 's/^/# /'
  for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
    [ -e "$a" ] && { echo "# artifact (base64): $(basename "$a")"; base64 -w0 "$a" | sed 's/^/# /'; echo; }
  done
  echo "not ok 1 - fuzz-import"
  exit 1
fi
