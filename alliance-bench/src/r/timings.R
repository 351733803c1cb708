# Times lavaan and lm in-process, for comparison with the JMH benchmarks in alliance-bench (docs/benchmarks.md).
# Run from the repository root, after make-data.R:
#   Rscript alliance-bench/src/r/timings.R [DATA_DIR] [REPS] [WHAT]
# WHAT: all (default), cfa (lavaan only), cfa-fiml-bfi (bfi with missing = "ml", ML and MLR: ~1.5 and ~10 s a
# fit, so give a small REPS), ols (lm only) or ols1m (lm at N = 1 000 000 only).
# Each case is run 3 times to warm up, then REPS times (default 20; 5 for the 1M-row OLS), each fit timed on
# its own with proc.time() (elapsed); prints CSV: case,what,reps,median_ms,min_ms.
#   lavaan-cfa      cfa(model, data): estimation, SEs and test, as lavaan computes them by default
#   lavaan-full     the same plus fitMeasures() and parameterEstimates(standardized = TRUE), which is everything
#                   our CfaResult holds (parameter table with std.all, all fit measures)
#   lm-formula      lm(y ~ ., data) + summary(): from a data frame, as our LinearRegression.fit(Formula, Columns)
#   lm.fit          lm.fit(cbind(1, X), y): the QR on a prepared matrix, as our LinearRegression.fit(DesignMatrix)
suppressPackageStartupMessages(library(lavaan))
args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[[1]] else "/tmp/alliance-bench"
reps <- if (length(args) >= 2) as.integer(args[[2]]) else 20L
what <- if (length(args) >= 3) args[[3]] else "all"

time_it <- function(f, reps, warmup = 3L) {
  for (i in seq_len(warmup)) f()
  t <- numeric(reps)
  for (i in seq_len(reps)) {
    s <- proc.time()[["elapsed"]]
    f()
    t[i] <- proc.time()[["elapsed"]] - s
  }
  1000 * t
}
results <- list()
report <- function(case, what, t) {
  row <- data.frame(case = case, what = what, reps = length(t),
                    median_ms = round(median(t), 2), min_ms = round(min(t), 2))
  results[[length(results) + 1]] <<- row
  write.table(row, stdout(), sep = ",", row.names = FALSE, col.names = length(results) == 1, quote = FALSE)
}

hs <- read.csv("alliance-stats/src/test/resources/data/HolzingerSwineford1939.csv")
bfi <- read.csv("alliance-stats/src/test/resources/data/bfi.csv")
hs_missing <- read.csv("alliance-bench/src/main/resources/data/hs-missing10.csv")
hs_model <- "visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9"
bfi_model <- "agree =~ A1 + A2 + A3 + A4 + A5
consc =~ C1 + C2 + C3 + C4 + C5
extra =~ E1 + E2 + E3 + E4 + E5
neuro =~ N1 + N2 + N3 + N4 + N5
open =~ O1 + O2 + O3 + O4 + O5"

cases <- list(
  "hs-3factor-ml" = function() cfa(hs_model, data = hs),
  "bfi-5factor-ml" = function() cfa(bfi_model, data = bfi),
  "hs-fiml-10pct-missing" = function() cfa(hs_model, data = hs_missing, missing = "ml"))
if (what == "cfa-fiml-bfi") {
  cases <- list(
    "bfi-fiml" = function() cfa(bfi_model, data = bfi, missing = "ml"),
    "bfi-fiml-mlr" = function() cfa(bfi_model, data = bfi, missing = "ml", estimator = "MLR"))
}
for (name in if (what %in% c("all", "cfa", "cfa-fiml-bfi")) names(cases) else character(0)) {
  fit_once <- cases[[name]]
  report(name, "lavaan-cfa", time_it(fit_once, reps))
  report(name, "lavaan-full", time_it(function() {
    f <- fit_once()
    fitMeasures(f)
    parameterEstimates(f, standardized = TRUE)
  }, reps))
}

if (what %in% c("cfa", "cfa-fiml-bfi")) quit(save = "no")
con <- file(file.path(data_dir, "ols-1000000x20.bin"), "rb")
n <- 1000000L
k <- 20L
y <- readBin(con, "double", n, size = 8, endian = "little")
X <- matrix(readBin(con, "double", n * k, size = 8, endian = "little"), n, k)
close(con)
for (rows in if (what == "ols1m") 1000000L else c(100000L, 250000L, 500000L, 1000000L)) {
  d <- data.frame(y = y[seq_len(rows)], X[seq_len(rows), , drop = FALSE])
  names(d) <- c("y", paste0("x", seq_len(k)))
  m <- cbind(1, X[seq_len(rows), , drop = FALSE])
  yy <- y[seq_len(rows)]
  ols_reps <- if (rows == n) 5L else 10L
  report(paste0("ols-", rows, "x20"), "lm-formula", time_it(function() summary(lm(y ~ ., data = d)), ols_reps, 1L))
  report(paste0("ols-", rows, "x20"), "lm.fit", time_it(function() lm.fit(m, yy), ols_reps, 1L))
}
cat("# ", R.version.string, "; lavaan ", as.character(packageVersion("lavaan")), "; BLAS ",
    extSoftVersion()[["BLAS"]], "\n", sep = "")
