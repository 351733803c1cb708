# Reference quantiles for org.alliance.stats.descriptive.Quantile (R's default, type 7).
# Run from the repository root:  Rscript alliance-stats/src/test/r/quantile.R
out_dir <- "alliance-stats/src/test/resources/reference/descriptive"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
sets <- list(
  mtcars_mpg = mtcars$mpg,
  ties = c(3, 3, 3, 4, 4, 5, 1, 2, 2, 2.5),
  one = c(4.2),
  two = c(1, 5)
)
probs <- c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)
rows <- do.call(rbind, lapply(names(sets), function(n) {
  q <- quantile(sets[[n]], probs, type = 7, names = FALSE)
  data.frame(set = n, values = paste(sprintf("%.17g", sets[[n]]), collapse = " "),
             p = sprintf("%.17g", probs), quantile = sprintf("%.17g", q))
}))
write.csv(rows, file.path(out_dir, "quantile-type7.csv"), row.names = FALSE, quote = TRUE)
writeLines(paste("R", paste(R.version$major, R.version$minor, sep = ".")), file.path(out_dir, "VERSIONS.txt"))
