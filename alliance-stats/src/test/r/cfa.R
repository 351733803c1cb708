# Reference outputs for confirmatory factor analysis (org.alliance.stats.factor), from lavaan.
# Run from the repository root:  Rscript alliance-stats/src/test/r/cfa.R
# Reads the committed CSVs (not the package data) and writes, per case,
#   <case>-parameters.csv  parameterEstimates(fit, standardized = TRUE)
#   <case>-fit.csv         fitMeasures(fit) as name,value
#   <case>-implied.csv     model-implied covariance (and means) per group
# plus comparison tables and non-central chi-square cdf values, all with 17 significant digits.
suppressPackageStartupMessages(library(lavaan))
data_dir <- "alliance-stats/src/test/resources/data"
out <- "alliance-stats/src/test/resources/reference/cfa"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

source("alliance-stats/src/test/r/lavaan-references.R") # fmt, write_table, write_fit, write_mi

hs <- read.csv(file.path(data_dir, "HolzingerSwineford1939.csv"))
bfi <- read.csv(file.path(data_dir, "bfi.csv"))

hs_model <- "visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9"
hs_rescov_model <- paste(hs_model, "x7 ~~ x8", sep = "\n")
bfi_model <- "agree =~ A1 + A2 + A3 + A4 + A5
consc =~ C1 + C2 + C3 + C4 + C5
extra =~ E1 + E2 + E3 + E4 + E5
neuro =~ N1 + N2 + N3 + N4 + N5
open =~ O1 + O2 + O3 + O4 + O5"

hs_ml <- write_fit(cfa(hs_model, data = hs), "hs-ml")
write_fit(cfa(hs_model, data = hs, std.lv = TRUE), "hs-stdlv")
hs_rescov <- write_fit(cfa(hs_rescov_model, data = hs), "hs-rescov")
write_fit(cfa("visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", data = hs), "hs-labels")
write_fit(cfa("f =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9", data = hs), "hs-onefactor")
hs_mlr <- write_fit(cfa(hs_model, data = hs, estimator = "MLR"), "hs-mlr")
hs_rescov_mlr <- write_fit(cfa(hs_rescov_model, data = hs, estimator = "MLR"), "hs-rescov-mlr")
configural <- write_fit(cfa(hs_model, data = hs, group = "school"), "hs-configural")
metric <- write_fit(cfa(hs_model, data = hs, group = "school", group.equal = "loadings"), "hs-metric")
scalar <- write_fit(cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts")), "hs-scalar")
write_fit(cfa(hs_model, data = hs, group = "school", group.equal = "loadings", estimator = "MLR"), "hs-metric-mlr")
write_fit(cfa(bfi_model, data = bfi), "bfi-ml")
write_fit(cfa(bfi_model, data = bfi, estimator = "MLR"), "bfi-mlr")
write_fit(cfa(bfi_model, data = bfi, missing = "ml"), "bfi-fiml")
write_fit(cfa(hs_model, data = hs, missing = "ml"), "hs-fiml-complete")
write_fit(cfa("agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5", data = bfi,
              group = "gender", group.equal = "loadings", missing = "ml"), "bfi-gender-metric-fiml")
# Robust FIML (estimator = "MLR" with missing = "ml"): sandwich SEs from the observed information and the casewise
# FIML scores, Yuan-Bentler-Mplus scaled test with the saturated model at its EM estimates.
write_fit(cfa(bfi_model, data = bfi, estimator = "MLR", missing = "ml"), "bfi-fiml-mlr")
write_fit(cfa(hs_model, data = hs, estimator = "MLR", missing = "ml"), "hs-fiml-complete-mlr")
write_fit(cfa("agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5", data = bfi,
              group = "gender", group.equal = "loadings", missing = "ml", estimator = "MLR"),
          "bfi-gender-metric-fiml-mlr")

write_lrt <- function(name, ...) {
  t <- as.data.frame(lavTestLRT(...))
  t <- cbind(model = rownames(t), t)
  map <- c(Df = "df", AIC = "aic", BIC = "bic", Chisq = "chisq", "Chisq diff" = "chisq.diff",
           RMSEA = "rmsea", "Df diff" = "df.diff", "Pr(>Chisq)" = "pvalue")
  names(t) <- c("model", map[names(t)[-1]])
  write_table(t, paste0("compare-", name, ".csv"))
}
write_lrt("hs-ml-rescov", hs_ml, hs_rescov)
write_lrt("hs-mlr-rescov", hs_mlr, hs_rescov_mlr)
write_lrt("hs-invariance", configural, metric, scalar)

# Partial invariance (group.partial) and the invariance steps under MLR (the command line's --compare).
write_fit(cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts"),
              group.partial = c("x3 ~ 1", "x7 ~ 1")), "hs-scalar-partial")
