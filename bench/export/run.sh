#!/usr/bin/env bash
# Export benchmark of issue 13 (results in docs/benchmarks.md, section "Research export").
#
#   bench/export/run.sh [CLIENTS_SMALL CLIENTS_LARGE]     (default: 10000 and 100000 clients, 10 meetings each)
#
# 1. starts `./alliance demo` on port $PORT on a SQLite file of its own with the application's default settings (WAL,
#    busy_timeout; the demo's seeded data), with the server heap ALLIANCE_XMX (default 512m, the launcher's default);
# 2. adds two studies with bench/lib/fill_study.py: CLIENTS_SMALL x 10 and CLIENTS_LARGE x 10 released check-ins (twelve answers
#    each), each in a team of its own;
# 3. signs in as `research` and downloads each study's export.zip with curl, first the small one and then the large
#    one, sampling the server's resident memory (ps -o rss) every 0.2 s; reports per export the rows in data.csv,
#    the zip's size, curl's time to the first byte and in total, and the server's RSS before and at most during the download.
# KEEP=1 keeps the work folder (database, last zip, server log). Needs: curl, python3, unzip, a JDK. Output: stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PORT="${PORT:-8098}"
SMALL="${1:-10000}"
LARGE="${2:-100000}"
work="$(mktemp -d /tmp/alliance-export-bench-XXXXXX)"
db="$work/export.db"
# shellcheck source=../lib/demo.sh
source "$here/../lib/demo.sh"
trap demo_cleanup EXIT
start_demo

echo "filling: $SMALL and $LARGE clients x 10 check-ins"
start=$(date +%s)
small="$(python3 "$here/../lib/fill_study.py" "$db" "$SMALL" 10 small --shift-dates)"
large="$(python3 "$here/../lib/fill_study.py" "$db" "$LARGE" 10 large --shift-dates)"
echo "filled in $(( $(date +%s) - start )) s; database $(du -h "$db" | cut -f1)"

sign_in research

rss() { ps -o rss= -p "$java_pid" | tr -d ' '; }
for study in "$small" "$large"; do
    before="$(rss)"
    max="$before"
    curl -s -b "$jar" -o "$work/export.zip" -w '%{http_code} %{time_starttransfer} %{time_total}\n' \
        "$base/research/studies/$study/export.zip" >"$work/curl.txt" &
    curl_pid=$!
    while kill -0 "$curl_pid" 2>/dev/null; do
        now="$(rss)"; (( now > max )) && max="$now"
        sleep 0.2
    done
    wait "$curl_pid"
    read -r status first seconds <"$work/curl.txt"
    rows=$(( $(unzip -p "$work/export.zip" data.csv | wc -l) - 1 ))
    printf 'study %s: HTTP %s, %d rows, zip %s, first byte after %.2f s, all in %.1f s, server RSS %d MB before, %d MB at most\n' \
        "$study" "$status" "$rows" "$(du -h "$work/export.zip" | cut -f1)" "$first" "$seconds" \
        $(( before / 1024 )) $(( max / 1024 ))
done
python3 - "$db" <<'PY'
import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(
        "SELECT actor, subject FROM audit_log WHERE action = 'study exported' ORDER BY id"):
    print("audit:", *row)
PY
