#!/usr/bin/env bash
# Web benchmark of issue 3 (results in docs/benchmarks.md, section "Web application").
#
#   bench/web/run.sh [sqlite|postgresql ...]      (default: both; run from anywhere, as root or a normal user)
#
# For each database it:
#   1. starts `./alliance demo` on port $PORT with a bigger demo (100 clients, a year of meetings, seed 42) on that
#      database: SQLite data/demo.db (WAL, synchronous=NORMAL, the application's default URL), or a throwaway
#      PostgreSQL cluster from the Debian binaries (default durability: fsync and synchronous_commit on; started as
#      the postgres OS user when run as root);
#   2. warms up (SUBMIT_WARMUP of submissions, unrecorded: long enough for the JIT to finish compiling the submit
#      path on two cores, so the rounds measure the steady state a running server is in), then runs ROUNDS rounds of: the raw insert rate of the same
#      database with plain JDBC (BenchDb.java raw: what one stored submission writes, one transaction each) over 1
#      connection and over RAW_THREADS connections, right away followed by check-in submissions at POST /c/{token}
#      with wrk (submit.lua: a distinct pre-issued token per request, BenchDb.java issue). The machine is shared, so
#      the ratio submissions/raw is taken within a round. Then it checks that no invitation was consumed without
#      its check-in;
#   3. (first, before 2) measures the professional's client page GET /clients/{id} with wrk (page.lua) over one professional's
#      clients (a year of meetings each), after a warm-up, with 1 connection and with PAGE_CONNECTIONS;
#   4. samples the server's resident memory (ps -o rss) every half second during 2 and 3 and reports the maximum.
# Environment (defaults): PORT (8097), DURATION (15s), WARMUP (10s, page warm-up), SUBMIT_WARMUP (30s), ROUNDS (3), SUBMIT_CONNECTIONS (8),
# PAGE_CONNECTIONS (4), RAW_COUNT (3000), RAW_THREADS (4), TOKENS per round (80000: more than 15 s of submissions), WARMUP_TOKENS (100000),
# ALLIANCE_XMX (server heap, as for ./alliance; default 512m), JAVA_OPTS (passed on to the server, as for ./alliance),
# SUBMIT_PATH (the path before the token in submit.lua; default /c/; /c/raw/ for the ceiling experiment).
# Needs: wrk, curl, a JDK, and for PostgreSQL the Debian postgresql package. Output goes to stdout and
# bench/web/out/<database>.log.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PORT="${PORT:-8097}"
DURATION="${DURATION:-15s}"
SUBMIT_CONNECTIONS="${SUBMIT_CONNECTIONS:-8}"
PAGE_CONNECTIONS="${PAGE_CONNECTIONS:-4}"
RAW_COUNT="${RAW_COUNT:-3000}"
RAW_THREADS="${RAW_THREADS:-4}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-10s}"
SUBMIT_WARMUP="${SUBMIT_WARMUP:-30s}"
WARMUP_TOKENS="${WARMUP_TOKENS:-100000}"
TOKENS="${TOKENS:-80000}"
base="http://127.0.0.1:$PORT"
out="$here/out"
mkdir -p "$out"
work="$(mktemp -d /tmp/alliance-bench-XXXXXX)"
chmod 755 "$work"

jdbc_cp="$(find "$HOME/.m2/repository/org/xerial/sqlite-jdbc" -name 'sqlite-jdbc-*.jar' | sort | tail -1):$(
    find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)"
db() { java -cp "$jdbc_cp" "$here/BenchDb.java" "$@"; }

# shellcheck source=../lib/postgres.sh
source "$here/../lib/postgres.sh"
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    server_pid=""
    stop_postgres
}
trap 'cleanup; rm -rf "$work"' EXIT

start_server() {
    local url="$1"
    local args=(demo "--server.port=$PORT" --alliance.demo.clients=100 --alliance.demo.months=12)
    [[ "$url" == jdbc:postgresql:* ]] && args+=("--spring.datasource.url=$url")
    (cd "$root" && exec ./alliance "${args[@]}") >"$work/server.log" 2>&1 &
    server_pid=$!
    local started=$SECONDS
    until grep -q "Alliance demo is running" "$work/server.log" 2>/dev/null; do
        if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log"; exit 1; fi
        sleep 0.5
    done
    echo "demo started in $((SECONDS - started)) s: $(grep -o 'Demo database filled.*' "$work/server.log")"
}

# CPU seconds (user + system) the server process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$server_pid/stat"; }

