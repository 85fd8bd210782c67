#!/usr/bin/env bash
# Runs the closed-loop benchmark against SalesBot, then against the botbuilder 4.23 echo bot,
# one after the other on this machine, and prints one combined table.
#
#   bash bench/run.sh                       # defaults: levels 1,16,64; 3 s warm-up; 15 s measured
#   LEVELS=1,16 DURATION=5 WARMUP=2 bash bench/run.sh
#   SKIP_SALESBOT=1 bash bench/run.sh       # echo bot only (or SKIP_ECHO=1)
#
# Environment:
#   SALESBOT_DLL   path to the built SalesBot.dll (default src/SalesBot/bin/Release/net10.0/SalesBot.dll,
#                  relative to the repo root); built with `dotnet build -c Release` if missing
#   SALESBOT_TEXT  message text sent to SalesBot (default "ayuda"); the echo bot gets "hello"
#   LEVELS DURATION WARMUP   passed to load.mjs (--levels --duration --warmup)
#   BENCH_OUT      folder for the JSON reports and logs (default bench/out)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
LEVELS="${LEVELS:-1,16,64}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-3}"
SALESBOT_TEXT="${SALESBOT_TEXT:-ayuda}"
SALESBOT_DLL="${SALESBOT_DLL:-src/SalesBot/bin/Release/net10.0/SalesBot.dll}"
case "$SALESBOT_DLL" in /*) ;; *) SALESBOT_DLL="$ROOT/$SALESBOT_DLL" ;; esac
BENCH_OUT="${BENCH_OUT:-$BENCH_DIR/out}"
mkdir -p "$BENCH_OUT"
BENCH_OUT="$(cd "$BENCH_OUT" && pwd)"
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

# Waits until URL answers with any HTTP status (the bot is listening); fails if PID dies or after 90 s.
wait_http() {
  local url="$1" pid="$2" name="$3" log="$4"
  for _ in $(seq 1 900); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before answering on $url; last log lines:" >&2
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    if node -e "require('http').get(process.argv[1],r=>{r.resume();process.exit(0)}).on('error',()=>process.exit(1))" "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "$name did not answer on $url within 90 s; last log lines:" >&2
  tail -n 40 "$log" >&2 || true
  return 1
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

LOAD_ARGS=(--levels "$LEVELS" --duration "$DURATION" --warmup "$WARMUP")
SB_JSON="$BENCH_OUT/salesbot.json"
ECHO_JSON="$BENCH_OUT/botbuilder-echo.json"
rm -f "$SB_JSON" "$ECHO_JSON"

# ---------------------------------------------------------------- (1) SalesBot
if [ -z "${SKIP_SALESBOT:-}" ]; then
  if [ ! -f "$SALESBOT_DLL" ]; then
    echo "== building SalesBot (Release): $SALESBOT_DLL not found" >&2
    (cd "$ROOT" && dotnet build -c Release src/SalesBot/SalesBot.csproj)
  fi
  [ -f "$SALESBOT_DLL" ] || { echo "SalesBot dll not found at $SALESBOT_DLL (set SALESBOT_DLL)" >&2; exit 1; }
  SB_PORT="$(free_port)"
  SB_LOG="$BENCH_OUT/salesbot.log"
  echo "== SalesBot: dotnet $SALESBOT_DLL serve on http://127.0.0.1:$SB_PORT (log $SB_LOG)" >&2
  # Run from the dll's folder: ASP.NET's content root (appsettings*.json) is the working directory.
  # No MicrosoftAppId: the bot accepts unauthenticated calls from loopback and sends replies
  # without a token, like the anonymous echo bot.
  (
    cd "$(dirname "$SALESBOT_DLL")"
    exec env \
      ASPNETCORE_URLS="http://127.0.0.1:$SB_PORT" \
      ASPNETCORE_ENVIRONMENT=Production \
      Authentication__AllowUnauthenticatedLoopback=true \
      Logging__LogLevel__Default=Warning \
      Database__Path="$TMP/bench.db" \
      Database__MigrateOnStart=true \
      dotnet "$SALESBOT_DLL" serve
  ) >"$SB_LOG" 2>&1 &
  SB_PID=$!
  PIDS+=("$SB_PID")
  wait_http "http://127.0.0.1:$SB_PORT/api/messages" "$SB_PID" SalesBot "$SB_LOG"
  run_waited node "$BENCH_DIR/load.mjs" --label SalesBot --endpoint "http://127.0.0.1:$SB_PORT/api/messages" \
    --text "$SALESBOT_TEXT" "${LOAD_ARGS[@]}" --json "$SB_JSON"
  stop_pid "$SB_PID"
fi

# ---------------------------------------------------------------- (2) botbuilder echo bot
if [ -z "${SKIP_ECHO:-}" ]; then
  ECHO_PORT="$(free_port)"
  ECHO_LOG="$BENCH_OUT/botbuilder-echo.log"
  echo "== botbuilder echo bot on http://127.0.0.1:$ECHO_PORT (log $ECHO_LOG)" >&2
  PORT="$ECHO_PORT" node "$BENCH_DIR/echo-bot.mjs" >"$ECHO_LOG" 2>&1 &
  ECHO_PID=$!
  PIDS+=("$ECHO_PID")
  wait_http "http://127.0.0.1:$ECHO_PORT/api/messages" "$ECHO_PID" echo-bot "$ECHO_LOG"
  run_waited node "$BENCH_DIR/load.mjs" --label botbuilder-echo --endpoint "http://127.0.0.1:$ECHO_PORT/api/messages" \
    --text hello "${LOAD_ARGS[@]}" --json "$ECHO_JSON"
  stop_pid "$ECHO_PID"
fi

# ---------------------------------------------------------------- combined table
echo
echo "## SalesBot vs botbuilder 4.23 echo ($(nproc) cores, node $(node -v), ${WARMUP}s warm-up, ${DURATION}s measured)"
echo
node "$BENCH_DIR/compare.mjs" "$SB_JSON" "$ECHO_JSON"
echo
echo "JSON reports and logs: $BENCH_OUT"
