# The writers the lavaan reference scripts share (cfa.R, cfa-invariance.R, sem.R): each script sets `out`, the
# folder it writes to, and sources this file from the repository root.
#   write_fit(fit, case): <case>-parameters.csv  parameterEstimates(fit, standardized = TRUE)
#                         <case>-fit.csv         fitMeasures(fit) as name,value
#                         <case>-implied.csv     model-implied covariance (and means) per group
#   write_mi(fit, case):  <case>-mi.csv (and <case>-mi-polished.csv), below
#   write_score(fit, case): <case>-score.csv  lavTestScore(fit): the total test (lhs "total") and the univariate tests
# all with 17 significant digits.
fmt <- function(df) {
  for (n in names(df)) if (is.numeric(df[[n]])) df[[n]] <- format(df[[n]], digits = 17, trim = TRUE)
  df
}
write_table <- function(df, name) {
  write.csv(fmt(df), file.path(out, name), row.names = FALSE, na = "NA", quote = TRUE)
}
write_fit <- function(fit, case) {
  pe <- parameterEstimates(fit, standardized = TRUE)
  if (is.null(pe$group)) pe$group <- 1L
  if (is.null(pe$label)) pe$label <- ""
  write_table(pe, paste0(case, "-parameters.csv"))
  fm <- fitMeasures(fit)
  write_table(data.frame(name = names(fm), value = as.numeric(fm)), paste0(case, "-fit.csv"))
  imp <- lavInspect(fit, "implied")
  if (lavInspect(fit, "ngroups") == 1) imp <- list(imp)
  rows <- list()
  for (g in seq_along(imp)) {
    s <- imp[[g]]$cov
    for (i in seq_len(nrow(s))) for (j in seq_len(ncol(s))) {
      rows[[length(rows) + 1]] <- data.frame(group = g, kind = "cov", row = rownames(s)[i], col = colnames(s)[j], value = s[i, j])
    }
    if (!is.null(imp[[g]]$mean)) {
      m <- imp[[g]]$mean
      for (i in seq_along(m)) rows[[length(rows) + 1]] <- data.frame(group = g, kind = "mean", row = names(m)[i], col = "", value = m[[i]])
    }
  }
  write_table(do.call(rbind, rows), paste0(case, "-implied.csv"))
  invisible(fit)
}

# Modification indices with expected parameter changes, modindices(fit) with lavaan's defaults (expected
# information, cov.std = TRUE, NA rows removed, lavaan's order): <case>-mi.csv.
write_mi <- function(fit, case, polish = TRUE) {
  mi <- modindices(fit)
  if (is.null(mi$group)) mi$group <- 1L
  write_table(mi[, c("lhs", "op", "rhs", "group", "mi", "epc", "sepc.lv", "sepc.all", "sepc.nox")],
              paste0(case, "-mi.csv"))
  if (!polish) return(invisible(NULL))
  # nlminb stops with gradient elements near 1e-6, which moves the scores, hence mi and epc, by up to ~3e-4
  # relative. The same table refitted by BFGS (lavaan's optim.method) (largest gradient element below
  # 5e-7, printed): <case>-mi-polished.csv. Not with equality constraints, where lavaan's gradient (per parameter
  # of the unconstrained table) does not vanish.
  polished <- update(fit, optim.method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
  for (round in 1:5) {
    gradient <- max(abs(lavInspect(polished, "gradient")))
    if (gradient < 1e-8) break
    polished <- update(polished, start = polished, optim.method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
    gradient <- max(abs(lavInspect(polished, "gradient")))
    if (gradient < 1e-8) break
  }
  cat(case, "polished: largest gradient element", gradient, "\n")
  if (!lavInspect(polished, "converged") || gradient > 5e-7) stop(case, ": BFGS polish reached gradient ", gradient)
  mi <- modindices(polished)
  if (is.null(mi$group)) mi$group <- 1L
  write_table(mi[, c("lhs", "op", "rhs", "group", "mi", "epc", "sepc.lv", "sepc.all", "sepc.nox")],
              paste0(case, "-mi-polished.csv"))
}

# Score tests of the equality constraints, lavTestScore(fit) with lavaan's defaults (expected information): one row for
# the total test (lhs = "total") and one per constraint (lhs == rhs in lavaan's .pN. labels), X2, df, p.value.
write_score <- function(fit, case) {
  sc <- lavTestScore(fit)
  total <- data.frame(lhs = "total", op = "", rhs = "", X2 = sc$test$X2, df = sc$test$df, p.value = sc$test$p.value)
  uni <- as.data.frame(sc$uni)[, c("lhs", "op", "rhs", "X2", "df", "p.value")]
  write_table(rbind(total, uni), paste0(case, "-score.csv"))
}