session_cookie() { awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$1" | tail -1; }

csrf_of() { grep -o 'name="_csrf"[^>]*value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }

rss_sampler() {
    local max=0 rss
    while kill -0 "$server_pid" 2>/dev/null; do
        rss="$(ps -o rss= -p "$server_pid" | tr -d ' ')"
        [[ -n "$rss" && "$rss" -gt "$max" ]] && max="$rss" && echo "$max" >"$work/rss.max"
        sleep 0.5
    done
}

# The professional's client page, measured on the demo's own data (a year of meetings for each client) BEFORE
# the submission rounds add tens of thousands of check-ins to the same meetings.
measure_page() {
    local url="$1" jar session cpu0 cpu1
    echo "--- client page of professional 'anouk' (wrk, $DURATION)"
    jar="$work/pro.cookies"
    curl -s -c "$jar" -b "$jar" -o "$work/login.html" "$base/login"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(csrf_of "$work/login.html")" \
        -d "username=anouk&password=demo" "$base/login"
    # The session cookie: SESSION since sessions live in the database (Spring Session), JSESSIONID before.
    session="$(session_cookie "$jar")"
    mapfile -t ids < <(curl -s -b "$jar" "$base/caseload" | grep -o 'href="/clients/[0-9]*"' | grep -o '[0-9]*')
    if [[ ${#ids[@]} -eq 0 ]]; then echo "sign-in failed: no clients on /caseload (cookie '$session')"; exit 1; fi
    echo "${#ids[@]} clients; meetings per client: $(db count "$url" \
        "SELECT COUNT(*) / COUNT(DISTINCT client_id) FROM meeting WHERE client_id IN ($(IFS=,; echo "${ids[*]}"))")"
    echo "(warm-up: $WARMUP of client pages, not counted)"
    wrk -t2 -c"$PAGE_CONNECTIONS" -d"$WARMUP" -s "$here/page.lua" -H "Cookie: $session" "$base" -- "${ids[@]}" >/dev/null
    echo "--- load average $(cut -d' ' -f1-3 /proc/loadavg)"
    wrk -t1 -c1 -d"$DURATION" -s "$here/page.lua" -H "Cookie: $session" "$base" -- "${ids[@]}"
    cpu0="$(cpu_seconds)"
    wrk -t2 -c"$PAGE_CONNECTIONS" -d"$DURATION" -s "$here/page.lua" -H "Cookie: $session" "$base" -- "${ids[@]}"
    cpu1="$(cpu_seconds)"
    echo "server CPU during the $PAGE_CONNECTIONS-connection page run: $(echo "$cpu1 - $cpu0" | bc) s"
}

run_one() {
    local vendor="$1" url
    trap cleanup EXIT
    echo "=== $vendor ($(date -u +%FT%TZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
    if [[ "$vendor" == postgresql ]]; then
        start_postgres
        url="$pg_url"
    else
        url="jdbc:sqlite:$root/data/demo.db?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL&transaction_mode=IMMEDIATE"
    fi
    start_server "$url"
    echo "server RSS after start: $(ps -o rss= -p "$server_pid" | tr -d ' ') KiB"

    echo 0 >"$work/rss.max"
    rss_sampler &
    local sampler=$!
    measure_page "$url"

    db issue "$url" "$WARMUP_TOKENS" "$work/warmup.txt"
    # The client's check-in has no server session (since 2026-12-03): the form sets no session cookie and carries
    # no CSRF token, so the submissions send neither, as a phone does.
    local jar="$work/client.cookies"
    curl -s -c "$jar" -b "$jar" -o "$work/form.html" "$base/c/$(head -1 "$work/warmup.txt")"
    if [[ -n "$(session_cookie "$jar")" ]]; then echo "note: the check-in form set a session cookie"; fi
    echo "(warm-up: $SUBMIT_WARMUP of submissions with other tokens, not counted)"
    wrk -t2 -c"$SUBMIT_CONNECTIONS" -d"$SUBMIT_WARMUP" -s "$here/submit.lua" "$base" \
        -- "$work/warmup.txt" 2 warmup >/dev/null
    # The machine is shared, so its load changes from minute to minute: each round measures the raw insert rate
    # right before the submissions, and the ratio is taken within the round.
    local round cpu0 cpu1
    for round in $(seq 1 "$ROUNDS"); do
        echo "--- round $round: load average $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "raw insert rate (plain JDBC, same database and durability):"
        db raw "$url" "$RAW_COUNT" 1
        db raw "$url" "$RAW_COUNT" "$RAW_THREADS"
        echo "check-in submissions (wrk, $SUBMIT_CONNECTIONS connections, $DURATION):"
        db issue "$url" "$TOKENS" "$work/tokens-$round.txt" >/dev/null
        cpu0="$(cpu_seconds)"
        wrk -t2 -c"$SUBMIT_CONNECTIONS" -d"$DURATION" -s "$here/submit.lua" \
            "$base" -- "$work/tokens-$round.txt" 2 | grep -E '^(submissions|submit latency)'
        cpu1="$(cpu_seconds)"
        echo "server CPU during the submissions: $(echo "$cpu1 - $cpu0" | bc) s"
    done
    echo "stored check-ins with a benchmark key: $(db count "$url" "SELECT COUNT(*) FROM check_in WHERE idempotency_key LIKE 'bench-%'")"
    echo "consumed benchmark invitations without a check-in (must be 0): $(db count "$url" \
        "SELECT COUNT(*) FROM check_in_invitation i WHERE consumed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM check_in c WHERE c.invitation_id = i.id)")"

    kill "$sampler" 2>/dev/null || true
    echo "server RSS, maximum under load: $(cat "$work/rss.max") KiB (heap -Xmx${ALLIANCE_XMX:-512m})"
    cleanup
}

vendors=("$@")
[[ ${#vendors[@]} -eq 0 ]] && vendors=(sqlite postgresql)
for vendor in "${vendors[@]}"; do
    run_one "$vendor" 2>&1 | tee "$out/$vendor.log"
done
