# Reference outputs for org.alliance.stats.reliability and org.alliance.stats.regression.
# Run from the repository root:  Rscript alliance-stats/src/test/r/reliability-regression.R
# Reads only the committed CSVs in alliance-stats/src/test/resources/data, so Java and R see the same input.
# Numbers are written with 17 significant digits (sprintf %.17g, "Inf" for infinity); the Java tests read them back.
suppressPackageStartupMessages({
  library(psych)
  library(sandwich)
  library(lavaan)
})
data_dir <- "alliance-stats/src/test/resources/data"
rel_dir <- "alliance-stats/src/test/resources/reference/reliability"
reg_dir <- "alliance-stats/src/test/resources/reference/regression"
dir.create(rel_dir, recursive = TRUE, showWarnings = FALSE)
dir.create(reg_dir, recursive = TRUE, showWarnings = FALSE)

full <- function(x) if (is.numeric(x)) sprintf("%.17g", x) else x
write_ref <- function(df, dir, name) {
  df[] <- lapply(df, full)
  write.csv(df, file.path(dir, paste0(name, ".csv")), row.names = FALSE, quote = TRUE)
}
versions <- c(
  paste("R", paste(R.version$major, R.version$minor, sep = ".")),
  paste("psych", as.character(packageVersion("psych"))),
  paste("sandwich", as.character(packageVersion("sandwich"))),
  paste("lavaan", as.character(packageVersion("lavaan")))
)
writeLines(versions, file.path(rel_dir, "VERSIONS.txt"))
writeLines(versions, file.path(reg_dir, "VERSIONS.txt"))

# ---------------------------------------------------------------- reliability
bfi <- read.csv(file.path(data_dir, "bfi.csv"))
scales <- list(
  agreeableness = list(items = paste0("A", 1:5), reverse = c("A1")),
  conscientiousness = list(items = paste0("C", 1:5), reverse = c("C4", "C5")),
  extraversion = list(items = paste0("E", 1:5), reverse = c("E1", "E2")),
  neuroticism = list(items = paste0("N", 1:5), reverse = character(0)),
  openness = list(items = paste0("O", 1:5), reverse = c("O2", "O5"))
)
summary_rows <- list()
item_rows <- list()
for (name in names(scales)) {
  s <- scales[[name]]
  x <- bfi[, s$items]
  a <- if (length(s$reverse) > 0) {
    psych::alpha(x, keys = s$reverse, check.keys = FALSE)
  } else {
    psych::alpha(x, check.keys = FALSE)
  }
  # omega total from a one-factor ML CFA on the same (pairwise, N-1) covariance matrix of the keyed items
  flipped <- x
  lo <- min(x, na.rm = TRUE)
  hi <- max(x, na.rm = TRUE)
  for (r in s$reverse) flipped[[r]] <- lo + hi - flipped[[r]]
  C <- cov(flipped, use = "pairwise")
  n_any <- sum(rowSums(!is.na(x)) > 0)
  model <- paste("f =~", paste(s$items, collapse = " + "))
  omega_of <- function(fit) {
    pe <- lavaan::parameterEstimates(fit)
    lambda <- pe$est[pe$op == "=~"]
    theta <- pe$est[pe$op == "~~" & pe$lhs == pe$rhs & pe$lhs != "f"]
    sum(lambda)^2 / (sum(lambda)^2 + sum(theta))
  }
  # lavaan's default optimiser (nlminb) stops where omega is accurate to about 1e-6; BFGS with a tight relative
  # tolerance gets closer to the optimum and is the stricter reference.
  omega <- omega_of(lavaan::cfa(model, sample.cov = C, sample.nobs = n_any, std.lv = TRUE))
  omega_bfgs <- omega_of(lavaan::cfa(model, sample.cov = C, sample.nobs = n_any, std.lv = TRUE,
                                     optim.method = "BFGS", control = list(reltol = 1e-16)))
  summary_rows[[name]] <- data.frame(
    scale = name,
    items = paste(s$items, collapse = " "),
    reverse = paste(s$reverse, collapse = " "),
    raw_alpha = a$total$raw_alpha,
    std_alpha = a$total$std.alpha,
    average_r = a$total$average_r,
    omega_total = omega,
    omega_total_bfgs = omega_bfgs,
    n = n_any,
    # the "95% confidence boundaries" print(alpha) shows: Feldt from alpha.ci (F quantiles, N = nrow(x)) and
    # Duhachek as raw_alpha -/+ 1.96 * ase
    n_rows = nrow(x),
    feldt_lower = a$feldt$lower.ci[[1]],
    feldt_upper = a$feldt$upper.ci[[1]],
    alpha_se = a$total$ase,
    duhachek_lower = a$total$raw_alpha - 1.96 * a$total$ase,
    duhachek_upper = a$total$raw_alpha + 1.96 * a$total$ase
  )
  item_rows[[name]] <- data.frame(
    scale = name,
    item = s$items,
    r_drop = a$item.stats$r.drop,
    alpha_if_dropped = a$alpha.drop$raw_alpha,
    std_alpha_if_dropped = a$alpha.drop$std.alpha
  )
}
write_ref(do.call(rbind, summary_rows), rel_dir, "bfi-alpha")
write_ref(do.call(rbind, item_rows), rel_dir, "bfi-alpha-items")

