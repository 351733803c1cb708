# Medians of a bench/cli/run.sh results file: per case and tool, wall time and peak RSS, and the ratio of our
# wall time to each R tool's (below 1: we are faster). Usage: Rscript bench/cli/summarise.R RESULTS.tsv
r <- read.delim(commandArgs(trailingOnly = TRUE)[[1]])
m <- aggregate(cbind(wall_s, rss_kib) ~ case + tool, r, median)
n <- aggregate(wall_s ~ case + tool, r, length)
m$runs <- n$wall_s[match(paste(m$case, m$tool), paste(n$case, n$tool))]
m$rss_mib <- round(m$rss_kib / 1024)
ours <- m[m$tool == "alliance", c("case", "wall_s")]
m$ratio_ours_to_this <- round(ours$wall_s[match(m$case, ours$case)] / m$wall_s, 2)
m <- m[order(match(m$case, unique(r$case)), m$tool != "alliance"), c("case", "tool", "runs", "wall_s", "rss_mib",
                                                                      "ratio_ours_to_this")]
print(m, row.names = FALSE)
cfa <- m[m$case != "ols-200000x20", ]
if (all(c("alliance", "lavaan") %in% cfa$tool)) {
  total <- tapply(cfa$wall_s, cfa$tool, sum)
  cat(sprintf("CFA, sum of the medians over %d cases: alliance %.2f s, lavaan %.2f s, ratio %.2f\n",
              length(unique(cfa$case)), total[["alliance"]], total[["lavaan"]], total[["alliance"]] / total[["lavaan"]]))
}
