#!/usr/bin/env bash
# Closed-loop benchmark of SalesBot against the botbuilder 4.23 echo bot, in one run: each bot
# pinned to CPU 0 (taskset), the load generator to CPU 1, one bot at a time; RUNS rounds (default
# 3), then one table per round and the medians with the issue's targets.
#
#   bash bench/run.sh                       # 3 rounds; "ayuda" at 1,16,64; a logged visit at 16,64; 3 s warm-up; 15 s measured
#   RUNS=1 LEVELS=1,16 VISIT_LEVELS=16 DURATION=5 WARMUP=2 bash bench/run.sh
#   SKIP_SALESBOT=1 bash bench/run.sh       # echo bot only (or SKIP_ECHO=1)
#   FLOOR=1 bash bench/run.sh               # also the durable floor (bench/floor), each round after the echo bot
#
# Environment:
#   SALESBOT_DLL   a SalesBot.dll to run; by default the bench publishes SalesBot as it is deployed
#                  (Release, linux-x64, ReadyToRun: README "Deployment") into $BENCH_OUT/publish
#   SALESBOT_TEXT  message text sent to SalesBot (default "ayuda"); the echo bot gets "hello"
#   LEVELS         concurrent conversations for the text turns (default 1,16,64)
#   VISIT_LEVELS   concurrent conversations for the visit submissions (default 16,64; empty: none)
#   DURATION WARMUP   passed to load.mjs (--duration --warmup)
#   RUNS           rounds (default 3)
#   PREWARM        seconds of unmeasured load at 16 conversations before each bot's first level
#   VISIT_PREWARM  the same before the logged visit's first level (its code paths warm apart)
#                  (default 60: on one busy core .NET's tiered JIT needs tens of seconds to reach optimised code)
#   BOT_CPU LOAD_CPU  the CPUs for the bots and for the generator (default 0 and 1; PIN=0: no pinning)
#   BENCH_OUT      folder for the JSON reports and logs (default bench/out)
#   FLOOR          1: also measure bench/floor, the least a bot can do and keep SalesBot's guarantees
#                  (dedup key and outbox row in one fsync'd group commit, reply after it), at LEVELS
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
LEVELS="${LEVELS:-1,16,64}"
VISIT_LEVELS="${VISIT_LEVELS-16,64}"
RUNS="${RUNS:-3}"
PREWARM="${PREWARM:-60}"
VISIT_PREWARM="${VISIT_PREWARM:-20}"
BOT_CPU="${BOT_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
PIN="${PIN:-1}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-3}"
SALESBOT_TEXT="${SALESBOT_TEXT:-ayuda}"
# The gen0 budget SalesBot is deployed with (README, "Deploy"; env only: the runtime reads no
# runtimeconfig setting for it). The floor, also .NET, runs with the same.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}"
BENCH_OUT="${BENCH_OUT:-$BENCH_DIR/out}"
mkdir -p "$BENCH_OUT"
BENCH_OUT="$(cd "$BENCH_OUT" && pwd)"
SALESBOT_DLL="${SALESBOT_DLL:-}"
case "$SALESBOT_DLL" in /*|'') ;; *) SALESBOT_DLL="$ROOT/$SALESBOT_DLL" ;; esac
TMP="$(mktemp -d "${TMPDIR:-/tmp}/salesbot-bench.XXXXXX")"

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Runs a command in the background and waits for it, so INT/TERM traps fire at once and the
# cleanup stops it too (bash defers traps while a foreground child runs).
run_waited() {
  "$@" &
  local pid=$!
  PIDS+=("$pid")
  wait "$pid"
}

stop_pid() {
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# The load generator uses botbuilder only for the echo bot, but keep one install step for both.
if [ ! -d "$BENCH_DIR/node_modules/botbuilder" ]; then
  (cd "$BENCH_DIR" && npm ci --no-audit --no-fund)
fi

LOAD_ARGS=(--duration "$DURATION" --warmup "$WARMUP" --clk-tck "$(getconf CLK_TCK)")
BOT_PIN=()
LOAD_PIN=()
if [ "$PIN" = 1 ]; then
  if [ "$(nproc)" -lt 2 ]; then
    echo "pinning needs 2 CPUs; this machine has $(nproc) (set PIN=0 to run unpinned)" >&2
    exit 1
  fi
  BOT_PIN=(taskset -c "$BOT_CPU")
  LOAD_PIN=(taskset -c "$LOAD_CPU")
fi
now_ms() { date +%s%3N; }

# shellcheck source=bench/publish.sh
source "$BENCH_DIR/publish.sh"

if [ -z "${SKIP_SALESBOT:-}" ]; then
  if [ -z "$SALESBOT_DLL" ]; then
    publish_deployed src/SalesBot/SalesBot.csproj "$BENCH_OUT/publish"
    SALESBOT_DLL="$BENCH_OUT/publish/SalesBot.dll"
  fi
  [ -f "$SALESBOT_DLL" ] || { echo "SalesBot dll not found at $SALESBOT_DLL (set SALESBOT_DLL)" >&2; exit 1; }
fi
if [ "${FLOOR:-0}" = 1 ]; then publish_deployed bench/floor/Floor.csproj "$BENCH_OUT/floor-publish"; fi

# How each reference bot starts, on port $1, logging to $2 (in the background: the caller reads $!).
start_echo() { PORT="$1" "${BOT_PIN[@]}" node "$BENCH_DIR/echo-bot.mjs" >"$2" 2>&1 & }
start_floor() {
  (
    cd "$BENCH_OUT/floor-publish"
    exec env ASPNETCORE_URLS="http://127.0.0.1:$1" "${BOT_PIN[@]}" dotnet Floor.dll --db "$TMP/floor-$round.db"
  ) >"$2" 2>&1 &
}

# One reference bot of a round, sent "hello" at LEVELS: its report is $out/NAME.json, its log $out/NAME.log.
measure_peer() {
  local out="$1" name="$2" title="$3" start="$4" port log started pid
  port="$(free_port)"
  log="$out/$name.log"
  echo "== round $round: $title on CPU ${BOT_CPU}" >&2
  started="$(now_ms)"
  "$start" "$port" "$log"
  pid=$!
  PIDS+=("$pid")
  run_waited "${LOAD_PIN[@]}" node "$BENCH_DIR/load.mjs" --label "$name" --endpoint "http://127.0.0.1:$port/api/messages" \
    --text hello --levels "$LEVELS" "${LOAD_ARGS[@]}" --server-pid "$pid" --cold-start-from "$started" \
    --prewarm "$PREWARM" --json "$out/$name.json" --quiet || { tail -n 40 "$log" >&2; return 1; }
  stop_pid "$pid"
}

# One round: SalesBot (a fresh SQLite database with the demo seeded), then the echo bot.
run_round() {
  local round="$1" out="$BENCH_OUT/run-$1"
  rm -rf "$out"
  mkdir -p "$out"
  if [ -z "${SKIP_SALESBOT:-}" ]; then
    local db="$TMP/bench-$round.db" port log started pid
    port="$(free_port)"
    log="$out/salesbot.log"
    echo "== round $round: SalesBot on CPU ${BOT_CPU}: seeding the demo into $db" >&2
    # Run from the dll's folder: ASP.NET's content root (appsettings*.json) is the working directory.
    (cd "$(dirname "$SALESBOT_DLL")" && Database__Path="$db" Logging__LogLevel__Default=Warning \
      dotnet "$SALESBOT_DLL" seed-demo --playground-dir "$TMP/playground" >"$out/seed.log" 2>&1) \
      || { cat "$out/seed.log" >&2; return 1; }
    # No MicrosoftAppId: the bot accepts unauthenticated calls from loopback and sends replies
    # without a token, like the anonymous echo bot.
    started="$(now_ms)"
    (
      cd "$(dirname "$SALESBOT_DLL")"
      exec env \
        ASPNETCORE_URLS="http://127.0.0.1:$port" \
        ASPNETCORE_ENVIRONMENT=Production \
        Authentication__AllowUnauthenticatedLoopback=true \
        Logging__LogLevel__Default=Warning \
        Database__Path="$db" \
        Database__MigrateOnStart=true \
        "${BOT_PIN[@]}" dotnet "$SALESBOT_DLL" serve
    ) >"$log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    # The subshell execs: $pid is the server itself, whose /proc figures load.mjs reads.
    run_waited "${LOAD_PIN[@]}" node "$BENCH_DIR/load.mjs" --label SalesBot --endpoint "http://127.0.0.1:$port/api/messages" \
      --text "$SALESBOT_TEXT" --levels "$LEVELS" "${LOAD_ARGS[@]}" --server-pid "$pid" --cold-start-from "$started" \
      --prewarm "$PREWARM" --json "$out/salesbot.json" --quiet || { tail -n 40 "$log" >&2; return 1; }
    if [ -n "$VISIT_LEVELS" ]; then
      run_waited "${LOAD_PIN[@]}" node "$BENCH_DIR/load.mjs" --label SalesBot-visit --endpoint "http://127.0.0.1:$port/api/messages" \
        --scenario visit --levels "$VISIT_LEVELS" "${LOAD_ARGS[@]}" --server-pid "$pid" --prewarm "$VISIT_PREWARM" \
        --json "$out/salesbot-visit.json" --quiet || { tail -n 40 "$log" >&2; return 1; }
    fi
    stop_pid "$pid"
  fi
  if [ -z "${SKIP_ECHO:-}" ]; then measure_peer "$out" botbuilder-echo "botbuilder echo bot" start_echo || return 1; fi
  if [ "${FLOOR:-0}" = 1 ]; then measure_peer "$out" floor "the durable floor" start_floor || return 1; fi
}

for round in $(seq 1 "$RUNS"); do run_round "$round"; done

echo
echo "## SalesBot vs botbuilder 4.23 echo ($(nproc) cores, bots on CPU ${BOT_CPU}, generator on CPU ${LOAD_CPU}, node $(node -v), ${WARMUP}s warm-up, ${DURATION}s measured, $RUNS rounds)"
echo
ROUND_DIRS=()
for round in $(seq 1 "$RUNS"); do ROUND_DIRS+=("$BENCH_OUT/run-$round"); done
node "$BENCH_DIR/compare.mjs" "${ROUND_DIRS[@]}" | tee "$BENCH_OUT/summary.md"
echo
echo "JSON reports and logs: $BENCH_OUT/run-*; this table: $BENCH_OUT/summary.md"