write_fit(cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts"),
              group.partial = c("visual =~ x2", "x3 ~ 1"), estimator = "MLR"), "hs-scalar-partial-mlr")
configural_mlr <- cfa(hs_model, data = hs, group = "school", estimator = "MLR")
metric_mlr <- cfa(hs_model, data = hs, group = "school", group.equal = "loadings", estimator = "MLR")
scalar_mlr <- cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts"), estimator = "MLR")
write_lrt("hs-invariance-mlr", configural_mlr, metric_mlr, scalar_mlr)
# The invariance steps under robust FIML: bfi's agree and consc items by gender, with bfi's own missing values.
bfi2_model <- "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5"
bfi2_steps <- lapply(list("", "loadings", c("loadings", "intercepts")), function(equal)
  cfa(bfi2_model, data = bfi, group = "gender", group.equal = equal, estimator = "MLR", missing = "ml"))
write_lrt("bfi-gender-invariance-fiml-mlr", bfi2_steps[[1]], bfi2_steps[[2]], bfi2_steps[[3]])
for (i in 1:3) {
  fm <- fitMeasures(bfi2_steps[[i]], c("cfi.robust", "rmsea.robust"))
  cat("bfi-gender step", i, "cfi.robust", format(fm[[1]], digits = 17), "rmsea.robust", format(fm[[2]], digits = 17), "\n")
}

# Modification indices with expected parameter changes, modindices(fit) with lavaan's defaults (expected
# information, cov.std = TRUE, NA rows removed, lavaan's order): <case>-mi.csv. Under MLR lavaan takes the same
# ML expected information, so hs-mlr repeats hs-ml's figures.
write_mi(hs_ml, "hs-ml")
write_mi(hs_mlr, "hs-mlr")
write_mi(hs_rescov, "hs-rescov")
write_mi(cfa("visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", data = hs), "hs-labels",
         polish = FALSE)
write_mi(cfa(hs_model, data = hs, orthogonal = TRUE), "hs-orthogonal")
write_mi(configural, "hs-configural")
write_mi(metric, "hs-metric", polish = FALSE)
write_mi(scalar, "hs-scalar", polish = FALSE)
write_mi(cfa(bfi_model, data = bfi), "bfi-ml")
# FIML (missing = "ml"): lavaan's expected information is then the structured one, summed over the missingness
# patterns (each pattern's observed variables at the model-implied moments), with the FIML gradient.
write_mi(cfa(bfi_model, data = bfi, missing = "ml"), "bfi-fiml")
write_mi(cfa(hs_model, data = hs, missing = "ml"), "hs-fiml-complete")

# Score tests of the equality constraints (lavTestScore): group.equal loadings and intercepts, a shared label, a
# group.partial, and FIML with bfi's own missing values.
write_score(scalar, "hs-scalar")
write_score(metric, "hs-metric")
write_score(cfa("visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", data = hs), "hs-labels")
write_score(cfa(hs_model, data = hs, group = "school", group.equal = "loadings", group.partial = "visual=~x2"),
            "hs-metric-partial")
write_score(cfa("agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5", data = bfi,
                group = "gender", group.equal = "loadings", missing = "ml"), "bfi-gender-metric-fiml")

# Non-central chi-square cdf, R's pchisq(q, df, ncp).
grid <- expand.grid(q = c(0.5, 5, 24, 85.306, 150), df = c(1, 3, 24, 100), ncp = c(0, 0.3, 7.5, 60.3, 250))
grid$p <- pchisq(grid$q, grid$df, grid$ncp)
write_table(grid, "pchisq-noncentral.csv")

writeLines(c(
  paste("R", paste(R.version$major, R.version$minor, sep = ".")),
  paste("lavaan", as.character(packageVersion("lavaan")))
), file.path(out, "VERSIONS.txt"))
