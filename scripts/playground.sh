#!/usr/bin/env bash
# playground.sh: try SalesBot in a browser, through Microsoft 365 Agents Playground 0.2.28 (a local
# Teams look-alike). No Teams tenant, no Azure, no internet needed apart from the npm registry once.
#
#   bash scripts/playground.sh                      # build, migrate, seed demo data, start bot + playground
#   bash scripts/playground.sh --as alex-wilber     # same, but you are that demo person
#   bash scripts/playground.sh --as megan-bowen --port 56151 --no-bot   # second person, second terminal
#
# Options:
#   --as NAME    demo person to be: a file .playground/NAME.yml written by `SalesBot seed-demo`
#                (slug like alex-wilber, a display name like "Alex Wilber", or a unique prefix like alex).
#                Without --as: .playground/default.yml if it exists, else the playground's built-in
#                mock user (Alex Wilber, id user-id-0).
#   --port N     playground port (default 56150). Open http://127.0.0.1:N/ in a browser.
#   --no-bot     do not build/seed/start the bot; reuse the one already answering on 127.0.0.1:3978.
#   --no-build   skip `dotnet build` (use the existing Release build); still migrates and seeds.
#
# Environment (mainly for developers):
#   SALESBOT_BOT_CMD="..."     start this command as the bot instead of the dotnet steps (no build,
#                              migrate or seed), e.g. SALESBOT_BOT_CMD="node /tmp/refbot/index.mjs".
#                              It must listen on 127.0.0.1:$SALESBOT_BOT_PORT, /api/messages.
#   SALESBOT_BOT_PORT=3978     bot port (the bot gets ASPNETCORE_URLS=http://127.0.0.1:PORT).
#   SALESBOT_BOT_TIMEOUT=120   seconds to wait for the bot to answer HTTP.
#   M365_AGENTS_PLAYGROUND_TARGET_SDK=teams-ai-v2-dotnet   passed through to the playground (dummy
#                              bearer token, serviceUrl with a trailing "/"), for Teams AI v2 bots.
#
# Everything lands in .playground/ (git-ignored): node_modules (the playground), the per-person yml
# files, bot.log, playground-PORT.out / playground-PORT.log (the playground's own log: config errors
# are written there, not to the terminal). Ctrl+C stops the playground and the bot this run started.
# The playground binds 127.0.0.1 only, opens no browser and sends no telemetry.
# Facts behind the flags: docs/playground.md.
set -euo pipefail

PG_VERSION=0.2.28
PG_PKG=@microsoft/m365agentsplayground
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PG_DIR=.playground
PG_CLI="$PG_DIR/node_modules/$PG_PKG/cli.js"
DLL=src/SalesBot/bin/Release/net10.0/SalesBot.dll
BOT_PORT="${SALESBOT_BOT_PORT:-3978}"
BOT_URL="http://127.0.0.1:$BOT_PORT"
ENDPOINT="$BOT_URL/api/messages"
BOT_TIMEOUT="${SALESBOT_BOT_TIMEOUT:-120}"

PORT=56150
AS=""
START_BOT=1
BUILD=1

die() { printf '\nplayground.sh: %s\n' "$*" >&2; exit 1; }
say() { printf '==> %s\n' "$*"; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --as) [ $# -ge 2 ] || die "--as needs a name"; AS="$2"; shift 2 ;;
    --as=*) AS="${1#*=}"; shift ;;
    --port) [ $# -ge 2 ] || die "--port needs a number"; PORT="$2"; shift 2 ;;
    --port=*) PORT="${1#*=}"; shift ;;
    --no-bot) START_BOT=0; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (see: bash scripts/playground.sh --help)" ;;
  esac
