#!/usr/bin/env bash
# The weekly digest at scale (issue 15): 200 teams over 100,000 deals in PostgreSQL (its own
# database, loaded the first time), every team's digest built three times (median pass reported),
# then all of them posted through the real scheduler and outbox to an in-process connector that
# counts arrivals: delivery rate against Outbox:TenantSendsPerSecond (25), lost and duplicated
# digests. Reports only; asserts nothing. Same server and options as bench/indicators.sh.
#
#   bash bench/digests.sh            # load if needed, then measure
#   bash bench/digests.sh --reload   # load again
set -euo pipefail
BENCH_DATABASE="${BENCH_DATABASE:-salesbot_digest_bench}" exec bash "$(dirname "${BASH_SOURCE[0]}")/indicators.sh" --digests "$@"
