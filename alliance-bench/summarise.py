#!/usr/bin/env python3
"""Prints the markdown tables of docs/benchmarks.md from the files alliance-bench/run.sh writes.

usage: alliance-bench/summarise.py [OUT_DIR]   (default /tmp/alliance-bench)
JMH: mean of the measurement iterations and the median and minimum of the per-iteration averages;
R: median and minimum of single fits. Ratios are R / ours (above 1: we are faster)."""
import csv
import json
import sys
from statistics import median

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/alliance-bench"


def jmh(name):
    rows = {}
    for b in json.load(open(f"{out}/{name}")):
        key = b["benchmark"].split(".")[-1]
        if b.get("params"):
            key += "@" + b["params"]["rows"]
        raw = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
        alloc = b.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score", float("nan"))
        rows[key] = (b["primaryMetric"]["score"], median(raw), min(raw), alloc)
    return rows


r = {}
for row in csv.DictReader(line for line in open(f"{out}/r-timings.csv") if not line.startswith("#")):
    r[(row["case"], row["what"])] = (float(row["median_ms"]), float(row["min_ms"]))

cfa = jmh("jmh-cfa.json")
print("| model | ours: mean / median / min (ms) | lavaan cfa(): median / min | lavaan cfa() + fitMeasures + std: median / min"
      " | ratio, median (cfa() / full) | ratio, min (cfa() / full) |")
print("|---|---|---|---|---|---|")
for ours, case in [("hs3FactorMl", "hs-3factor-ml"), ("bfi5FactorMl", "bfi-5factor-ml"),
                   ("hsFimlMissing10", "hs-fiml-10pct-missing")]:
    mean, med, mn, _ = cfa[ours]
    c, f = r[(case, "lavaan-cfa")], r[(case, "lavaan-full")]
    print(f"| {case} | {mean:.2f} / {med:.2f} / {mn:.2f} | {c[0]:.0f} / {c[1]:.0f} | {f[0]:.0f} / {f[1]:.0f} "
          f"| {c[0] / med:.0f}× / {f[0] / med:.0f}× | {c[1] / mn:.0f}× / {f[1] / mn:.0f}× |")

ols = jmh("jmh-ols.json")
print()
print("| N × 20 | ours fromColumns: mean / median / min (ms) | lm(y ~ .) + summary: median / min | ratio median / min"
      " | ours fromDesign: mean / median / min | lm.fit: median / min | ratio median / min"
      " | allocated per fit (fromColumns / fromDesign) |")
print("|---|---|---|---|---|---|---|---|")
for n in ["100000", "250000", "500000", "1000000"]:
    if f"fromColumns@{n}" not in ols or (f"ols-{n}x20", "lm.fit") not in r:
        continue
    a, d = ols[f"fromColumns@{n}"], ols[f"fromDesign@{n}"]
    lf, lm = r[(f"ols-{n}x20", "lm-formula")], r[(f"ols-{n}x20", "lm.fit")]
    print(f"| {int(n):,} | {a[0]:.0f} / {a[1]:.0f} / {a[2]:.0f} | {lf[0]:.0f} / {lf[1]:.0f} "
          f"| {lf[0] / a[1]:.1f}× / {lf[1] / a[2]:.1f}× | {d[0]:.0f} / {d[1]:.0f} / {d[2]:.0f} | {lm[0]:.0f} / {lm[1]:.0f} "
          f"| {lm[0] / d[1]:.1f}× / {lm[1] / d[2]:.1f}× | {a[3] / 1e6:.1f} MB ({a[3] / int(n):.0f} B/row) / "
          f"{d[3] / 1e6:.1f} MB ({d[3] / int(n):.0f} B/row) |")
