#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan + UBSan; only the core sources they need) and runs
# each for SECONDS (default 60), from a fresh temporary corpus seeded with the checked-in one
# (nothing is written into the repo). Fails on any crash, leak, timeout, out-of-memory, sanitizer
# report or violated property, and prints each harness's exec/s and coverage.
# Called by `./inlet.sh fuzz [SECONDS] [HARNESS...]`; see docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
build=build-fuzz
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

log "building the fuzz harnesses (clang++-16) in $build"
start=$(date +%s)
cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-16 >/dev/null
cmake --build "$build" -j"$(nproc)"
log "fuzz build took $(( $(date +%s) - start )) s"

harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  harnesses=($(sed -n 's/^set(fuzz_harnesses \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt))
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Symbolized stack traces (llvm-16).
export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-/usr/bin/llvm-symbolizer-16}"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export QT_LOGGING_RULES="*.debug=false"
failed=()
summary=()
for h in "${harnesses[@]}"; do
  corpus="$work/$h" artifacts="$work/$h-artifacts/"
  mkdir -p "$corpus" "$artifacts"
  log "fuzzing $h for $seconds s"
  # New inputs go to the first directory only; the checked-in ones are read.
  rc=0
  "$build/fuzz_$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$corpus" "tests/fuzz/corpus/$h" "tests/fuzz/regressions/$h" \
    >"$work/$h.log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$h.log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/$h.log")
  cov=$(grep -o "cov: [0-9]* ft: [0-9]*" "$work/$h.log" | tail -1 || true)
  units=$(find "$corpus" -type f | wc -l)
  summary+=("$(printf '%-18s %10s execs %7s exec/s  %-22s %5s new units' "$h" "${execs:-?}" \
    "${rate:-?}" "${cov:-cov: ?}" "$units")")
  if [ "$rc" -ne 0 ]; then
    failed+=("$h")
    grep -v '^#' "$work/$h.log" | tail -60 >&2
    for a in "$artifacts"*; do
      [ -f "$a" ] || continue
      mkdir -p "$build/findings/$h"
      cp "$a" "$build/findings/$h/"
      log "$h: finding kept as $build/findings/$h/$(basename "$a")"
    done
  fi
done
log "fuzzing summary ($seconds s each, $(nproc) cores)"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -ne 0 ]; then
  log "FAILED: ${failed[*]}. Fix the bug, then add the finding under tests/fuzz/regressions/<harness>/ (docs/fuzzing.md)."
  exit 1
fi
