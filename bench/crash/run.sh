#!/usr/bin/env bash
# Crash test (issue 16; figures in docs/benchmarks.md, "Crash test"):
#
#   bench/crash/run.sh [sqlite|postgresql ...]      (default: both)
#
# For each database: starts the demo server, issues TOKENS invitations, and lets THREADS clients submit one check-in
# per invitation while the server is killed with SIGKILL KILLS times (every KILL_EVERY seconds) and started again on
# the same database; the clients retry with the same token and idempotency key, as a phone does. Then it prints
# acknowledged vs stored vs lost vs duplicates (Crash.java verify) and exits non-zero when anything acknowledged
# was lost or stored twice. Environment (defaults): PORT (8197), TOKENS (3000), THREADS (8), KILLS (6),
# KILL_EVERY (4). Needs a JDK, curl, and for PostgreSQL the Debian postgresql package.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PORT="${PORT:-8197}"
TOKENS="${TOKENS:-3000}"
THREADS="${THREADS:-8}"
KILLS="${KILLS:-6}"
KILL_EVERY="${KILL_EVERY:-4}"
base="http://127.0.0.1:$PORT"
work="$(mktemp -d /tmp/alliance-crash-XXXXXX)"
chmod 755 "$work"
jdbc_cp="$(find "$HOME/.m2/repository/org/xerial/sqlite-jdbc" -name 'sqlite-jdbc-*.jar' | sort | tail -1):$(
    find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)"

# shellcheck source=../lib/postgres.sh
source "$here/../lib/postgres.sh"
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    server_pid=""
    stop_postgres
}
trap 'cleanup; rm -rf "$work"' EXIT

# $1: demo (fill a new database) or serve (the same database again, after a kill)
start_server() {
    local how="$1"
    (cd "$root" && exec ./alliance "$how" "--server.port=$PORT" --db-url "$url") >>"$work/server.log" 2>&1 &
    server_pid=$!
    until curl -sf -o /dev/null "$base/login"; do
        if ! kill -0 "$server_pid" 2>/dev/null; then tail -40 "$work/server.log"; exit 1; fi
        sleep 0.2
    done
}

run_one() {
    local vendor="$1"
    echo "=== $vendor ($(date -u +%FT%TZ), $(nproc) cores): $TOKENS check-ins, $THREADS clients, $KILLS kills every ${KILL_EVERY}s"
    if [[ "$vendor" == postgresql ]]; then
        start_postgres
        url="$pg_url"
    else
        url="jdbc:sqlite:$work/crash.db?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL&transaction_mode=IMMEDIATE"
    fi
    start_server demo
    java -cp "$jdbc_cp" "$root/bench/web/BenchDb.java" issue "$url" "$TOKENS" "$work/tokens.txt" >/dev/null
    java "$here/Crash.java" submit "$base" "$work/tokens.txt" "$THREADS" "$work/acked.txt" &
    local client=$!
    local kill
    for kill in $(seq 1 "$KILLS"); do
        sleep "$KILL_EVERY"
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        echo "kill $kill: SIGKILL after ${KILL_EVERY}s, $(wc -l <"$work/acked.txt") acknowledged so far"
        start_server serve
    done
    wait "$client"
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
    java -cp "$jdbc_cp" "$here/Crash.java" verify "$url" "$work/acked.txt"
    cleanup
}

vendors=("$@")
[[ ${#vendors[@]} -eq 0 ]] && vendors=(sqlite postgresql)
status=0
for vendor in "${vendors[@]}"; do
    run_one "$vendor" || status=1
done
exit "$status"
