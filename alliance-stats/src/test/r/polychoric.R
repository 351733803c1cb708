# Reference outputs for polychoric correlations (org.alliance.stats.correlation.PolychoricCorrelation) and the
# bivariate normal distribution (BivariateNormal).
# Run from the repository root:  Rscript alliance-stats/src/test/r/polychoric.R
# reference/correlation/polychoric.csv: per pair of bfi's agreeableness items A1-A5 (6 categories, rows complete on the
#   five items, no empty cell), lavaan::lavCor(ordered = ...)'s rho and its SE, psych::polychoric(correct = 0,
#   global = FALSE)'s rho, and lavaan's thresholds of the first item.
# reference/correlation/bivariate-normal.csv: mvtnorm::pmvnorm lower-orthant probabilities on a grid of h, k, rho.
suppressPackageStartupMessages({
  library(lavaan)
  library(psych)
  library(mvtnorm)
})
data_dir <- "alliance-stats/src/test/resources/data"
out <- "alliance-stats/src/test/resources/reference/correlation"
num <- function(x) formatC(x, digits = 17, format = "g")

bfi <- read.csv(file.path(data_dir, "bfi.csv"))
items <- c("A1", "A2", "A3", "A4", "A5")
x <- na.omit(bfi[, items])
fit <- lavCor(x, ordered = items, output = "fit", se = "standard")
pe <- parameterEstimates(fit)
ps <- polychoric(x, correct = 0, global = FALSE)$rho
rows <- list()
for (i in 1:4) for (j in (i + 1):5) {
  r <- pe[pe$lhs == items[i] & pe$op == "~~" & pe$rhs == items[j], ]
  rows[[length(rows) + 1]] <- data.frame(x = items[i], y = items[j], n = nrow(x), rho = num(r$est), se = num(r$se),
                                         psych_rho = num(ps[i, j]), empty_cells = sum(table(x[[i]], x[[j]]) == 0))
}
write.csv(do.call(rbind, rows), file.path(out, "polychoric.csv"), row.names = FALSE)
th <- pe[pe$op == "|" & pe$lhs == "A1", ]
write.csv(data.frame(threshold = th$rhs, value = num(th$est)), file.path(out, "polychoric-thresholds-A1.csv"),
          row.names = FALSE)

grid <- expand.grid(h = c(-3, -1.2, 0, 0.4, 2.5), k = c(-2.2, -0.3, 0.7, 3), rho = c(-0.99, -0.95, -0.6, -0.1, 0,
                    0.2, 0.5, 0.8, 0.93, 0.999))
grid$p <- mapply(function(h, k, r) {
  pmvnorm(upper = c(h, k), corr = matrix(c(1, r, r, 1), 2), algorithm = TVPACK(abseps = 1e-14))[1]
}, grid$h, grid$k, grid$rho)
grid$p <- num(grid$p)
write.csv(grid, file.path(out, "bivariate-normal.csv"), row.names = FALSE)
writeLines(c(paste("R", getRversion()), paste("lavaan", packageVersion("lavaan")), paste("psych", packageVersion("psych")),
             paste("mvtnorm", packageVersion("mvtnorm"))), file.path(out, "VERSIONS-polychoric.txt"))
