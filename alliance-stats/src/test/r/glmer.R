# Reference outputs for the logistic random-intercept model (org.alliance.stats.mixed.LogisticMixedModel) as
# lme4::glmer(family = binomial), Laplace (nAGQ = 1).
# Run from the repository root:  Rscript alliance-stats/src/test/r/glmer.R
# Data: lme4's cbpp (incidence of contagious bovine pleuropneumonia out of size animals, 15 herds, 4 periods), written
# with the proportion incidence/size (fitted as glmer(prop ~ period + (1 | herd), weights = size), the same model as
# cbind(incidence, size - incidence)), and our simulated caseload with a 0/1 outcome (alliance above its median).
# Per case: <case>-fixed.csv (estimate; std_error from the RX factor, vcov(fit, use.hessian = FALSE); std_error_hessian
# from lme4's default finite-difference Hessian) and <case>-model.csv (theta, variance, logLik, AIC, BIC, deviance),
# fitted with bobyqa polished to rhoend 1e-10 (and the default fit's figures for comparison).
suppressPackageStartupMessages(library(lme4))
out_dir <- "alliance-stats/src/test/resources/reference/glmer"
source("alliance-stats/src/test/r/reference-writers.R") # data_dir, full, write_ref, write_versions
write_versions("lme4")
cbpp <- lme4::cbpp
cbpp$prop <- cbpp$incidence / cbpp$size
write.csv(cbpp, file.path(data_dir, "cbpp.csv"), row.names = FALSE)
cbpp <- read.csv(file.path(data_dir, "cbpp.csv"))
cbpp$period <- factor(cbpp$period)
caseload <- read.csv(file.path(data_dir, "caseload.csv"))
caseload$high <- as.numeric(caseload$alliance > median(caseload$alliance))

polished <- glmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5))
cases <- list()
add_case <- function(name, formula, data, dataset, weights = NULL, weight_column = "") {
  for (variant in c("polished", "default")) {
    fit <- if (variant == "polished") {
      glmer(formula, data = data, family = binomial, weights = weights, control = polished)
    } else {
      glmer(formula, data = data, family = binomial, weights = weights)
    }
    cf <- summary(fit)$coefficients
    write_ref(data.frame(term = rownames(cf), estimate = cf[, 1],
                         std_error = sqrt(diag(as.matrix(vcov(fit, use.hessian = FALSE)))),
                         std_error_hessian = sqrt(diag(as.matrix(vcov(fit))))),
              paste0(name, "-", variant, "-fixed"))
    ll <- logLik(fit)
    theta <- getME(fit, "theta")
    write_ref(data.frame(key = c("theta", "variance", "log_lik", "df", "aic", "bic", "deviance", "n", "groups",
                                 "optimizer_messages"),
                         value = c(theta, theta^2, as.numeric(ll), attr(ll, "df"), AIC(fit), BIC(fit),
                                   deviance(fit), nobs(fit), ngrps(fit)[[1]],
                                   length(fit@optinfo$conv$lme4$messages))),
              paste0(name, "-", variant, "-model"))
  }
  cases[[name]] <<- data.frame(case = name, dataset = dataset, formula = deparse(formula), weights = weight_column)
}
add_case("cbpp-period", prop ~ period + (1 | herd), cbpp, "cbpp", weights = cbpp$size, weight_column = "size")
add_case("caseload-high", high ~ session + experience + (1 | professional), caseload, "caseload")
# Without the fixed intercept: one coefficient per period (issue 15).
add_case("cbpp-nointercept", prop ~ 0 + period + (1 | herd), cbpp, "cbpp", weights = cbpp$size, weight_column = "size")
# A singular fit: the between-cylinder SD of am given wt is estimated as 0 ("boundary (singular) fit").
mtcars <- read.csv(file.path(data_dir, "mtcars.csv"))
add_case("mtcars-singular", am ~ wt + (1 | cyl), mtcars, "mtcars")
write_ref(do.call(rbind, cases), "cases")
