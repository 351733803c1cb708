# Reference outputs for formulas as R writes them (org.alliance.stats.regression.Formula / DesignMatrix): interactions,
# factor(), I() arithmetic, log/exp/sqrt/scale, no intercept, y ~ ., weights, robust errors with such terms, and the
# order of factor levels under R's collation (C and ICU's en_US, da_DK, nb_NO).
# Run from the repository root:  Rscript alliance-stats/src/test/r/formulas.R
# Exports the data sets it uses (mtcars is already there, from export-data.R) to alliance-stats/src/test/resources/data
# and reads them back, so Java and R see the same input. Numbers are written with 17 significant digits.
#
# reference/formulas/cases.csv: one row per fitted model (data set, formula, family, weights, covariance);
# <case>-coefficients.csv: term, estimate, std_error, statistic, p_value, conf_low, conf_high (coeftest with the
# covariance; t on the residual df for lm, z for glm); <case>-model.csv: key,value (lm: R², adjusted R², sigma, F, df,
# logLik, AIC, BIC; glm: deviance, null deviance, AIC, BIC, logLik, iterations; with robust errors the Wald test of the
# slopes, W = b' V^-1 b over the coefficients other than the intercept, F form for lm and chi-square for glm).
# reference/formulas/levels.csv: the sorted levels of data/nordic.csv's place column per collation.
suppressPackageStartupMessages({
  library(sandwich)
  library(lmtest)
})
out_dir <- "alliance-stats/src/test/resources/reference/formulas"
source("alliance-stats/src/test/r/reference-writers.R") # data_dir, full, write_ref, write_versions
write_versions(c("sandwich", "lmtest"), paste("ICU", extSoftVersion()[["ICU"]]))

write_data <- function(df, name) write.csv(df, file.path(data_dir, paste0(name, ".csv")), row.names = FALSE, na = "")
write_data(datasets::ToothGrowth, "ToothGrowth")
write_data(datasets::warpbreaks, "warpbreaks")
write_data(datasets::iris, "iris")
# Place names with the Nordic letters, for the order of levels (the response is made up, deterministic).
places <- c("Oslo", "Ålesund", "Ærø", "Østfold", "Bergen", "Aalborg", "aarhus", "Zealand", "odense", "Ørsta", "Arendal",
            "Åsane", "Ebeltoft", "Æbeltoft", "Bø", "bergen")
nordic <- data.frame(place = rep(places, each = 3), y = round(sin(seq_along(rep(places, each = 3))) * 10 + 50, 3))
write_data(nordic, "nordic")

read_data <- function(name) read.csv(file.path(data_dir, paste0(name, ".csv")), stringsAsFactors = TRUE)
datasets <- list(mtcars = read.csv(file.path(data_dir, "mtcars.csv")), ToothGrowth = read_data("ToothGrowth"),
                 warpbreaks = read_data("warpbreaks"), iris = read_data("iris"))
datasets$mtcars$model <- NULL  # the car names are labels, not a predictor (y ~ . would use them)

