#!/usr/bin/env bash
# Whole-process timings of the command line next to R (issue 15, docs/benchmarks.md "Whole process: the command
# line next to R"): every run is a fresh process, wall time and peak RSS from GNU time, ours and R's interleaved
# (the order alternates per repetition) so both see the same load.
#   (a) OLS on a 200 000 x 20 CSV (make-ols.R): `alliance regress --formula "y ~ ."` vs Rscript read.csv + lm
#       and data.table::fread + lm (r-cran-data.table), each printing summary().
#   (b) nine CFA cases: `alliance cfa --format text` vs Rscript cfa-case.R (read.csv, lavaan::cfa, summary with fit
#       measures and standardized estimates).
# Usage: bench/cli/run.sh [ols|cfa|all] (default all); REPS=5; OUT=results file (default a temporary one);
#        ALLIANCE=the launcher to time (default ./alliance of this checkout).
# Prints one line per run (rep, case, tool, wall s, peak RSS KiB) and then the medians (summarise.R).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
what="${1:-all}"
reps="${REPS:-5}"
alliance="${ALLIANCE:-$root/alliance}"
work="${WORK:-/tmp/alliance-bench-cli}"
out="${OUT:-$(mktemp /tmp/alliance-bench-cli.XXXXXX.tsv)}"
mkdir -p "$work"
cd "$root"
csv="$work/ols-200000x20.csv"
[[ -f "$csv" ]] || Rscript "$here/make-ols.R" "$csv"
# The launcher builds the jar on its first run and writes a command's class-data-sharing archive on the command's
# first run: not timed.
"$alliance" --version >/dev/null
"$alliance" regress --formula 'y ~ x1' --format text alliance-stats/src/test/resources/data/HolzingerSwineford1939.csv \
    >/dev/null 2>&1 || true
"$alliance" cfa --model 'f =~ x1 + x2 + x3' --format text alliance-stats/src/test/resources/data/HolzingerSwineford1939.csv \
    >/dev/null 2>&1 || true

hs_model=$'visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9'
bfi_model=$'agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5\nextra =~ E1 + E2 + E3 + E4 + E5\nneuro =~ N1 + N2 + N3 + N4 + N5\nopen =~ O1 + O2 + O3 + O4 + O5'
hs=alliance-stats/src/test/resources/data/HolzingerSwineford1939.csv
bfi=alliance-stats/src/test/resources/data/bfi.csv
hs10=alliance-bench/src/main/resources/data/hs-missing10.csv
# Per case: the model, the options and the data file of `alliance cfa` (cfa-case.R fits the same in lavaan).
declare -A options=(
    [hs-ml]="" [hs-stdlv]="--std-lv" [hs-mlr]="--estimator=mlr" [hs-fiml-10pct]="--missing=ml"
    [hs-configural]="--group=school" [hs-metric]="--group=school --group-equal=loadings"
    [hs-scalar]="--group=school --group-equal=loadings,intercepts" [bfi-ml]="" [bfi-mlr]="--estimator=mlr"
)
cfa_cases=(hs-ml hs-stdlv hs-mlr hs-fiml-10pct hs-configural hs-metric hs-scalar bfi-ml bfi-mlr)

# time_one REP CASE TOOL COMMAND...: one fresh process, its output discarded (a failure stops the benchmark).
time_one() {
    local rep="$1" case="$2" tool="$3" stats
    shift 3
    stats="$(mktemp)"
    if ! /usr/bin/time -f "%e %M" -o "$stats" "$@" >/dev/null 2>"$stats.err"; then
        echo "failed: $*" >&2
        cat "$stats.err" >&2
        exit 1
    fi
    printf '%s\t%s\t%s\t%s\n' "$rep" "$case" "$tool" "$(tr ' ' '\t' <"$stats")" | tee -a "$out"
    rm -f "$stats" "$stats.err"
}
ols_alliance() { time_one "$1" ols-200000x20 alliance "$alliance" regress --formula 'y ~ .' --format text "$csv"; }
ols_readcsv() {
    time_one "$1" ols-200000x20 read.csv+lm Rscript -e \
        "d <- read.csv('$csv'); print(summary(lm(y ~ ., data = d)))"
}
ols_fread() {
    time_one "$1" ols-200000x20 fread+lm Rscript -e \
        "suppressPackageStartupMessages(library(data.table)); d <- fread('$csv'); print(summary(lm(y ~ ., data = d)))"
}
cfa_alliance() {
    local model="$hs_model" data="$hs"
    case "$2" in
        bfi-*) model="$bfi_model" data="$bfi" ;;
        hs-fiml-10pct) data="$hs10" ;;
    esac
    # shellcheck disable=SC2086
    time_one "$1" "$2" alliance "$alliance" cfa --format text --model="$model" ${options[$2]} "$data"
}
cfa_lavaan() { time_one "$1" "$2" lavaan Rscript "$here/cfa-case.R" "$2"; }

printf 'rep\tcase\ttool\twall_s\trss_kib\n' >"$out"
echo "# $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo +changes);" \
    "load $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" | tee "$out.meta"
for rep in $(seq 1 "$reps"); do
    if [[ "$what" == ols || "$what" == all ]]; then
        if ((rep % 2)); then
            ols_alliance "$rep"; ols_readcsv "$rep"; ols_fread "$rep"
        else
            ols_fread "$rep"; ols_readcsv "$rep"; ols_alliance "$rep"
        fi
    fi
    if [[ "$what" == cfa || "$what" == all ]]; then
        for case in "${cfa_cases[@]}"; do
            if ((rep % 2)); then
                cfa_alliance "$rep" "$case"; cfa_lavaan "$rep" "$case"
            else
                cfa_lavaan "$rep" "$case"; cfa_alliance "$rep" "$case"
            fi
        done
    fi
done
echo "# end $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out.meta"
Rscript "$here/summarise.R" "$out"
echo "results: $out"
