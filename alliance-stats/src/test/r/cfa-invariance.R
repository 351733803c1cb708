# Reference outputs for multiple-group CFA identification and convergence (issue 15), from lavaan.
# Run from the repository root:  Rscript alliance-stats/src/test/r/cfa-invariance.R
# Reads the committed HolzingerSwineford1939.csv and writes to reference/cfa/invariance/, per case,
#   <case>-parameters.csv, <case>-fit.csv, <case>-implied.csv  (the same layout as cfa.R)
# plus grid.csv: npar, df, chisq (and chisq.scaled for MLR) of every case, 17 significant digits.
#
# The grid: HS 3-factor model grouped by grade (one row has no grade; lavaan drops it, N = 300)
#   std.lv (FALSE/TRUE) x group.equal (none / loadings / loadings+intercepts) x
#   estimator/missing (ML listwise, MLR listwise, ML with missing = "ml", MLR with missing = "ml": robust FIML).
# Then bfi (two factors, with its own missing values) by gender, std.lv, metric and scalar, FIML.
suppressPackageStartupMessages(library(lavaan))
data_dir <- "alliance-stats/src/test/resources/data"
out <- "alliance-stats/src/test/resources/reference/cfa/invariance"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

source("alliance-stats/src/test/r/lavaan-references.R") # fmt, write_table, write_fit, write_mi

hs <- read.csv(file.path(data_dir, "HolzingerSwineford1939.csv"))
hs_model <- "visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9"

grid <- list()
for (std_lv in c(FALSE, TRUE)) {
  for (equal in c("none", "loadings", "scalar")) {
    for (est in c("ml", "mlr", "fiml", "fiml-mlr")) {
      case <- paste("grade", if (std_lv) "stdlv" else "marker", equal, est, sep = "-")
      group_equal <- switch(equal, none = "", loadings = "loadings", scalar = c("loadings", "intercepts"))
      fit <- cfa(hs_model, data = hs, group = "grade", std.lv = std_lv, group.equal = group_equal,
                 estimator = if (est %in% c("mlr", "fiml-mlr")) "MLR" else "ML",
                 missing = if (est %in% c("fiml", "fiml-mlr")) "ml" else "listwise")
      stopifnot(lavInspect(fit, "converged"))
      write_fit(fit, case)
      fm <- fitMeasures(fit)
      grid[[length(grid) + 1]] <- data.frame(
        case = case, std.lv = std_lv, group.equal = equal, estimator = est,
        ntotal = lavInspect(fit, "ntotal"), npar = fm[["npar"]], df = fm[["df"]], chisq = fm[["chisq"]],
        chisq.scaled = if (est %in% c("mlr", "fiml-mlr")) fm[["chisq.scaled"]] else NA)
    }
  }
}
# With real missing values (bfi, FIML), grouped by gender: the std.lv rules where missingness matters.
bfi <- read.csv(file.path(data_dir, "bfi.csv"))
bfi_model <- "agree =~ A1 + A2 + A3 + A4 + A5
consc =~ C1 + C2 + C3 + C4 + C5"
for (equal in c("loadings", "scalar")) {
  case <- paste("bfi-gender-stdlv", equal, "fiml", sep = "-")
  group_equal <- switch(equal, loadings = "loadings", scalar = c("loadings", "intercepts"))
  fit <- cfa(bfi_model, data = bfi, group = "gender", std.lv = TRUE, group.equal = group_equal, missing = "ml")
  stopifnot(lavInspect(fit, "converged"))
  write_fit(fit, case)
  fm <- fitMeasures(fit)
  grid[[length(grid) + 1]] <- data.frame(
    case = case, std.lv = TRUE, group.equal = equal, estimator = "fiml",
    ntotal = lavInspect(fit, "ntotal"), npar = fm[["npar"]], df = fm[["df"]], chisq = fm[["chisq"]],
    chisq.scaled = NA)
}
write_table(do.call(rbind, grid), "grid.csv")

writeLines(c(
  paste("R", paste(R.version$major, R.version$minor, sep = ".")),
  paste("lavaan", as.character(packageVersion("lavaan")))
), file.path(out, "VERSIONS.txt"))
