#!/usr/bin/env bash
# Runs every SalesBot test: the .NET unit and integration tests (SQLite and PostgreSQL), the card
# and manifest checks against Microsoft's npm packages, and the end-to-end scenarios through the
# Microsoft 365 Agents Playground. Exits non-zero if anything fails.
#
#   bash tests/run.sh            # everything
#   SKIP_E2E=1 bash tests/run.sh # without the Playground scenarios (faster inner loop)
#
# PostgreSQL: set SALESBOT_TEST_POSTGRES to a server's connection string; otherwise this script
# starts a throwaway server from Debian's postgresql package on a free loopback port for the run
# and removes it afterwards, installing the package first when it is missing and it may (root, or
# sudo without a password).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "$ROOT/.." && pwd)/shared"
cd "$ROOT"
WORK="$(mktemp -d -t salesbot-tests-XXXXXX)"
PG_DATA=""
cleanup() {
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\ntests/run.sh: %s\n' "$*" >&2; exit 1; }
command -v dotnet >/dev/null || die "dotnet (the .NET 10 SDK) is not on PATH"
command -v node >/dev/null || die "node (Node.js 20) is not on PATH"
[ -d "$SHARED/reference" ] || die "../shared is missing beside the repository (it holds the recorded activities, the manifest schema and the Playground driver)"

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# --- PostgreSQL -------------------------------------------------------------------------------
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -z "${SALESBOT_TEST_POSTGRES:-}" ]; then
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$PG_BIN" ] && command -v apt-get >/dev/null; then
    # A fresh machine: install Debian's PostgreSQL when we may (root, or sudo without a password).
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi
    if [ "$SUDO" != none ]; then
      say "Installing PostgreSQL from Debian's packages"
      export DEBIAN_FRONTEND=noninteractive
      $SUDO apt-get update -qq
      $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
      PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    fi
  fi
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || die "PostgreSQL is needed for the PostgreSQL half of the integration tests: install Debian's postgresql package, or set SALESBOT_TEST_POSTGRES to a server's connection string"
  say "Starting a throwaway PostgreSQL ($PG_BIN)"
  PG_DATA="$WORK/pgdata"
  mkdir -p "$PG_DATA"
  # initdb refuses to run as root; CI runs as root, so the cluster belongs to the postgres user.
  [ "$(id -u)" = 0 ] && chown postgres "$WORK" "$PG_DATA" && chmod 755 "$WORK"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  PG_PORT="$(free_port)"
  # Test classes run in parallel, each test on a database and connection pool of its own: the
  # default 100 connections was twice refused ("53300: too many clients") on a loaded machine.
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DATA -c fsync=off -c max_connections=300" start >/dev/null
  export SALESBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
fi

# --- Fonts for the indicator charts -------------------------------------------------------------
# The charts are drawn by SkiaSharp, which finds fonts through fontconfig: without any, the PNG has
# bars and no labels. Debian's DejaVu fonts, installed when we may.
if ! ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1 || ! ldconfig -p 2>/dev/null | grep -q libfontconfig; then
  if command -v apt-get >/dev/null; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi
    if [ "$SUDO" != none ]; then
      say "Installing fonts for the charts (fonts-dejavu-core, libfontconfig1)"
      export DEBIAN_FRONTEND=noninteractive
      $SUDO apt-get update -qq
      $SUDO apt-get install -y -qq --no-install-recommends fonts-dejavu-core libfontconfig1 >/dev/null
    fi
  fi
fi

# --- Node packages for the card and manifest checks -------------------------------------------
say "Installing the card and manifest checkers (tests/tooling)"
(cd tests/tooling && npm ci --no-audit --no-fund --loglevel=error)

say "Checking the code style (dotnet format)"
dotnet format SalesBot.sln --verify-no-changes -v quiet || die "dotnet format found style problems: run 'dotnet format SalesBot.sln' and commit"

say "Building (Release)"
dotnet build SalesBot.sln -c Release -v quiet -nologo

