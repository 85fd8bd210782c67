#!/usr/bin/env bash
# The indicator engine at scale: starts its own PostgreSQL, builds the benchmark (Release), runs it
# (it loads 1,000,000 visits, 100,000 deals and 500,000 billing rows the first time) and stops the
# server again. Reports p50/p95/max per indicator and scope; asserts nothing. See bench/README.md.
#
#   bash bench/indicators.sh                  # load if needed, then 3 warm-up + 30 measured runs per case
#   bash bench/indicators.sh --runs 50        # anything after the script goes to the benchmark
#   bash bench/indicators.sh --reload         # drop the benchmark database and load it again
#   bash bench/indicators.sh --explain        # also EXPLAIN ANALYZE every SQL command of every case
#
# Environment:
#   PG_BIN     PostgreSQL binaries (default: the newest /usr/lib/postgresql/*/bin)
#   PG_ROOT    where the cluster lives (default /tmp/pgbench: data in PG_ROOT/data, log in PG_ROOT/server.log);
#              kept between runs, so a rerun only measures
#   PG_PORT    loopback port (default 55433, beside the tests' throwaway server)
#   PG_FSYNC   on|off (default off: the load writes ~2 GB that nobody needs to survive a power cut;
#              the measured queries only read, so fsync does not change them)
#   BENCH_DATABASE  the database (default salesbot_bench; bench/digests.sh uses its own)
#   BENCH_OUT  report folder (default bench/out, ignored by git)
#   SALESBOT_BUILD_LOCK  a lock file to hold (flock) while building and running, on a machine
#              where builds must not overlap
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)}"
PG_ROOT="${PG_ROOT:-/tmp/pgbench}"
PG_DATA="$PG_ROOT/data"
PG_PORT="${PG_PORT:-55433}"
PG_FSYNC="${PG_FSYNC:-off}"
BENCH_OUT="${BENCH_OUT:-$BENCH_DIR/out}"
PROJECT="$BENCH_DIR/indicators/IndicatorBench.csproj"
DLL="$BENCH_DIR/indicators/bin/Release/net10.0/IndicatorBench.dll"

die() { printf 'bench/indicators.sh: %s\n' "$*" >&2; exit 1; }
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || die "PostgreSQL binaries not found: install Debian's postgresql package or set PG_BIN"
command -v dotnet >/dev/null || die "dotnet (the .NET 10 SDK) is not on PATH"
case "$PG_FSYNC" in on|off) ;; *) die "PG_FSYNC must be on or off" ;; esac

# initdb and the server refuse to run as root: as root, the cluster belongs to the postgres user.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
locked() { if [ -n "${SALESBOT_BUILD_LOCK:-}" ]; then flock "$SALESBOT_BUILD_LOCK" "$@"; else "$@"; fi; }

STARTED=""
stop_server() {
  if [ -n "$STARTED" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    echo "== PostgreSQL stopped"
  fi
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  echo "== initdb $PG_DATA"
  mkdir -p "$PG_DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_ROOT" "$PG_DATA"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
  die "a server is already running on $PG_DATA (stop it with: pg_ctl -D $PG_DATA stop)"
fi
# Defaults otherwise (shared_buffers 128 MB): a larger max_wal_size only spares the load from
# checkpoints every few seconds.
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_ROOT/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT -c fsync=$PG_FSYNC -c max_wal_size=4GB" start >/dev/null
STARTED=1
echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data $PG_DATA, fsync=$PG_FSYNC"

echo "== building bench/indicators (Release)"
locked dotnet build "$PROJECT" -c Release -v quiet -nologo

mkdir -p "$BENCH_OUT"
# The gen0 budget the bot is deployed with (README, "Deploy").
DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}" locked dotnet "$DLL" \
  --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=${BENCH_DATABASE:-salesbot_bench}" \
  --out "$BENCH_OUT" "$@"
