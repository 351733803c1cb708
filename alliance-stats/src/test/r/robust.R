# Reference outputs for the robust and clustered standard errors of org.alliance.stats.regression (linear and logistic
# models) and the robust Wald test of all slopes.
# Run from the repository root:  Rscript alliance-stats/src/test/r/robust.R
# Reads only the committed CSVs in alliance-stats/src/test/resources/data (mtcars, PetersenCL), so Java and R see the
# same input. Numbers are written with 17 significant digits; the Java tests read them back.
#
# One row per case in robust/cases.csv says what was fitted; robust/<case>-coefficients.csv holds the coefficient table
# of lmtest::coeftest(fit, vcov = V) (t with the residual df for lm, z for glm) and robust/wald.csv the Wald test of all
# slopes, lmtest::waldtest(fit, vcov = V): F form for lm (waldtest's default for an lm), chi-square form for glm.
suppressPackageStartupMessages({
  library(sandwich)
  library(lmtest)
})
out_dir <- "alliance-stats/src/test/resources/reference/robust"
source("alliance-stats/src/test/r/reference-writers.R") # data_dir, full, write_ref, write_versions
write_versions(c("sandwich", "lmtest"))

mtcars <- read.csv(file.path(data_dir, "mtcars.csv"))
mtcars$cyl <- factor(as.character(mtcars$cyl))  # cyl as a text column: "4" is the reference level
petersen <- read.csv(file.path(data_dir, "PetersenCL.csv"))
petersen$up <- as.numeric(petersen$y > 0)  # a 0/1 outcome for the logistic cases; the Java test derives it alike

cases <- list()
coefficient_files <- list()
wald_rows <- list()

# covariance: "HC0".."HC3" (vcovHC) or "CL" (vcovCL); cluster: a one-sided formula or NULL; cl_type: vcovCL's type
# (NULL = its default: HC1 for lm, HC0 for glm). Our name for the vcovCL types: HC0 -> CR0, HC1 -> CR1.
add_case <- function(name, fit, covariance, cluster = NULL, cl_type = NULL, dataset, formula) {
  V <- if (covariance == "CL") {
    vcovCL(fit, cluster = cluster, type = cl_type)
  } else {
    vcovHC(fit, type = covariance)
  }
  is_glm <- inherits(fit, "glm")
  type <- if (covariance != "CL") {
    covariance
  } else {
    effective <- if (is.null(cl_type)) if (is_glm) "HC0" else "HC1" else cl_type
    c(HC0 = "CR0", HC1 = "CR1")[[effective]]
  }
  ct <- coeftest(fit, vcov. = V)
  df <- if (is_glm) Inf else fit$df.residual
  q <- if (is.finite(df)) qt(0.975, df) else qnorm(0.975)
  est <- ct[, 1]
  se <- ct[, 2]
  table <- data.frame(term = rownames(ct), estimate = unname(est), std_error = unname(se),
                      statistic = unname(ct[, 3]), p_value = unname(ct[, 4]),
                      conf_low = unname(est - q * se), conf_high = unname(est + q * se))
  write_ref(table, paste0(name, "-coefficients"))
  test <- if (is_glm) "Chisq" else "F"
  w <- waldtest(fit, vcov = V, test = test)
  # the same by hand: b_s' V_ss^-1 b_s over the slopes
  slopes <- names(coef(fit)) != "(Intercept)"
  by_hand <- drop(t(coef(fit)[slopes]) %*% solve(V[slopes, slopes]) %*% coef(fit)[slopes])
  stopifnot(isTRUE(all.equal(if (is_glm) w[2, test] else w[2, test] * sum(slopes), by_hand, tolerance = 1e-12)))
  clusters <- if (is.null(cluster)) "" else paste(all.vars(cluster), collapse = " ")
  cases[[name]] <<- data.frame(case = name, dataset = dataset, formula = formula,
                               family = if (is_glm) "binomial" else "gaussian", covariance = type,
                               clusters = clusters,
                               call = if (covariance == "CL") {
                                 paste0("vcovCL(fit, cluster = ", deparse(cluster),
                                        if (is.null(cl_type)) "" else paste0(", type = \"", cl_type, "\""), ")")
                               } else {
                                 paste0("vcovHC(fit, type = \"", covariance, "\")")
                               })
  wald_rows[[name]] <<- data.frame(case = name, test = test, statistic = w[2, test], df = abs(w[2, "Df"]),
                                   residual_df = if (is_glm) 0 else w[1, "Res.Df"],
                                   p_value = w[2, paste0("Pr(>", test, ")")])
}