# --- Natural language: the built-in recognizer scored on the labelled sets (NLU.md) -------------
# labelled.jsonl was written before tuning and tuned on; held-out.jsonl was written later by
# someone who saw neither the code nor the first set (its first reading is in the README). Both
# must stay above the floor of 90 % intents and 85 % entity F1 in every locale.
NLU_DLL="$ROOT/src/SalesBot/bin/Release/net10.0/SalesBot.dll"
for set in tests/nlu/*.jsonl; do
  say "Natural language: $set"
  dotnet "$NLU_DLL" nlu score "$set" || die "the recognizer is below the floor on $set (rerun with --misses to see each line read wrong)"
done
# tests/nlu/blind/: sets nobody has tuned on, printed as a measure of unseen text and never gated
# (a floor would invite tuning on them; once looked into line by line, a set moves up a folder).
for set in tests/nlu/blind/*.jsonl; do
  [ -f "$set" ] || continue
  say "Natural language, measured only: $set"
  dotnet "$NLU_DLL" nlu score "$set" --min-intent 0 --min-f1 0
done

# --- End-to-end through the Agents Playground ---------------------------------------------------
if [ "${SKIP_E2E:-0}" != 1 ]; then
  say "End-to-end: Agents Playground in front of the bot (tests/e2e)"
  DRIVER="$WORK/playground-driver"
  cp -r "$SHARED/tools/playground-driver/." "$DRIVER"
  rm -rf "$DRIVER/node_modules" "$DRIVER/out"
  (cd "$DRIVER" && npm ci --no-audit --no-fund --loglevel=error)
  DLL="$ROOT/src/SalesBot/bin/Release/net10.0/SalesBot.dll"
  E2E_DB="$WORK/e2e.db"
  (cd "$WORK" && dotnet "$DLL" seed-demo --playground-dir "$WORK/playground" --Database:Path="$E2E_DB" >/dev/null)
  # A deal of Alex's from 2025, in negotiation and long past its expected close: what tests/e2e/nudges.json nudges him about.
  (cd "$WORK" && dotnet "$DLL" import clients "$ROOT/tests/e2e/data/clients.csv" --Database:Path="$E2E_DB" >/dev/null \
    && dotnet "$DLL" import opportunities "$ROOT/tests/e2e/data/opportunities.csv" --Database:Path="$E2E_DB" >/dev/null) \
    || die "could not import the end-to-end deals (tests/e2e/data)"
  run_scenarios() { # $1: output dir, $2...: pg-drive options and scenario files
    local out="$1"; shift
    local port; port="$(free_port)"
    node "$DRIVER/pg-drive.mjs" \
      --bot-cmd "dotnet $DLL serve" --bot-cwd "$ROOT/src/SalesBot/bin/Release/net10.0" \
      --bot-env "ASPNETCORE_URLS=http://127.0.0.1:$port" --bot-env "Database__Path=$E2E_DB" \
      --bot-env "ASPNETCORE_ENVIRONMENT=Production" --bot-env "Authentication__AllowUnauthenticatedLoopback=true" \
      --bot-env "Digests__Send=false" \
      --bot-env "Links__BaseUrl=http://127.0.0.1:$port" --bot-env "Links__SigningKey=e2e-only-signing-key-0123456789abcdef" \
      --endpoint "http://127.0.0.1:$port/api/messages" --out "$WORK/$out" "$@" \
      || { cp -r "$WORK/$out" "$ROOT/TestResults-e2e" 2>/dev/null || true; die "end-to-end scenarios failed (report copied to TestResults-e2e/)"; }
  }
  # The Playground's default user (Alex Wilber, an executive in the demo organisation).
  run_scenarios e2e-default $(ls tests/e2e/*.json tests/e2e/*.mjs 2>/dev/null)
  # tests/e2e/NN-as-<person>/: the same bot (and database) seen by another demo person, through the
  # config seed-demo wrote, in NN order: a later stage sees what an earlier one did (a PQR
  # registered by customer service, then answered by its executive).
  for dir in tests/e2e/[0-9][0-9]-as-*/; do
    person="$(basename "$dir")"; person="${person#*-as-}"
    [ -f "$WORK/playground/$person.yml" ] || die "$dir: seed-demo wrote no $person.yml"
    run_scenarios "e2e-$(basename "$dir")" --config "$WORK/playground/$person.yml" $(ls "$dir"*.json "$dir"*.mjs 2>/dev/null)
  done
fi

# --- .NET tests: last, so the output ends with the runner's summary ----------------------------
say "Unit and integration tests (SQLite and PostgreSQL)"
status=0
dotnet test SalesBot.sln -c Release --no-build -nologo || status=$?
exit "$status"
