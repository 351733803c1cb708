# Reference outputs for ordinal CFA with WLSMV (org.alliance.stats.factor.WlsmvEstimator): lavaan's default for
# cfa(..., ordered = ...): estimator WLSMV (DWLS estimates, robust SEs, scaled-shifted test), parameterization
# "delta", listwise deletion.
# Run from the repository root:  Rscript alliance-stats/src/test/r/wlsmv.R
# Per case, in reference/cfa/:
#   wlsmv-<case>-parameters.csv / -fit.csv / -implied.csv   the writers of lavaan-references.R
#   wlsmv-<case>-sampstat.csv   lavInspect(fit, "sampstat"): thresholds (kind th) and polychoric correlations (cor)
#   wlsmv-<case>-gamma.csv      lavInspect(fit, "gamma") (N times the asymptotic covariance of thresholds and
#                               polychorics, lavaan's muthen1984), lower triangle, with lavInspect(fit, "wls.v")'s
#                               diagonal as the column wls_v on the diagonal rows (not for bfi5: 425 x 425)
# Data: psych::bfi (bfi.csv, 6-category items) and lavaan's HolzingerSwineford1939 with x1-x9 cut into 3 or 4
# ordered categories at the fixed breaks below (with its school column, for the cases with groups).
# Several groups (group = ..., parameterization "delta"): configural (no group.equal: thresholds and loadings free per
# group, scale factors 1 and latent means 0 everywhere) and group.equal = c("thresholds", "loadings") (scale factors
# and latent means then free in groups 2 and up), HS by school, bfi's agreeableness by gender and (configural, five
# groups) by education.
suppressPackageStartupMessages({
  library(lavaan)
})
data_dir <- "alliance-stats/src/test/resources/data"
out <- "alliance-stats/src/test/resources/reference/cfa"
source("alliance-stats/src/test/r/lavaan-references.R")

bfi <- read.csv(file.path(data_dir, "bfi.csv"))
hs <- read.csv(file.path(data_dir, "HolzingerSwineford1939.csv"))
breaks <- list(x1 = c(4.2, 5.2), x2 = c(5.4, 6.3), x3 = c(1.4, 2.2, 3.1), x4 = c(2.4, 3.2), x5 = c(3.6, 4.6, 5.3),
               x6 = c(1.5, 2.2), x7 = c(3.5, 4.4), x8 = c(5.1, 5.7, 6.4), x9 = c(4.8, 5.6))
hs_cut <- data.frame(lapply(names(breaks), function(v) as.integer(cut(hs[[v]], c(-Inf, breaks[[v]], Inf)))))
names(hs_cut) <- names(breaks)
hs_cut$school <- hs$school
write.csv(hs_cut, file.path(data_dir, "HolzingerSwineford1939-ordinal.csv"), row.names = FALSE)

write_sampstat <- function(fit, case, gamma = TRUE) {
  ss <- lavInspect(fit, "sampstat")
  th <- ss$th
  rows <- data.frame(kind = "th", row = names(th), col = "", value = as.numeric(th))
  cr <- ss$cov
  for (j in 1:(ncol(cr) - 1)) for (i in (j + 1):nrow(cr)) {
    rows <- rbind(rows, data.frame(kind = "cor", row = rownames(cr)[i], col = colnames(cr)[j], value = cr[i, j]))
  }
  write_table(rows, paste0(case, "-sampstat.csv"))
  if (!gamma) return(invisible(NULL))
  g <- lavInspect(fit, "gamma")
  w <- diag(lavInspect(fit, "wls.v"))
  rows <- list()
  for (j in seq_len(ncol(g))) for (i in j:nrow(g)) {
    rows[[length(rows) + 1]] <- data.frame(i = i, j = j, value = g[i, j], wls_v = if (i == j) w[i] else NA)
  }
  write_table(do.call(rbind, rows), paste0(case, "-gamma.csv"))
}

