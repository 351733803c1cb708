# Reference outputs for org.alliance.stats.correlation: R's cor.test, Pearson (t test, Fisher-z interval) and
# Spearman with the t approximation (exact = FALSE).
# Run from the repository root:  Rscript alliance-stats/src/test/r/correlation.R
# Reads only the committed CSVs in alliance-stats/src/test/resources/data, so Java and R see the same input.
# Numbers are written with 17 significant digits (sprintf %.17g); the Java tests read them back.
out_dir <- "alliance-stats/src/test/resources/reference/correlation"
source("alliance-stats/src/test/r/reference-writers.R") # data_dir, full, write_ref, write_versions
write_versions()

sets <- list(
  mtcars = read.csv(file.path(data_dir, "mtcars.csv")),
  longley = read.csv(file.path(data_dir, "longley.csv")),
  bfi = read.csv(file.path(data_dir, "bfi.csv"))
)
# data set, x, y, confidence level: strong and weak, positive and negative, a p-value far in the tail (longley),
# heavy ties and missing values (bfi items: pairwise complete cases), a 90 % interval.
cases <- list(
  list("mtcars", "mpg", "wt", 0.95),
  list("mtcars", "mpg", "hp", 0.95),
  list("mtcars", "qsec", "drat", 0.95),
  list("mtcars", "mpg", "wt", 0.90),
  list("longley", "GNP", "Employed", 0.95),
  list("bfi", "A1", "A2", 0.95),
  list("bfi", "C1", "age", 0.99),
  list("bfi", "E3", "education", 0.95)
)
pearson <- list()
spearman <- list()
for (case in cases) {
  d <- sets[[case[[1]]]]
  x <- d[[case[[2]]]]
  y <- d[[case[[3]]]]
  level <- case[[4]]
  used <- sum(complete.cases(x, y))
  dropped <- length(x) - used
  p <- cor.test(x, y, conf.level = level)
  pearson[[length(pearson) + 1]] <- data.frame(
    data = case[[1]], x = case[[2]], y = case[[3]], conf_level = level, n = used, rows_dropped = dropped,
    estimate = unname(p$estimate), statistic = unname(p$statistic), parameter = unname(p$parameter),
    p_value = p$p.value, conf_low = p$conf.int[1], conf_high = p$conf.int[2]
  )
  s <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
  rho <- unname(s$estimate)
  spearman[[length(spearman) + 1]] <- data.frame(
    data = case[[1]], x = case[[2]], y = case[[3]], n = used, rows_dropped = dropped,
    estimate = rho, statistic = unname(s$statistic), t_statistic = rho * sqrt((used - 2) / (1 - rho^2)),
    p_value = s$p.value
  )
}
write_ref(do.call(rbind, pearson), "pearson")
write_ref(unique(do.call(rbind, spearman)), "spearman")  # spearman has no level: one row per pair
