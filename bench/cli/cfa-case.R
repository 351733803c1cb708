# One CFA case of bench/cli/run.sh as a fresh R process: read the CSV, fit with lavaan, print what
# `alliance cfa --format text` prints (fit measures, the parameter table with standardized estimates).
# Usage: Rscript bench/cli/cfa-case.R CASE   (from the repository root; the cases are those of run.sh)
suppressPackageStartupMessages(library(lavaan))
case <- commandArgs(trailingOnly = TRUE)[[1]]
hs_model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
bfi_model <- paste("agree =~ A1 + A2 + A3 + A4 + A5", "consc =~ C1 + C2 + C3 + C4 + C5",
                   "extra =~ E1 + E2 + E3 + E4 + E5", "neuro =~ N1 + N2 + N3 + N4 + N5",
                   "open =~ O1 + O2 + O3 + O4 + O5", sep = "\n")
hs <- "alliance-stats/src/test/resources/data/HolzingerSwineford1939.csv"
bfi <- "alliance-stats/src/test/resources/data/bfi.csv"
fit <- switch(case,
  "hs-ml" = cfa(hs_model, data = read.csv(hs)),
  "hs-stdlv" = cfa(hs_model, data = read.csv(hs), std.lv = TRUE),
  "hs-mlr" = cfa(hs_model, data = read.csv(hs), estimator = "MLR"),
  "hs-fiml-10pct" = cfa(hs_model, data = read.csv("alliance-bench/src/main/resources/data/hs-missing10.csv"),
                        missing = "ml"),
  "hs-configural" = cfa(hs_model, data = read.csv(hs), group = "school"),
  "hs-metric" = cfa(hs_model, data = read.csv(hs), group = "school", group.equal = "loadings"),
  "hs-scalar" = cfa(hs_model, data = read.csv(hs), group = "school", group.equal = c("loadings", "intercepts")),
  "bfi-ml" = cfa(bfi_model, data = read.csv(bfi)),
  "bfi-mlr" = cfa(bfi_model, data = read.csv(bfi), estimator = "MLR"),
  stop("unknown case ", case))
summary(fit, fit.measures = TRUE, standardized = TRUE)
