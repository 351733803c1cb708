# Reference outputs for structural regressions ('~') and defined parameters (':='), from lavaan's sem().
# Run from the repository root:  Rscript alliance-stats/src/test/r/sem.R
# Writes data/PoliticalDemocracy.csv (Bollen 1989, shipped with lavaan), then reads the committed CSVs
# (not the package data) and writes to reference/cfa/sem/, per case, the same layout as cfa.R:
#   <case>-parameters.csv  parameterEstimates(fit, standardized = TRUE), ':=' rows included
#   <case>-fit.csv         fitMeasures(fit) as name,value
#   <case>-implied.csv     model-implied covariance (and means) per group
# all with 17 significant digits.
suppressPackageStartupMessages(library(lavaan))
data_dir <- "alliance-stats/src/test/resources/data"
out <- "alliance-stats/src/test/resources/reference/cfa/sem"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
write.csv(lavaan::PoliticalDemocracy, file.path(data_dir, "PoliticalDemocracy.csv"), row.names = FALSE, na = "")

source("alliance-stats/src/test/r/lavaan-references.R") # fmt, write_table, write_fit, write_mi

pd <- read.csv(file.path(data_dir, "PoliticalDemocracy.csv"))
hs <- read.csv(file.path(data_dir, "HolzingerSwineford1939.csv"))

# Bollen's (1989, ch. 8) industrialisation and political democracy model, as in lavaan's tutorial.
pd_model <- "ind60 =~ x1 + x2 + x3
dem60 =~ y1 + y2 + y3 + y4
dem65 =~ y5 + y6 + y7 + y8
dem60 ~ ind60
dem65 ~ ind60 + dem60
y1 ~~ y5
y2 ~~ y4 + y6
y3 ~~ y7
y4 ~~ y8
y6 ~~ y8"
pd_defined <- "ind60 =~ x1 + x2 + x3
dem60 =~ y1 + y2 + y3 + y4
dem65 =~ y5 + y6 + y7 + y8
dem60 ~ a*ind60
dem65 ~ b*dem60 + c*ind60
y1 ~~ y5
y2 ~~ y4 + y6
y3 ~~ y7
y4 ~~ y8
y6 ~~ y8
ind := a*b
total := c + a*b
ratio := (a*b) / (c + a*b)
odd := -a^2 + 2*(b - 0.5)/c"
hs_model <- "visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9
speed ~ visual + textual"
# Two endogenous latents that predict nothing: lavaan frees their residual covariance (auto.cov.y).
hs_chain <- "visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9
textual ~ visual
speed ~ visual"

