#!/bin/sh
# Runs one libFuzzer target briefly under ASan/UBSan, as a meson test:
#
#   run-fuzzer.sh FUZZER RUN_DIR SEED_DIR…
#
# New inputs go to RUN_DIR/corpus (the seed folders stay read-only); a crash leaves its
# reproducer in RUN_DIR and fails the test with its path. TARMAC_FUZZ_SECONDS (default
# 15) bounds the run; ../shared/samples, when present, adds seeds.
set -u

fuzzer=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
run_dir=$2
shift 2

mkdir -p "$run_dir/corpus"
seconds=${TARMAC_FUZZ_SECONDS:-15}

seeds=""
for dir in "$@"; do
  [ -d "$dir" ] && seeds="$seeds $dir"
done
if [ -n "${TARMAC_SAMPLES_DIR:-}" ] && [ -d "$TARMAC_SAMPLES_DIR" ]; then
  seeds="$seeds $TARMAC_SAMPLES_DIR"
fi

export ASAN_OPTIONS="intercept_tls_get_addr=0:detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
if [ -n "${TARMAC_LSAN_SUPP:-}" ]; then
  export LSAN_OPTIONS="suppressions=$TARMAC_LSAN_SUPP:print_suppressions=0:${LSAN_OPTIONS:-}"
fi
export G_SLICE=always-malloc

rm -f "$run_dir"/crash-* "$run_dir"/leak-* "$run_dir"/timeout-* "$run_dir"/oom-*

# shellcheck disable=SC2086
"$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$run_dir/" "$run_dir/corpus" $seeds \
  >"$run_dir/log" 2>&1
status=$?
# The start (seeds, coverage) and the end (stats, or the sanitizer's report).
head -n 20 "$run_dir/log"
echo "…"
tail -n 80 "$run_dir/log"

for artifact in "$run_dir"/crash-* "$run_dir"/leak-* "$run_dir"/timeout-* "$run_dir"/oom-*; do
  if [ -e "$artifact" ]; then
    echo "FUZZ FAILURE: reproduce with: $fuzzer $artifact"
    status=1
  fi
done
exit $status