# ---------------------------------------------------------------- regression
coef_table <- function(est, se, df) {
  stat <- est / se
  if (is.finite(df)) {
    p <- 2 * pt(-abs(stat), df)
    q <- qt(0.975, df)
  } else {
    p <- 2 * pnorm(-abs(stat))
    q <- qnorm(0.975)
  }
  data.frame(term = names(est), estimate = unname(est), std_error = unname(se), statistic = unname(stat),
             p_value = unname(p), conf_low = unname(est - q * se), conf_high = unname(est + q * se))
}
lm_model <- function(fit) {
  s <- summary(fit)
  f <- s$fstatistic
  ll <- logLik(fit)
  data.frame(
    key = c("r_squared", "adj_r_squared", "sigma", "f_statistic", "f_df1", "f_df2", "f_p_value",
            "log_lik", "aic", "bic", "n", "df_residual"),
    value = c(s$r.squared, s$adj.r.squared, s$sigma, f[["value"]], f[["numdf"]], f[["dendf"]],
              pf(f[["value"]], f[["numdf"]], f[["dendf"]], lower.tail = FALSE),
              as.numeric(ll), AIC(fit), BIC(fit), nobs(fit), fit$df.residual)
  )
}
write_lm <- function(fit, name) {
  s <- summary(fit)$coefficients
  write_ref(coef_table(s[, 1], s[, 2], fit$df.residual), reg_dir, paste0(name, "-coefficients"))
  write_ref(lm_model(fit), reg_dir, paste0(name, "-model"))
}
# Standardised coefficients as lm.beta computes them: b * sd(column of the model matrix) / sd(response), over the rows
# used; a factor's dummy is standardised by the SD of its 0/1 column. The intercept has none (NA here).
write_beta <- function(fit, name) {
  mm <- model.matrix(fit)
  sx <- apply(mm, 2, sd)
  sy <- sd(model.response(model.frame(fit)))
  beta <- coef(fit) * sx / sy
  beta[names(beta) == "(Intercept)"] <- NA
  write_ref(data.frame(term = names(beta), std_estimate = unname(beta)), reg_dir, paste0(name, "-standardized"))
}

longley <- read.csv(file.path(data_dir, "longley.csv"))
longley_fit <- lm(Employed ~ ., data = longley)
write_lm(longley_fit, "longley")
write_beta(longley_fit, "longley")
# With numeric predictors only, the standardised coefficients are those of the refit on scale()d variables.
scaled <- as.data.frame(scale(longley))
stopifnot(isTRUE(all.equal(unname(coef(lm(Employed ~ ., data = scaled))[-1]),
                           unname(read.csv(file.path(reg_dir, "longley-standardized.csv"))$std_estimate[-1]),
                           tolerance = 1e-10)))

mtcars <- read.csv(file.path(data_dir, "mtcars.csv"))
mtcars$cyl <- factor(as.character(mtcars$cyl))  # cyl as a text column: levels in sorted order, "4" is reference
mt_fit <- lm(mpg ~ wt + hp + cyl, data = mtcars)
write_lm(mt_fit, "mtcars")
write_beta(mt_fit, "mtcars")
write_ref(coef_table(coef(mt_fit), sqrt(diag(vcovHC(mt_fit, type = "HC3"))), mt_fit$df.residual),
          reg_dir, "mtcars-hc3-coefficients")
write_ref(coef_table(coef(mt_fit), sqrt(diag(vcovCL(mt_fit, cluster = ~gear, type = "HC1"))), mt_fit$df.residual),
          reg_dir, "mtcars-cr1-gear-coefficients")
mtcars_ref8 <- mtcars
mtcars_ref8$cyl <- relevel(mtcars_ref8$cyl, ref = "8")
write_lm(lm(mpg ~ wt + hp + cyl, data = mtcars_ref8), "mtcars-cyl8")

write_glm <- function(fit, name, warnings) {
  s <- summary(fit)$coefficients
  ct <- coef_table(s[, 1], s[, 2], Inf)
  ct$odds_ratio <- exp(ct$estimate)
  ct$or_conf_low <- exp(ct$conf_low)
  ct$or_conf_high <- exp(ct$conf_high)
  write_ref(ct, reg_dir, paste0(name, "-coefficients"))
  write_ref(data.frame(
    key = c("deviance", "null_deviance", "aic", "bic", "log_lik", "iterations", "n", "df_residual", "converged"),
    value = c(fit$deviance, fit$null.deviance, fit$aic, BIC(fit), as.numeric(logLik(fit)), fit$iter, nobs(fit),
              fit$df.residual, as.numeric(fit$converged))
  ), reg_dir, paste0(name, "-model"))
  writeLines(if (length(warnings) == 0) character(0) else warnings, file.path(reg_dir, paste0(name, "-warnings.txt")))
}
fit_glm <- function(formula, data) {
  warnings <- character(0)
  fit <- withCallingHandlers(
    glm(formula, family = binomial, data = data),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }
  )
  list(fit = fit, warnings = warnings)
}
g <- fit_glm(am ~ wt + hp, mtcars)
write_glm(g$fit, "mtcars-logistic", g$warnings)

# A completely separated data set: x > 4.5 predicts y exactly.
separated <- data.frame(x = c(1, 2, 3, 4, 5, 6, 7, 8), z = c(2, 1, 3, 1, 2, 3, 1, 2), y = c(0, 0, 0, 0, 1, 1, 1, 1))
write.csv(separated, file.path(reg_dir, "separated.csv"), row.names = FALSE)
g <- fit_glm(y ~ x + z, separated)
write_glm(g$fit, "separated-logistic", g$warnings)

# Quasi-complete separation: x < 4 gives y = 0, x > 4 gives y = 1, only x = 4 has both outcomes.
quasi <- data.frame(x = c(1, 2, 3, 4, 4, 5, 6, 7), y = c(0, 0, 0, 0, 1, 1, 1, 1))
write.csv(quasi, file.path(reg_dir, "quasi-separated.csv"), row.names = FALSE)
g <- fit_glm(y ~ x, quasi)
write_glm(g$fit, "quasi-separated-logistic", g$warnings)