cases <- list()
# covariance: "classical", "HC0".."HC3" (vcovHC) or "CR1"/"CR0" (vcovCL, cluster = ~cluster, type HC1/HC0)
add_case <- function(name, dataset, formula, family = "gaussian", weights = "", covariance = "classical",
                     cluster = "") {
  data <- datasets[[dataset]]
  f <- as.formula(formula)
  w <- if (weights == "") NULL else data[[weights]]
  fit <- if (family == "gaussian") {
    do.call(lm, list(formula = f, data = data, weights = w))
  } else {
    withCallingHandlers(do.call(glm, list(formula = f, family = binomial, data = data, weights = w)),
                        warning = function(w) invokeRestart("muffleWarning"))
  }
  is_glm <- family != "gaussian"
  V <- switch(covariance,
    classical = vcov(fit),
    CR1 = vcovCL(fit, cluster = data[[cluster]], type = "HC1"),
    CR0 = vcovCL(fit, cluster = data[[cluster]], type = "HC0"),
    vcovHC(fit, type = covariance))
  ct <- coeftest(fit, vcov. = V)
  q <- if (is_glm) qnorm(0.975) else qt(0.975, fit$df.residual)
  est <- ct[, 1]
  se <- ct[, 2]
  write_ref(data.frame(term = rownames(ct), estimate = unname(est), std_error = unname(se),
                       statistic = unname(ct[, 3]), p_value = unname(ct[, 4]),
                       conf_low = unname(est - q * se), conf_high = unname(est + q * se)),
            paste0(name, "-coefficients"))
  model <- if (!is_glm) {
    s <- summary(fit)
    list(r_squared = s$r.squared, adj_r_squared = s$adj.r.squared, sigma = s$sigma,
         f_statistic = s$fstatistic[["value"]], f_df1 = s$fstatistic[["numdf"]], df_residual = fit$df.residual,
         f_p_value = pf(s$fstatistic[["value"]], s$fstatistic[["numdf"]], s$fstatistic[["dendf"]], lower.tail = FALSE),
         log_lik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit), n = nobs(fit))
  } else {
    list(deviance = deviance(fit), null_deviance = fit$null.deviance, aic = AIC(fit), bic = BIC(fit),
         log_lik = as.numeric(logLik(fit)), iterations = fit$iter, df_residual = fit$df.residual, n = nobs(fit))
  }
  if (covariance != "classical") {
    slopes <- names(coef(fit)) != "(Intercept)"
    W <- drop(t(coef(fit)[slopes]) %*% solve(V[slopes, slopes]) %*% coef(fit)[slopes])
    k <- sum(slopes)
    if ("(Intercept)" %in% names(coef(fit))) {  # waldtest needs the intercept-only model nested in the fit
      wt <- waldtest(fit, vcov = V, test = if (is_glm) "Chisq" else "F")
      stopifnot(isTRUE(all.equal(if (is_glm) wt[2, "Chisq"] else wt[2, "F"] * k, W, tolerance = 1e-12)))
    }
    model$wald_statistic <- if (is_glm) W else W / k
    model$wald_df <- k
    model$wald_p_value <- if (is_glm) pchisq(W, k, lower.tail = FALSE) else
      pf(W / k, k, fit$df.residual, lower.tail = FALSE)
  }
  write_ref(data.frame(key = names(model), value = unlist(model, use.names = FALSE)), paste0(name, "-model"))
  cases[[name]] <<- data.frame(case = name, dataset = dataset, formula = formula, family = family, weights = weights,
                               covariance = covariance, cluster = cluster)
}

