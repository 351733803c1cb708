#!/usr/bin/env bash
# The CFA and the 1M-row OLS comparison with R and JMH running AT THE SAME TIME, so that on a shared machine
# both see the same outside load (each also slows the other a little). From the repository root, after run.sh
# (or make-data.R and the -Pbench package) has been run:  alliance-bench/run-side-by-side.sh [OUT_DIR]
set -euo pipefail
out="${1:-/tmp/alliance-bench}/side-by-side"
mkdir -p "$out"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
Rscript alliance-bench/src/r/timings.R "${1:-/tmp/alliance-bench}" 20 cfa > "$out/r-cfa.csv" &
java -jar alliance-bench/target/benchmarks.jar CfaBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s \
  -rf json -rff "$out/jmh-cfa.json" > "$out/jmh-cfa.txt"
wait
echo "load after CFA: $(cut -d' ' -f1-3 /proc/loadavg)"
Rscript alliance-bench/src/r/timings.R "${1:-/tmp/alliance-bench}" 20 ols1m > "$out/r-ols.csv" &
java -jar alliance-bench/target/benchmarks.jar OlsBenchmark -p rows=1000000 -f 1 -wi 1 -i 5 -w 5s -r 5s \
  -jvmArgsAppend "-Dalliance.bench.dir=${1:-/tmp/alliance-bench}" -rf json -rff "$out/jmh-ols.json" > "$out/jmh-ols.txt"
wait
echo "load after OLS: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$out/r-cfa.csv" "$out/r-ols.csv" | grep -v '^#' | awk 'NR == 1 || !/^case/' > "$out/r-timings.csv"
