# The writers the regression, correlation and mixed-model reference scripts share (correlation.R, formulas.R,
# glmer.R, mixed.R, robust.R): each script sets `out_dir`, the folder it writes to, and sources this file from the
# repository root, which also sets `data_dir`, the folder of the committed input CSVs, and creates `out_dir`.
#   write_ref(df, name):              <name>.csv, every numeric column with 17 significant digits (sprintf %.17g)
#   write_versions(packages, extra):  VERSIONS.txt: R's version, then each package's, then the lines of `extra`
data_dir <- "alliance-stats/src/test/resources/data"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

full <- function(x) if (is.numeric(x)) sprintf("%.17g", x) else x
write_ref <- function(df, name) {
  df[] <- lapply(df, full)
  write.csv(df, file.path(out_dir, paste0(name, ".csv")), row.names = FALSE, quote = TRUE)
}
write_versions <- function(packages = character(), extra = character()) {
  writeLines(c(
    paste("R", paste(R.version$major, R.version$minor, sep = ".")),
    vapply(packages, function(p) paste(p, as.character(packageVersion(p))), ""),
    extra
  ), file.path(out_dir, "VERSIONS.txt"))
}
