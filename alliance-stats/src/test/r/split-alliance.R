# Reference outputs for org.alliance.stats.alliance.SplitAllianceIndex (base R only).
# Run from the repository root:  Rscript alliance-stats/src/test/r/split-alliance.R
# Each case: scores (";"-separated, NA = missing), the scale's lowest and highest score, and the two indices:
#   range index = diff(range(x)) / (b - a)
#   SD index    = population SD sqrt(mean((x - mean(x))^2)) / ((b - a) / 2)
# on the non-missing x; NA when fewer than 2 scores are present.
out_dir <- "alliance-stats/src/test/resources/reference/alliance"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
set.seed(20261123)
cases <- list(
  list(x = c(4.5, 3.25), a = 1, b = 5),
  list(x = c(5, 4.75, 2), a = 1, b = 5),
  list(x = c(3, NA, 4.25, 4), a = 1, b = 5),
  list(x = c(1, 5), a = 1, b = 5),
  list(x = c(1, 1, 5, 5), a = 1, b = 5),
  list(x = c(1, 5, 5), a = 1, b = 5),
  list(x = c(4, 4, 4), a = 1, b = 5),
  list(x = c(4.5), a = 1, b = 5),
  list(x = c(NA, 3.5, NA), a = 1, b = 5),
  list(x = c(7, 9.5, 2.25, 10), a = 0, b = 10),
  list(x = c(12, 20, 16), a = 4, b = 20)
)
for (i in 1:6) {
  n <- sample(2:5, 1)
  x <- round(runif(n, 1, 5) * 4) / 4
  x[runif(n) < 0.15] <- NA
  cases[[length(cases) + 1]] <- list(x = x, a = 1, b = 5)
}
full <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
rows <- lapply(seq_along(cases), function(i) {
  c <- cases[[i]]
  x <- c$x[!is.na(c$x)]
  if (length(x) < 2) {
    r <- NA; s <- NA
  } else {
    r <- diff(range(x)) / (c$b - c$a)
    s <- sqrt(mean((x - mean(x))^2)) / ((c$b - c$a) / 2)
  }
  data.frame(case = i, scores = paste(ifelse(is.na(c$x), "NA", format(c$x)), collapse = ";"),
             scale_min = c$a, scale_max = c$b, n = length(x),
             range_index = full(r), sd_index = full(s), stringsAsFactors = FALSE)
})
ref <- do.call(rbind, rows)
ref$scores <- gsub(" ", "", ref$scores)
write.csv(ref, file.path(out_dir, "split-alliance.csv"), row.names = FALSE, quote = TRUE)
writeLines(paste("R", paste(R.version$major, R.version$minor, sep = ".")), file.path(out_dir, "VERSIONS.txt"))