write_fit(sem(pd_model, data = pd), "pd-ml")
write_fit(sem(pd_model, data = pd, estimator = "MLR"), "pd-mlr")
write_fit(sem(pd_defined, data = pd), "pd-defined")
write_fit(sem(hs_model, data = hs), "hs-ml")
write_fit(sem(hs_model, data = hs, estimator = "MLR"), "hs-mlr")
write_fit(sem(hs_chain, data = hs), "hs-chain")
# Restrictive structural parts (one path fewer than a saturated one, df + 1): chi-square differs from the CFA's.
pd_mediation <- sub("dem65 ~ ind60 + dem60", "dem65 ~ dem60", pd_model, fixed = TRUE)
write_fit(sem(pd_mediation, data = pd), "pd-mediation")
write_fit(sem(sub("speed ~ visual", "speed ~ textual", hs_chain, fixed = TRUE), data = hs), "hs-path")
write_fit(sem(hs_model, data = hs, group = "school"), "hs-configural")
write_fit(sem(hs_model, data = hs, group = "school", group.equal = "loadings"), "hs-metric")
# Scalar: latent intercepts free in group 2, so the mean structure mu = nu + Lambda (I - B)^-1 alpha counts.
write_fit(sem(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts")), "hs-scalar")
write_fit(sem(hs_chain, data = hs, group = "school", group.equal = c("loadings", "intercepts")), "hs-chain-scalar")

# std.lv (every latent variance, for endogenous latents the residual variance, fixed to 1) and FIML.
write_fit(sem(pd_model, data = pd, std.lv = TRUE), "pd-stdlv")
write_fit(sem(hs_model, data = hs, missing = "ml"), "hs-fiml-complete")
bfi <- read.csv(file.path(data_dir, "bfi.csv"))
write_fit(sem("agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5\nconsc ~ agree", data = bfi,
              missing = "ml"), "bfi-fiml")

# Observed outcomes regressed on latents: lavaan gives each a phantom latent (loading 1, residual variance 0) and
# reports its variance as the outcome's residual variance; two outcomes that predict nothing covary (auto.cov.y).
# grade has one missing value (listwise: N = 300).
hs_outcome <- "visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9
ageyr ~ visual + speed"
write_fit(sem(hs_outcome, data = hs), "hs-outcome")
write_fit(sem(hs_outcome, data = hs, estimator = "MLR"), "hs-outcome-mlr")
write_fit(sem(hs_outcome, data = hs, group = "school", group.equal = c("loadings", "intercepts")), "hs-outcome-scalar")
write_fit(sem(paste(hs_outcome, "grade ~ textual", "speed ~ textual", sep = "\n"), data = hs), "hs-outcomes")
write_fit(sem(paste(hs_outcome, "grade ~ textual", "speed ~ textual", sep = "\n"), data = hs, missing = "ml"),
          "hs-outcomes-fiml")

# A second-order factor: lavaan puts the loadings of g on the first-order factors in its BETA matrix
# (visual = lambda g + zeta); the first loading fixed to 1 (std.lv: every latent (residual) variance fixed to 1).
hs_higher <- "visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9
g =~ visual + textual + speed"
write_fit(sem(hs_higher, data = hs), "hs-higher")
write_fit(sem(hs_higher, data = hs, estimator = "MLR"), "hs-higher-mlr")
write_fit(sem(hs_higher, data = hs, std.lv = TRUE), "hs-higher-stdlv")
write_fit(sem(hs_higher, data = hs, std.lv = TRUE, estimator = "MLR"), "hs-higher-stdlv-mlr")

# nlminb stops with gradient elements up to ~6e-6 here, which moves small estimates by more than the tolerances of
# CfaEstimatorTest; these cases are refitted by BFGS (lavaan's optim.method) from lavaan's solution until the largest
# gradient element is below 1e-6 (printed). Without equality constraints only; not the bfi cases on ML with listwise
# deletion, where nlminb is close enough and BFGS stalls near 1e-6 (age's scale).
# (update(..., start = fit) alone would refit with fixed.x = FALSE: the first round starts afresh, later ones pass
# fixed.x = TRUE; npar and N are checked.)
polished <- function(fit) {
  original <- fit
  for (round in 1:5) {
    fit <- if (round == 1) {
      update(fit, optim.method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
    } else {
      update(fit, start = fit, fixed.x = TRUE, optim.method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
    }
    gradient <- max(abs(lavInspect(fit, "gradient")))
    if (gradient < 1e-8) break
  }
  cat("polished: largest gradient element", gradient, "\n")
  if (!lavInspect(fit, "converged") || gradient > 1e-6) stop("BFGS polish reached gradient ", gradient)
  if (fitMeasures(fit)[["npar"]] != fitMeasures(original)[["npar"]] || nobs(fit) != nobs(original)) {
    stop("the polished fit is another model")
  }
  fit
}
# Observed predictors (issue 15): lavaan's fixed.x = TRUE (its default) fixes the predictors' variances, covariances
# (and means) at their sample values, reports them with se 0, leaves them out of npar, conditions the log-likelihood on
# them and keeps their covariances in the baseline model. With missing = "ml" it drops the cases with a missing
# predictor (HS: grade missing once, N = 300). Listwise likewise.
hs_covariates <- "visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9
visual + textual + speed ~ ageyr + sex + grade"
write_fit(polished(sem(hs_covariates, data = hs)), "hs-covariates")
write_fit(polished(sem(hs_covariates, data = hs, estimator = "MLR")), "hs-covariates-mlr")
write_fit(polished(sem(hs_covariates, data = hs, missing = "ml")), "hs-covariates-fiml")
# Robust FIML with predictors: the baseline model is fitted to the same cases (the one without grade dropped).
write_fit(polished(sem(hs_covariates, data = hs, missing = "ml", estimator = "MLR")), "hs-covariates-fiml-mlr")
write_fit(polished(sem(hs_covariates, data = hs, group = "school")), "hs-covariates-configural")
# Not polished: with equality constraints lavaan's gradient (per parameter of the unconstrained table) does not vanish.
write_fit(sem(hs_covariates, data = hs, group = "school", group.equal = c("loadings", "intercepts")),
          "hs-covariates-scalar")
# An observed outcome on a latent and an observed predictor; an exogenous latent next to a predictor (no covariance).
write_fit(polished(sem("visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
textual ~ visual + ageyr
grade ~ visual + sex",
              data = hs)), "hs-outcome-covariates")
# A latent-observed covariance: ageyr is then no fixed.x covariate but a phantom latent with a free variance.
write_fit(polished(sem("visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
textual ~ visual + ageyr
visual ~~ ageyr",
              data = hs)), "hs-latent-observed")
write_fit(polished(sem("visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
visual ~~ ageyr + grade", data = hs)),
          "hs-latent-observed-cov")
# Bollen's democracy factors on industrialisation measured by one indicator (x1, GNP per capita) and x2.
pd_covariates <- "dem60 =~ y1 + y2 + y3 + y4
dem65 =~ y5 + y6 + y7 + y8
dem60 ~ x1 + x2
dem65 ~ dem60 + x1
y1 ~~ y5
y2 ~~ y4 + y6
y3 ~~ y7
y4 ~~ y8
y6 ~~ y8"
write_fit(polished(sem(pd_covariates, data = pd)), "pd-covariates")
write_fit(polished(sem(pd_covariates, data = pd, estimator = "MLR")), "pd-covariates-mlr")
# bfi: two factors on education and age (education missing in 223 rows: dropped by listwise and by FIML alike).
bfi_covariates <- "agree =~ A1 + A2 + A3 + A4 + A5
consc =~ C1 + C2 + C3 + C4 + C5
agree + consc ~ education + age"
write_fit(sem(bfi_covariates, data = bfi), "bfi-covariates")
write_fit(sem(bfi_covariates, data = bfi, missing = "ml", estimator = "MLR"), "bfi-covariates-fiml-mlr")
write_fit(polished(sem(bfi_covariates, data = bfi, missing = "ml")), "bfi-covariates-fiml")
# The Norwegian question in the shape of the source studies: three alliance-like factors on one observed competence
# score (here bfi's education), ML and MLR.
bfi_norwegian <- "agree =~ A1 + A2 + A3 + A4 + A5
consc =~ C1 + C2 + C3 + C4 + C5
extra =~ E1 + E2 + E3 + E4 + E5
agree + consc + extra ~ education"
write_fit(sem(bfi_norwegian, data = bfi), "bfi-norwegian")
write_fit(sem(bfi_norwegian, data = bfi, estimator = "MLR"), "bfi-norwegian-mlr")

# Modification indices (write_mi, lavaan-references.R): cross-loadings, residual covariances and, where the structural
# part is not saturated, the omitted latent covariances and regressions.
write_mi(sem(pd_model, data = pd), "pd-ml")
write_mi(sem(pd_mediation, data = pd), "pd-mediation")
hs_path <- sub("speed ~ visual", "speed ~ textual", hs_chain, fixed = TRUE)
write_mi(sem(hs_path, data = hs), "hs-path")
write_mi(sem(hs_model, data = hs), "hs-ml")
write_mi(sem(hs_higher, data = hs), "hs-higher")
write_mi(sem(hs_higher, data = hs, std.lv = TRUE), "hs-higher-stdlv")
# With observed predictors (fixed.x): lavaan lists no row for the predictors (their moments are fixed), only the
# cross-loadings and residual covariances of the indicators. The Norwegian question's shape on bfi.
write_mi(sem(hs_covariates, data = hs), "hs-covariates")
write_mi(sem(bfi_norwegian, data = bfi), "bfi-norwegian")

writeLines(c(
  paste("R", paste(R.version$major, R.version$minor, sep = ".")),
  paste("lavaan", as.character(packageVersion("lavaan")))
), file.path(out, "VERSIONS.txt"))
