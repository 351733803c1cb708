# Exports the public data sets our statistics are tested against, from Debian's R packages.
# Run from the repository root:  Rscript alliance-stats/src/test/r/export-data.R
# Missing values are written as empty cells (our CSV convention: empty or NA).
suppressPackageStartupMessages({
  library(lavaan)
  library(psych)
  library(sandwich)
})
out <- "alliance-stats/src/test/resources/data"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
write_data <- function(df, name) {
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "")
}
hs <- lavaan::HolzingerSwineford1939
write_data(hs[, c("id", "sex", "ageyr", "agemo", "school", "grade", paste0("x", 1:9))], "HolzingerSwineford1939")
write_data(psych::bfi, "bfi")
write_data(datasets::longley, "longley")
mt <- datasets::mtcars
write_data(cbind(model = rownames(mt), mt), "mtcars")
# Petersen's (2009) simulated panel, 500 firms x 10 years: the standard test of two-way clustered errors.
data("PetersenCL", package = "sandwich", envir = environment())
write_data(PetersenCL, "PetersenCL")
writeLines(c(
  paste("R", paste(R.version$major, R.version$minor, sep = ".")),
  paste("lavaan", as.character(packageVersion("lavaan"))),
  paste("psych", as.character(packageVersion("psych"))),
  paste("sandwich", as.character(packageVersion("sandwich")))
), file.path(out, "VERSIONS.txt"))
