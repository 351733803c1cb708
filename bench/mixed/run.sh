#!/usr/bin/env bash
# The InstEval-sized mixed model (issue 15): lme4::lmer next to `alliance mixed`, one after the other on the
# same machine, whole process, wall time and peak RSS from GNU time. Needs r-cran-lme4 and a built alliance.jar.
# Usage: bench/mixed/run.sh   (figures go to docs/benchmarks.md by hand, with the machine's load)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
work="${WORK:-$(mktemp -d)}"
jar="$root/alliance-app/target/alliance.jar"
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -B -q -pl alliance-app -am package -DskipTests -Djacoco.skip=true)
cd "$work"
Rscript "$here/make-insteval.R"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== lme4::lmer (REML)"
/usr/bin/time -f "wall %e s, peak RSS %M KiB" Rscript "$here/lmer-insteval.R"
echo "== alliance mixed (REML)"
/usr/bin/time -f "wall %e s, peak RSS %M KiB" java -jar "$jar" mixed \
    --formula 'y ~ service + (1|s) + (1|d)' --format text insteval.csv
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