# ---------------------------------------------------------------- linear models
mt_lm <- lm(mpg ~ wt + hp + cyl, data = mtcars)
for (type in c("HC0", "HC1", "HC2", "HC3")) {
  add_case(paste0("mtcars-lm-", tolower(type)), mt_lm, type, dataset = "mtcars", formula = "mpg ~ wt + hp + cyl")
}
# With the classical covariance, waldtest's F is summary(lm)'s F.
stopifnot(isTRUE(all.equal(waldtest(mt_lm, vcov = vcov(mt_lm))[2, "F"], summary(mt_lm)$fstatistic[["value"]],
                           tolerance = 1e-12)))
# mpg ~ wt + hp with three cylinder clusters: 2 slopes, so the clustered covariance of the slopes is not singular.
mt_lm2 <- lm(mpg ~ wt + hp, data = mtcars)
add_case("mtcars-lm-cyl-cr1", mt_lm2, "CL", ~cyl, dataset = "mtcars", formula = "mpg ~ wt + hp")
add_case("mtcars-lm-cyl-cr0", mt_lm2, "CL", ~cyl, "HC0", dataset = "mtcars", formula = "mpg ~ wt + hp")
add_case("mtcars-lm-cyl-gear-cr1", mt_lm2, "CL", ~ cyl + gear, dataset = "mtcars", formula = "mpg ~ wt + hp")
pt_lm <- lm(y ~ x, data = petersen)
add_case("petersen-lm-firm-cr1", pt_lm, "CL", ~firm, dataset = "PetersenCL", formula = "y ~ x")
add_case("petersen-lm-firm-year-cr1", pt_lm, "CL", ~ firm + year, dataset = "PetersenCL", formula = "y ~ x")
add_case("petersen-lm-firm-year-cr0", pt_lm, "CL", ~ firm + year, "HC0", dataset = "PetersenCL", formula = "y ~ x")

# ---------------------------------------------------------------- logistic models
mt_glm <- glm(am ~ wt + hp, family = binomial, data = mtcars)
for (type in c("HC0", "HC1", "HC2", "HC3")) {
  add_case(paste0("mtcars-glm-", tolower(type)), mt_glm, type, dataset = "mtcars", formula = "am ~ wt + hp")
}
add_case("mtcars-glm-cyl-cr0", mt_glm, "CL", ~cyl, dataset = "mtcars", formula = "am ~ wt + hp")
add_case("mtcars-glm-cyl-cr1", mt_glm, "CL", ~cyl, "HC1", dataset = "mtcars", formula = "am ~ wt + hp")
add_case("mtcars-glm-cyl-gear-cr0", mt_glm, "CL", ~ cyl + gear, dataset = "mtcars", formula = "am ~ wt + hp")
pt_glm <- glm(up ~ x, family = binomial, data = petersen)
add_case("petersen-glm-firm-cr0", pt_glm, "CL", ~firm, dataset = "PetersenCL", formula = "up ~ x")
add_case("petersen-glm-firm-year-cr0", pt_glm, "CL", ~ firm + year, dataset = "PetersenCL", formula = "up ~ x")
add_case("petersen-glm-firm-year-cr1", pt_glm, "CL", ~ firm + year, "HC1", dataset = "PetersenCL",
         formula = "up ~ x")
add_case("petersen-glm-hc3", pt_glm, "HC3", dataset = "PetersenCL", formula = "up ~ x")

write_ref(do.call(rbind, cases), "cases")
write_ref(do.call(rbind, wald_rows), "wald")
