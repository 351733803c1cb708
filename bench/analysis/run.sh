#!/usr/bin/env bash
# Analysis benchmark of issue 13 (results in docs/benchmarks.md, section "Study analyses on 100 000 clients").
#
#   bench/analysis/run.sh [CLIENTS [MEETINGS]]     (default: 100000 clients, 2 meetings each)
#
# 1. starts `./alliance demo` on port $PORT on a SQLite file of its own (the application's default settings), with
#    the server heap ALLIANCE_XMX (default 512m, the launcher's default);
# 2. adds a study with bench/lib/fill_study.py: CLIENTS clients of 200 professionals, MEETINGS released alliance-client check-ins
#    each in four languages, answers from three correlated factors, a register outcome and a covariate per client;
# 3. signs in as `research` and runs, one after the other, the structure report (reliability, CFA, invariance across
#    the languages, partial invariance when a step is rejected) under MLR and the outcome report (employed_6m on
#    the alliance with age_band, clustered by professional), polling each report's page every second for its
#    progress bar and sampling the server's resident memory (ps -o rss) every 0.2 s. Prints per report the time to
#    done, the progress values seen and the server's RSS before and at most.
# Each progress value is printed with the second it was first seen. DB=FILE STUDY=ID run on a database filled before
# (KEEP=1 keeps the work folder: database, server log, the report pages). Needs: curl, python3, a JDK.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PORT="${PORT:-8131}"
CLIENTS="${1:-100000}"
MEETINGS="${2:-2}"
work="$(mktemp -d /tmp/alliance-analysis-bench-XXXXXX)"
db="${DB:-$work/analysis.db}"
# shellcheck source=../lib/demo.sh
source "$here/../lib/demo.sh"
trap demo_cleanup EXIT
start_demo

if [[ -n "${STUDY:-}" ]]; then
    study="$STUDY"
    echo "reusing study $study of $db"
else
    echo "filling: $CLIENTS clients x $MEETINGS check-ins"
    start=$(date +%s)
    study="$(python3 "$here/../lib/fill_study.py" "$db" "$CLIENTS" "$MEETINGS" analysis --professionals 200 --factors --languages nl,en,nb,da --outcomes)"
    echo "filled in $(( $(date +%s) - start )) s; database $(du -h "$db" | cut -f1); study $study"
fi

sign_in research
curl -s -c "$jar" -b "$jar" -o "$work/reports.html" "$base/research/studies/$study/reports"
token="$(csrf_of "$work/reports.html")"

rss() { ps -o rss= -p "$java_pid" | tr -d ' '; }
run() {
    local name="$1" path="$2" data="$3"
    local before max location began seen page now last=""
    before="$(rss)"; max="$before"
    began=$(date +%s%N)
    location="$(curl -s -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$token" -d "$data" \
        "$base/research/studies/$study/reports/$path")"
    [[ -n "$location" ]] || { echo "$name: not started"; return 1; }
    seen=""
    while true; do
        for _ in 1 2 3 4 5; do now="$(rss)"; (( now > max )) && max="$now"; sleep 0.2; done
        page="$(curl -s -b "$jar" "$location")"
        if grep -q '<progress' <<<"$page"; then
            now="$(grep -o '<progress[^>]*value="[0-9]*"' <<<"$page" | grep -o 'value="[0-9]*"' | tr -dc '0-9')"
            [[ "$now" != "$last" ]] && seen="$seen $now%@$(( ($(date +%s%N) - began) / 1000000000 ))s" && last="$now"
        else
            break
        fi
    done
    echo "$page" >"$work/$name.html"
    local status=done
    grep -q 'error-summary' <<<"$page" && status=failed
    printf '%s: %s in %d.%d s; progress seen:%s; server RSS %d MB before, %d MB at most\n' "$name" "$status" \
        $(( ($(date +%s%N) - began) / 1000000000 )) $(( ($(date +%s%N) - began) / 100000000 % 10 )) "$seen" \
        $(( before / 1024 )) $(( max / 1024 ))
}
run structure structure "summary=first&estimator=MLR"
run outcome outcome "outcome=employed_6m&summary=first&covariates=age_band"
grep -o 'Partial[^<]*' "$work/structure.html" | head -5 || true