cases <- list(
  list(case = "wlsmv-bfi1", data = na.omit(bfi[, paste0("A", 1:5)]),
       model = "agree =~ A1 + A2 + A3 + A4 + A5", std.lv = FALSE, gamma = TRUE),
  list(case = "wlsmv-bfi5", data = bfi[, 1:25],
       model = paste("agree =~ A1 + A2 + A3 + A4 + A5", "consc =~ C1 + C2 + C3 + C4 + C5",
                     "extra =~ E1 + E2 + E3 + E4 + E5", "neuro =~ N1 + N2 + N3 + N4 + N5",
                     "open =~ O1 + O2 + O3 + O4 + O5", sep = "\n"), std.lv = FALSE, gamma = FALSE),
  list(case = "wlsmv-hs3", data = hs_cut[, 1:9],
       model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", std.lv = FALSE,
       gamma = TRUE),
  list(case = "wlsmv-hs3-stdlv", data = hs_cut[, 1:9],
       model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", std.lv = TRUE,
       gamma = FALSE)
)
for (c in cases) {
  d <- c$data
  fit <- cfa(c$model, data = d, ordered = names(d), std.lv = c$std.lv)
  cat(c$case, "n =", lavInspect(fit, "nobs"), "converged", lavInspect(fit, "converged"), "\n")
  write_fit(fit, c$case)
  write_sampstat(fit, c$case, c$gamma)
}

hs3 <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
bfi_a <- bfi[, c(paste0("A", 1:5), "gender", "education")]
grouped <- list(
  list(case = "wlsmv-hs3-school", data = hs_cut, group = "school", model = hs3, equal = "", std.lv = FALSE),
  list(case = "wlsmv-hs3-school-scalar", data = hs_cut, group = "school", model = hs3,
       equal = c("thresholds", "loadings"), std.lv = FALSE),
  list(case = "wlsmv-hs3-school-scalar-stdlv", data = hs_cut, group = "school", model = hs3,
       equal = c("thresholds", "loadings"), std.lv = TRUE),
  list(case = "wlsmv-bfi1-gender", data = bfi_a, group = "gender", model = "agree =~ A1 + A2 + A3 + A4 + A5",
       equal = "", std.lv = FALSE),
  list(case = "wlsmv-bfi1-gender-scalar", data = bfi_a, group = "gender", model = "agree =~ A1 + A2 + A3 + A4 + A5",
       equal = c("thresholds", "loadings"), std.lv = FALSE),
  list(case = "wlsmv-bfi1-education", data = bfi_a, group = "education", model = "agree =~ A1 + A2 + A3 + A4 + A5",
       equal = "", std.lv = FALSE)
)
for (c in grouped) {
  items <- lavNames(c$model, "ov")
  fit <- cfa(c$model, data = c$data, ordered = items, group = c$group, group.equal = c$equal, std.lv = c$std.lv)
  cat(c$case, "n =", unlist(lavInspect(fit, "nobs")), "groups", lavInspect(fit, "group.label"),
      "converged", lavInspect(fit, "converged"), "\n")
  write_fit(fit, c$case)
  if (!identical(c$equal, "")) {
    # With thresholds equal they are no longer saturated, and nlminb stops (rel.tol 1e-10) with estimates up to ~6e-5
    # relative from the minimum (HS). lavaan's own BFGS from there, as write_mi polishes: <case>-polished-*.csv.
    polished <- cfa(c$model, data = c$data, ordered = items, group = c$group, group.equal = c$equal,
                    std.lv = c$std.lv, start = fit, optim.method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
    if (!lavInspect(polished, "converged")) stop(c$case, ": the BFGS polish did not converge")
    cat(c$case, "polished: chisq", format(fitMeasures(fit)[["chisq"]], digits = 15), "->",
        format(fitMeasures(polished)[["chisq"]], digits = 15), "\n")
    write_fit(polished, paste0(c$case, "-polished"))
  }
}
writeLines(c(paste("R", getRversion()), paste("lavaan", packageVersion("lavaan"))),
           file.path(out, "VERSIONS-wlsmv.txt"))
