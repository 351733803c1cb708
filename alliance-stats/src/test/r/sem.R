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

# Modification indices (write_mi, lavaan-references.R): cross-loadings, residual covariances and, where the structural
# part is not saturated, the omitted latent covariances and regressions.
write_mi(sem(pd_model, data = pd), "pd-ml")
write_mi(sem(pd_mediation, data = pd), "pd-mediation")
hs_path <- sub("speed ~ visual", "speed ~ textual", hs_chain, fixed = TRUE)
write_mi(sem(hs_path, data = hs), "hs-path")
write_mi(sem(hs_model, data = hs), "hs-ml")
write_mi(sem(hs_higher, data = hs), "hs-higher")
write_mi(sem(hs_higher, data = hs, std.lv = TRUE), "hs-higher-stdlv")

writeLines(c(
  paste("R", paste(R.version$major, R.version$minor, sep = ".")),
  paste("lavaan", as.character(packageVersion("lavaan")))
), file.path(out, "VERSIONS.txt"))