done
[[ "$PORT" =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1 ] && [ "$PORT" -le 65535 ] || die "--port must be a port number, got '$PORT'"
[[ "$BOT_PORT" =~ ^[0-9]+$ ]] || die "SALESBOT_BOT_PORT must be a port number, got '$BOT_PORT'"
[ "$PORT" != "$BOT_PORT" ] || die "--port $PORT is the bot's port; pick another one"

# ---------------------------------------------------------------- tools
command -v node >/dev/null 2>&1 || die "Node.js is not installed (needed for the playground, version 20 or later).
  Debian/Ubuntu: sudo apt-get install nodejs npm    other systems: https://nodejs.org"
command -v npm >/dev/null 2>&1 || die "npm is not installed (it comes with Node.js; Debian/Ubuntu: sudo apt-get install npm)"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" -ge 20 ] || die "Node.js $(node --version) is too old: SalesBot's tools need Node 20 or later"
if [ "$START_BOT" = 1 ] && [ -z "${SALESBOT_BOT_CMD:-}" ]; then
  command -v dotnet >/dev/null 2>&1 || die "dotnet is not installed: SalesBot needs the .NET 10 SDK (https://dot.net).
  (Only want a second playground for a bot that is already running? Add --no-bot.)"
  if [ "$BUILD" = 1 ] && ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    die "no .NET 10 SDK found ('dotnet --list-sdks' shows: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' ')); install .NET 10 (https://dot.net)"
  fi
fi

# 0 when the URL answers HTTP with any status (GET /api/messages is usually 404/405: that still means "up").
http_answers() {
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) }).then(() => process.exit(0), () => process.exit(1))' "$1" 2>/dev/null
}
port_free() {
  node -e 'const s = require("net").createServer(); s.once("error", () => process.exit(1)); s.listen(+process.argv[1], "127.0.0.1", () => s.close(() => process.exit(0)))' "$1" 2>/dev/null
}
# spawn_bg VAR DIR LOG CMD...: start CMD in DIR in the background, in its own process group (so Ctrl+C
# reaches only this script, whose trap then stops it), stdout+stderr to LOG; its pid goes into VAR.
spawn_bg() {
  local __var="$1" dir="$2" log="$3"; shift 3
  if command -v setsid >/dev/null 2>&1; then
    (cd "$dir" && exec setsid "$@" >"$log" 2>&1 </dev/null) &
  else
    (cd "$dir" && exec "$@" >"$log" 2>&1 </dev/null) &
  fi
  printf -v "$__var" '%s' "$!"
}
alive() { kill -0 "$1" 2>/dev/null; }
stop_pid() { # stop a process (group) this script started, by its pid
  local pid="$1"
  alive "$pid" || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do alive "$pid" || return 0; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

BOT_PID=""
PG_PID=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$PG_PID" ]; then stop_pid "$PG_PID"; fi
  if [ -n "$BOT_PID" ]; then echo; say "stopping the bot (pid $BOT_PID)"; stop_pid "$BOT_PID"; fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

port_free "$PORT" || die "port $PORT on 127.0.0.1 is already in use (another playground?). Pick another one: --port $((PORT + 1))"
mkdir -p "$PG_DIR"

# ---------------------------------------------------------------- bot: build, migrate, seed
if [ "$START_BOT" = 1 ]; then
  if http_answers "$BOT_URL"; then
    die "something already answers on $BOT_URL (a bot from another playground.sh?).
  To open one more playground for that bot: bash scripts/playground.sh --as <name> --port $((PORT + 1)) --no-bot
  Or stop it first."
  fi
  if [ -n "${SALESBOT_BOT_CMD:-}" ]; then
    say "SALESBOT_BOT_CMD is set: skipping build, migrate and seed-demo"
    BOT_CMD="$SALESBOT_BOT_CMD"
  else
    if [ "$BUILD" = 1 ]; then
      say "building SalesBot (Release)"
      dotnet build -c Release src/SalesBot/SalesBot.csproj -v quiet
    fi
    [ -f "$DLL" ] || die "$DLL not found; build it: dotnet build -c Release src/SalesBot/SalesBot.csproj"
    say "migrating the database"
    dotnet "$DLL" migrate
    say "seeding demo data and writing $PG_DIR/<person>.yml"
    dotnet "$DLL" seed-demo --history --playground-dir "$PG_DIR"
    BOT_CMD="$(printf '%q ' dotnet "$DLL" serve)"
  fi
else
  http_answers "$ENDPOINT" || die "--no-bot, but no bot answers at $ENDPOINT.
  Start the bot and a first playground in another terminal: bash scripts/playground.sh"
fi

# ---------------------------------------------------------------- who am I
yml_user_name() { # display name of currentUser in a playground yml
  awk '/^currentUser:/ { f = 1; next } f && /^[^ #]/ { exit } f && /^  name:/ { sub(/^  name:[ ]*/, ""); gsub(/^["'\'']|["'\'']$/, ""); print; exit }' "$1"
}
list_people() {
  local f found=0
  for f in "$PG_DIR"/*.yml; do
    [ -e "$f" ] || continue
    found=1
    printf '    %-22s %s\n' "$(basename "$f" .yml)" "$(yml_user_name "$f")"
  done
  [ "$found" = 1 ] || echo "    (none: $PG_DIR/*.yml is written by 'SalesBot seed-demo --playground-dir $PG_DIR'; run without --no-bot first)"
}
slugify() { printf '%s' "$1" | tr '[:upper:]' '[:lower:]' | sed -e 's/[^a-z0-9]\{1,\}/-/g' -e 's/^-//' -e 's/-$//'; }

CONFIG=""
if [ -n "$AS" ]; then
  slug="$(slugify "$AS")"
  if [ -f "$PG_DIR/$AS.yml" ]; then CONFIG="$PG_DIR/$AS.yml"
  elif [ -n "$slug" ] && [ -f "$PG_DIR/$slug.yml" ]; then CONFIG="$PG_DIR/$slug.yml"
  elif [ -n "$slug" ]; then
    matches=()
    for f in "$PG_DIR/$slug"*.yml; do [ -e "$f" ] && matches+=("$f"); done
    [ "${#matches[@]}" -eq 1 ] && CONFIG="${matches[0]}"
  fi
  if [ -z "$CONFIG" ]; then
    printf '\nplayground.sh: no demo person "%s". Available (--as NAME):\n' "$AS" >&2
    list_people >&2
    exit 1
  fi
elif [ -f "$PG_DIR/default.yml" ]; then
  CONFIG="$PG_DIR/default.yml"
fi
if [ -n "$CONFIG" ]; then
  ME="$(yml_user_name "$CONFIG")"; ME="${ME:-?} ($CONFIG)"
else
  ME="Alex Wilber, the playground's built-in mock user (no $PG_DIR/default.yml)"
fi

# ---------------------------------------------------------------- playground package
installed="$(node -p 'try { require(process.argv[1]).version } catch { "" }' "$ROOT/$PG_DIR/node_modules/$PG_PKG/package.json" 2>/dev/null || true)"
if [ "$installed" != "$PG_VERSION" ]; then
  say "installing $PG_PKG@$PG_VERSION into $PG_DIR/node_modules (once)"
  npm install --prefix "$PG_DIR" "$PG_PKG@$PG_VERSION" --no-audit --no-fund
fi
[ -f "$PG_CLI" ] || die "$PG_CLI is missing after npm install"

# Preload that makes the playground's listen() bind 127.0.0.1 instead of every interface
# (the package calls server.listen(port) with no host). Same as the harness's lib/loopback-only.cjs.
cat >"$PG_DIR/loopback-only.cjs" <<'EOF'
'use strict';
const net = require('net');
const HOST = process.env.PG_BIND_HOST || '127.0.0.1';
const orig = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const a0 = args[0];
  if (a0 !== null && typeof a0 === 'object' && !Array.isArray(a0) && !('fd' in a0) && !('handle' in a0) && !('_handle' in a0) && !('path' in a0)) {
    if (!a0.host) args[0] = { ...a0, host: HOST };
  } else if (typeof a0 === 'number' || (typeof a0 === 'string' && /^\d+$/.test(a0)) || a0 === undefined || typeof a0 === 'function') {
    if (a0 === undefined || typeof a0 === 'function') args.unshift(0);
    if (typeof args[1] !== 'string') args.splice(1, 0, HOST);
  }
  return orig.apply(this, args);
};
EOF

# ---------------------------------------------------------------- start the bot
if [ "$START_BOT" = 1 ]; then
  say "starting the bot on $BOT_URL (log: $PG_DIR/bot.log)"
  spawn_bg BOT_PID "$ROOT" "$ROOT/$PG_DIR/bot.log" env ASPNETCORE_URLS="$BOT_URL" Authentication__AllowUnauthenticatedLoopback=true bash -c "exec $BOT_CMD"
  waited=0
  until http_answers "$ENDPOINT"; do
    if ! alive "$BOT_PID"; then
      BOT_PID=""
      echo "--- last lines of $PG_DIR/bot.log ---" >&2; tail -n 20 "$PG_DIR/bot.log" >&2 || true
      die "the bot exited before answering on $ENDPOINT"
    fi
    if [ "$waited" -ge $((BOT_TIMEOUT * 4)) ]; then
      echo "--- last lines of $PG_DIR/bot.log ---" >&2; tail -n 20 "$PG_DIR/bot.log" >&2 || true
      die "the bot did not answer on $ENDPOINT within ${BOT_TIMEOUT}s"
    fi
    sleep 0.25; waited=$((waited + 1))
  done
  say "bot is up"
fi

# ---------------------------------------------------------------- start the playground
SERVICE_URL="http://127.0.0.1:$PORT/_connector"
[ "${M365_AGENTS_PLAYGROUND_TARGET_SDK:-}" = teams-ai-v2-dotnet ] && SERVICE_URL="$SERVICE_URL/"
PG_OUT="$PG_DIR/playground-$PORT.out"
PG_LOG="$PG_DIR/playground-$PORT.log"
rm -f "$PG_OUT" "$PG_LOG"
port_free "$PORT" || die "port $PORT on 127.0.0.1 was taken meanwhile; pick another one with --port"
# The playground has no --config option: the config file path goes in M365_AGENTS_PLAYGROUND_CONFIG_PATH.
# A path that does not exist silently falls back to ./.m365agentsplayground.yml and then to the built-in
# mock users; the cwd is $PG_DIR, which has neither file.
pg_env=(env -u BOT_ENDPOINT -u TEAMSAPPTESTER_PORT -u M365_AGENTS_PLAYGROUND_SERVICE_URL
  -u M365_AGENTS_PLAYGROUND_CONVERSATION_ID -u M365_AGENTS_PLAYGROUND_DELIVERY_MODE
  -u M365_AGENTS_PLAYGROUND_CONFIG_PATH -u TEAMS_APP_TEST_TOOL_CONFIG_PATH -u DEFAULT_CHANNEL_ID
  TEAMSAPPTESTER_BROWSER=none
  PG_BIND_HOST=127.0.0.1
  M365_AGENTS_PLAYGROUND_LOGFILE="$ROOT/$PG_LOG"
  APPLICATION_INSIGHTS_NO_STATSBEAT=true
  APPLICATIONINSIGHTS_CONFIGURATION_CONTENT='{"disableAppInsights":true,"disableStatsbeat":true}')
[ -n "$CONFIG" ] && pg_env+=(M365_AGENTS_PLAYGROUND_CONFIG_PATH="$ROOT/$CONFIG")
say "starting the playground on http://127.0.0.1:$PORT (log: $PG_LOG)"
spawn_bg PG_PID "$ROOT/$PG_DIR" "$ROOT/$PG_OUT" "${pg_env[@]}" node --require "$ROOT/$PG_DIR/loopback-only.cjs" \
  "$ROOT/$PG_CLI" start -e "$ENDPOINT" -c msteams --port "$PORT" --service-url "$SERVICE_URL" --disable-telemetry

pg_failed() {
  PG_PID=""
  echo "--- $PG_OUT ---" >&2; tail -n 20 "$PG_OUT" >&2 || true
  if [ -f "$PG_LOG" ] && grep -aq '^error' "$PG_LOG"; then
    echo "--- errors in $PG_LOG ---" >&2; grep -a '^error' "$PG_LOG" >&2 || true
  fi
  die "$1"
}
ready=0
for _ in $(seq 1 240); do            # up to 60 s (a few seconds on a busy 2-core machine)
  alive "$PG_PID" || pg_failed "the playground exited during startup${CONFIG:+ (is $CONFIG valid?)}"
  bound="$(sed -n 's/^Listening on \([0-9]*\).*/\1/p' "$PG_OUT" 2>/dev/null | head -n 1)"
  if [ -n "$bound" ] && [ "$bound" != "$PORT" ]; then
    stop_pid "$PG_PID"; pg_failed "the playground fell back to port $bound (port $PORT was taken); use --port"
  fi
  if [ -n "$bound" ] && [ "$(node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) }).then(r => r.text()).then(t => console.log(t), () => {})' \
        "http://127.0.0.1:$PORT/_debug/ping" 2>/dev/null)" = pong ]; then
    sleep 0.5   # a bad config file makes it exit right after "Listening on"
    alive "$PG_PID" || pg_failed "the playground exited during startup${CONFIG:+ (is $CONFIG valid?)}"
    ready=1; break
  fi
  sleep 0.25
done
[ "$ready" = 1 ] || { stop_pid "$PG_PID"; pg_failed "the playground did not become ready on port $PORT within 60 s"; }

others="$(for f in "$PG_DIR"/*.yml; do [ -e "$f" ] && basename "$f" .yml; done | grep -vx default | tr '\n' ' ' || true)"
cat <<EOF

================================================================================
  SalesBot playground is ready.

  Open in your browser:   http://127.0.0.1:$PORT/
  You are:                $ME
  Bot endpoint:           $ENDPOINT$([ "$START_BOT" = 1 ] && echo " (log: $PG_DIR/bot.log)" || echo " (already running, not started here)")

  Be another person at the same time, in a second terminal:
      bash scripts/playground.sh --as <name> --port $((PORT + 1)) --no-bot
EOF
[ -n "$others" ] && echo "      names: $others"
if [ "$START_BOT" = 1 ]; then
  echo "
  Ctrl+C stops this playground and the bot (playgrounds started with --no-bot then lose their bot)."
else
  echo "
  Ctrl+C stops this playground; the bot keeps running in the terminal that started it."
fi
echo "================================================================================"

# Stay in the foreground until the playground exits or Ctrl+C (the trap stops what we started).
set +e
wait "$PG_PID"
rc=$?
set -e
PG_PID=""
say "the playground exited (code $rc); see $PG_LOG"
exit "$rc"
