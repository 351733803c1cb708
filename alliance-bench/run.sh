#!/usr/bin/env bash
# Runs the whole comparison of docs/benchmarks.md on this machine, from the repository root:
#   alliance-bench/run.sh [OUT_DIR]        (default OUT_DIR /tmp/alliance-bench)
# 1. make-data.R writes the OLS data (and the committed HS file with 10 % missing values) if absent;
# 2. builds the JMH jar (-Pbench; tests skipped, they are not what is measured);
# 3. JMH: CFA benchmarks, then OLS at N = 100k, 250k, 500k, 1M with the GC profiler (bytes allocated per fit);
# 4. timings.R: lavaan and lm in one R process, on the same files.
# The load average is printed before and after each step: the machine is shared.
set -euo pipefail
out="${1:-/tmp/alliance-bench}"
mkdir -p "$out"
if [[ ! -f "$out/ols-1000000x20.bin" ]]; then
  Rscript alliance-bench/src/r/make-data.R "$out"
fi
./mvnw -q -B -Pbench -pl alliance-bench -am package -DskipTests
echo "load before JMH: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar alliance-bench/target/benchmarks.jar CfaBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s \
  -rf json -rff "$out/jmh-cfa.json" | tee "$out/jmh-cfa.txt"
echo "load after JMH CFA: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar alliance-bench/target/benchmarks.jar OlsBenchmark -jvmArgsAppend "-Dalliance.bench.dir=$out" -f 1 -wi 2 -i 5 -w 5s -r 5s \
  -prof gc -rf json -rff "$out/jmh-ols.json" | tee "$out/jmh-ols.txt"
echo "load after JMH OLS: $(cut -d' ' -f1-3 /proc/loadavg)"
Rscript alliance-bench/src/r/timings.R "$out" | tee "$out/r-timings.csv"
echo "load after R: $(cut -d' ' -f1-3 /proc/loadavg)"
