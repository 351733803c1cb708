# Reference outputs for org.alliance.stats.mixed (linear mixed models as lme4::lmer).
# Run from the repository root:  Rscript alliance-stats/src/test/r/mixed.R
# Exports the lme4 data sets used to alliance-stats/src/test/resources/data/<name>.csv, reads them back (so Java and R
# see the same input) and writes, per model, lmer's default fit and a "polished" fit (bobyqa with rhoend = 1e-12) to
# alliance-stats/src/test/resources/reference/mixed. lmer's default optimiser stops early (about 1e-5 relative on the
# variance components); the polished fit is the optimum to near machine precision and is the strict reference.
# Numbers are written with 17 significant digits (sprintf %.17g). Where the criterion is flat (it is resolved to about
# 1e-16 relative), reruns can move the polished theta in the 7th or 8th digit (seen for Penicillin).
suppressPackageStartupMessages({
  library(lme4)
})
out_dir <- "alliance-stats/src/test/resources/reference/mixed"
source("alliance-stats/src/test/r/reference-writers.R") # data_dir, full, write_ref, write_versions
write_versions(c("lme4", "minqa", "nloptr"))

export <- function(df, name) {
  write.csv(df, file.path(data_dir, paste0(name, ".csv")), row.names = FALSE, na = "")
  read.csv(file.path(data_dir, paste0(name, ".csv")), stringsAsFactors = TRUE)
}
sleepstudy <- export(lme4::sleepstudy, "sleepstudy")
sleepstudy$Subject <- factor(sleepstudy$Subject)
penicillin <- export(lme4::Penicillin, "Penicillin")
pastes <- export(lme4::Pastes[, c("strength", "batch", "cask")], "Pastes")
dyestuff2 <- export(lme4::Dyestuff2, "Dyestuff2")

# Simulated clients nested in professionals, unbalanced (3 to 8 clients per professional, 2 to 6 sessions per client),
# so that the fixed effects depend on the variance components (in the balanced sets above they equal OLS).
set.seed(20261202)
rows <- list()
for (p in 1:12) {
  experience <- round(runif(1, 1, 20))
  u_p <- rnorm(1, 0, 2)
  slope_p <- rnorm(1, 0, 0.3)
  for (c in seq_len(sample(3:8, 1))) {
    u_c <- rnorm(1, 0, 1.5)
    for (s in seq_len(sample(2:6, 1))) {
      rows[[length(rows) + 1]] <- data.frame(
        professional = sprintf("P%02d", p), client = sprintf("C%d", c), session = s, experience = experience,
        alliance = round(40 + 0.15 * experience + (0.8 + slope_p) * s + u_p + u_c + rnorm(1, 0, 2), 2))
    }
  }
}
caseload <- export(do.call(rbind, rows), "caseload")

polished <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhobeg = 0.2, rhoend = 1e-12, maxfun = 1e5))

write_fit <- function(fit, name) {
  s <- summary(fit)
  cf <- s$coefficients
  write_ref(data.frame(term = rownames(cf), estimate = cf[, 1], std_error = cf[, 2], t_value = cf[, 3]),
            paste0(name, "-fixed"))
  vc <- as.data.frame(VarCorr(fit))
  vc$var1[is.na(vc$var1)] <- ""
  vc$var2[is.na(vc$var2)] <- ""
  write_ref(data.frame(grp = vc$grp, var1 = vc$var1, var2 = vc$var2, vcov = vc$vcov, sdcor = vc$sdcor),
            paste0(name, "-varcorr"))
  ll <- logLik(fit)
  conv <- fit@optinfo$conv$lme4$messages
  theta <- getME(fit, "theta")
  write_ref(data.frame(
    key = c("reml", "sigma", "log_lik", "df", "aic", "bic", "deviance", "criterion", "n", "singular",
            "optimizer_messages", paste0("theta_", seq_along(theta))),
    value = c(as.numeric(isREML(fit)), sigma(fit), as.numeric(ll), attr(ll, "df"), AIC(fit), BIC(fit),
              if (isREML(fit)) NA else deviance(fit),
              if (isREML(fit)) REMLcrit(fit) else deviance(fit), nobs(fit), as.numeric(isSingular(fit)),
              length(conv), unname(theta))
  ), paste0(name, "-model"))
}
fit_both <- function(formula, data, name, REML = TRUE) {
  write_fit(lmer(formula, data = data, REML = REML), paste0(name, "-default"))
  write_fit(lmer(formula, data = data, REML = REML, control = polished), paste0(name, "-polished"))
}

fit_both(Reaction ~ Days + (1 | Subject), sleepstudy, "sleepstudy-intercept-reml")
fit_both(Reaction ~ Days + (1 | Subject), sleepstudy, "sleepstudy-intercept-ml", REML = FALSE)
fit_both(Reaction ~ Days + (Days | Subject), sleepstudy, "sleepstudy-slope-reml")
fit_both(Reaction ~ Days + (Days | Subject), sleepstudy, "sleepstudy-slope-ml", REML = FALSE)
fit_both(diameter ~ 1 + (1 | plate) + (1 | sample), penicillin, "penicillin-crossed-reml")
fit_both(strength ~ 1 + (1 | batch / cask), pastes, "pastes-nested-reml")
fit_both(strength ~ 1 + (1 | batch / cask), pastes, "pastes-nested-ml", REML = FALSE)
fit_both(alliance ~ session + experience + (1 | professional / client), caseload, "caseload-nested-reml")
fit_both(alliance ~ session + experience + (1 | professional / client), caseload, "caseload-nested-ml", REML = FALSE)
fit_both(alliance ~ session + experience + (session | professional), caseload, "caseload-slope-reml")
# Formulas as regress reads them in the fixed part (the same parser): a power and an interaction.
fit_both(Reaction ~ Days + I(Days^2) + (Days | Subject), sleepstudy, "sleepstudy-quadratic-reml")
fit_both(alliance ~ session * experience + (1 | professional / client), caseload, "caseload-interaction-ml",
         REML = FALSE)
# Dyestuff2: the between-batch variance is estimated as 0, lmer says "boundary (singular) fit".
fit_both(Yield ~ 1 + (1 | Batch), dyestuff2, "dyestuff2-singular-reml")
# Without the fixed intercept, and a transformed response, read by the same parser as regress (issue 15).
fit_both(Reaction ~ 0 + Days + (1 | Subject), sleepstudy, "sleepstudy-nointercept-reml")
fit_both(log(Reaction) ~ Days + I(Days^2) + (1 | Subject), sleepstudy, "sleepstudy-log-reml")
fit_both(log(alliance) ~ 0 + session + experience + (1 | professional), caseload, "caseload-log-nointercept-ml",
         REML = FALSE)