# numeric x numeric, numeric x factor, factor x factor; factor() of a numeric column
add_case("wt-times-hp", "mtcars", "mpg ~ wt * hp")
add_case("wt-times-cyl", "mtcars", "mpg ~ wt * factor(cyl)")
add_case("cyl-colon-am", "mtcars", "mpg ~ factor(cyl):am")
add_case("am-colon-cyl-main", "mtcars", "mpg ~ factor(cyl) + am:factor(cyl)")
add_case("wool-times-tension", "warpbreaks", "breaks ~ wool * tension")
# (breaks ~ wool:tension alone is aliased: R reports NA for woolB:tensionM, we refuse it; see DesignMatrixTest)
add_case("tension-plus-wool-in-tension", "warpbreaks", "breaks ~ tension + wool:tension")
add_case("supp-times-dose", "ToothGrowth", "len ~ supp * factor(dose)")
add_case("three-way", "mtcars", "mpg ~ wt * hp * qsec")
add_case("crossed-sums", "mtcars", "mpg ~ (wt + hp) * (qsec + drat)")
# arithmetic and functions
add_case("transforms", "mtcars", "mpg ~ wt + I(wt^2) + log(hp) + sqrt(disp) + exp(drat/10)")
add_case("arithmetic", "mtcars", "mpg ~ I(wt * hp) + I(1/disp) + I((qsec - 18)^2) + log(hp + 1)")
add_case("scaled", "mtcars", "mpg ~ scale(wt) + scale(hp)")
# no intercept: the first factor gets all levels, R^2 uncentred
add_case("no-intercept-factor", "mtcars", "mpg ~ 0 + wt + factor(cyl)")
add_case("no-intercept-minus-one", "mtcars", "mpg ~ wt + hp - 1")
add_case("no-intercept-two-factors", "warpbreaks", "breaks ~ tension + wool - 1")
# all columns, and removal of a term
add_case("dot", "iris", "Sepal.Length ~ .")
add_case("minus-term", "iris", "Sepal.Length ~ Petal.Length * Species - Species")
# weights
add_case("weighted", "mtcars", "mpg ~ wt + hp", weights = "carb")
add_case("weighted-factor", "mtcars", "mpg ~ wt * factor(am)", weights = "drat")
add_case("weighted-hc3", "mtcars", "mpg ~ wt + factor(cyl)", weights = "carb", covariance = "HC3")
add_case("weighted-cr1", "mtcars", "mpg ~ wt + hp", weights = "carb", covariance = "CR1", cluster = "gear")
# robust errors and the Wald test with the new terms
add_case("interaction-hc3", "mtcars", "mpg ~ wt * factor(am) + I(hp/100)", covariance = "HC3")
add_case("interaction-cr1", "mtcars", "mpg ~ wt:hp + log(disp)", covariance = "CR1", cluster = "carb")
add_case("no-intercept-hc1", "mtcars", "mpg ~ 0 + wt + factor(cyl)", covariance = "HC1")
# logistic
add_case("logistic-transforms", "mtcars", "vs ~ wt + log(hp)", family = "binomial")
add_case("logistic-power", "mtcars", "am ~ hp + I(wt^2)", family = "binomial")
add_case("logistic-interaction", "mtcars", "vs ~ mpg * am", family = "binomial")
add_case("logistic-no-intercept", "mtcars", "am ~ 0 + wt + factor(cyl)", family = "binomial")
add_case("logistic-weighted", "mtcars", "vs ~ mpg", family = "binomial", weights = "carb")
add_case("logistic-fractional-weights", "mtcars", "vs ~ mpg + wt", family = "binomial", weights = "drat")
add_case("logistic-interaction-hc0", "mtcars", "vs ~ mpg * am", family = "binomial", covariance = "HC0")
add_case("logistic-weighted-cr0", "mtcars", "vs ~ mpg + wt", family = "binomial", weights = "carb",
         covariance = "CR0", cluster = "gear")
# A transformed response, evaluated by model.frame like a predictor (issue 15).
add_case("log-response", "mtcars", "log(mpg) ~ wt + factor(cyl)")
add_case("ratio-response-no-intercept", "mtcars", "I(mpg/wt) ~ 0 + hp + factor(am)")
add_case("sqrt-response-hc3", "mtcars", "sqrt(mpg) ~ wt + hp", covariance = "HC3")
write_ref(do.call(rbind, cases), "cases")

# Level order: factor() sorts with sort(unique(x)), which collates by the session's locale. The OS locales are not
# installed here; R uses ICU for collation and icuSetCollate() chooses ICU's rules for a locale ("ASCII" = strcmp, the
# C locale's order).
nordic <- read.csv(file.path(data_dir, "nordic.csv"))
orders <- list()
for (collation in c("C", "en-US", "da-DK", "nb-NO")) {
  icuSetCollate(locale = if (collation == "C") "ASCII" else sub("-", "_", collation))
  levels <- levels(factor(nordic$place))
  fit <- lm(y ~ place, data = nordic)
  stopifnot(identical(names(coef(fit))[-1], paste0("place", levels[-1])))
  orders[[collation]] <- data.frame(collation = collation, position = seq_along(levels), level = levels)
}
write_ref(do.call(rbind, orders), "levels")
