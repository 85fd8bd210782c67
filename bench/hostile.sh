#!/usr/bin/env bash
# Latency of hostile input: SalesBot alone (no echo bot), one conversation and then 16, sending
# the same message over and over: a plain command, commands followed by text exactly at the
# 4,000-character cap (the most a turn accepts), and 24 KB of words (refused before any query).
# Prints one table per message; reports go to bench/out/hostile/<name>/. Asserts nothing.
#
#   bash bench/hostile.sh                   # levels 1,16; 2 s warm-up; 8 s measured
#   LEVELS=1 DURATION=5 bash bench/hostile.sh
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${BENCH_OUT:-$BENCH_DIR/out}/hostile"
# One round of run.sh per message, SalesBot alone, no visit levels, no pre-warm (as before the
# pre-warm existed, so these figures stay comparable with earlier ones), one publish for all.
export LEVELS="${LEVELS:-1,16}" DURATION="${DURATION:-8}" WARMUP="${WARMUP:-2}" SKIP_ECHO=1 RUNS=1 \
  PREWARM="${PREWARM:-0}" VISIT_LEVELS=""
if [ -z "${SALESBOT_DLL:-}" ]; then
  # shellcheck source=bench/publish.sh
  source "$BENCH_DIR/publish.sh"
  publish_deployed src/SalesBot/SalesBot.csproj "$OUT/publish"
  export SALESBOT_DLL="$OUT/publish/SalesBot.dll"
fi

# Words like a user's (some match the demo data), to exactly N characters after the command.
words() { node -e '
  const [start, n] = [process.argv[1], +process.argv[2]];
  const v = ["ferreteria","sol","suministro","2027","el","norte","energia","bogota","a","de","no","x"];
  let s = start; for (let i = 0; s.length < n; i++) s += " " + v[i % v.length] + (i % 7 ? "" : i);
  process.stdout.write(s.slice(0, n).trimEnd() + "z");' "$1" "$2"; }

run() { # name text
  echo "== $1 (${#2} characters)" >&2
  BENCH_OUT="$OUT/$1" SALESBOT_TEXT="$2" bash "$BENCH_DIR/run.sh" >/dev/null
  echo "### $1 (${#2} characters)"
  node "$BENCH_DIR/compare.mjs" "$OUT/$1/run-1"
  echo
}

run plain "historial suministro"
run historial-at-cap "$(words historial 3999)"
run search-at-cap "$(words "buscar cliente" 3999)"
run move-at-cap "$(words mover 3999)"
run historial-24kb "$(words historial 24575)"
