# Reference outputs for the observation statistics (lag-sequential tables and Cohen's kappa).
# Run from the repository root:  Rscript alliance-stats/src/test/r/observation-reference.R
# Writes CSV files to alliance-stats/src/test/resources/reference/observation/ (with R/package versions).
suppressPackageStartupMessages(library(psych))
out <- "alliance-stats/src/test/resources/reference/observation"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

# A sequence of 200 events over 5 codes (0..4) in which a code never follows itself (merged runs).
set.seed(20261123)
k <- 5
s <- integer(200)
s[1] <- sample(0:(k - 1), 1)
for (i in 2:200) s[i] <- sample(setdiff(0:(k - 1), s[i - 1]), 1)
writeLines(paste(s, collapse = " "), file.path(out, "sequence.txt"))

tally <- function(s, lag) {
  n <- length(s)
  table(factor(s[1:(n - lag)], levels = 0:(k - 1)), factor(s[(1 + lag):n], levels = 0:(k - 1)))
}

# Lag 1, diagonal structural zero: quasi-independence, Poisson GLM over the off-diagonal cells.
f1 <- tally(s, 1)
cells <- expand.grid(from = 0:(k - 1), to = 0:(k - 1))
cells$count <- as.vector(f1)
off <- cells[cells$from != cells$to, ]
fit <- glm(count ~ factor(from) + factor(to), family = poisson, data = off,
           control = glm.control(epsilon = 1e-15, maxit = 100))
off$expected <- fitted(fit)
off$adjusted_residual <- rstandard(fit, type = "pearson")
write.csv(off[order(off$from, off$to), ], file.path(out, "lag1-quasi-independence.csv"), row.names = FALSE)

# Lag 2, no structural zeros: independence; chisq.test's stdres are the adjusted residuals.
f2 <- tally(s, 2)
ct <- suppressWarnings(chisq.test(f2, correct = FALSE))
ind <- expand.grid(from = 0:(k - 1), to = 0:(k - 1))
ind$count <- as.vector(f2)
ind$expected <- as.vector(ct$expected)
ind$adjusted_residual <- as.vector(ct$stdres)
write.csv(ind[order(ind$from, ind$to), ], file.path(out, "lag2-independence.csv"), row.names = FALSE)

# Cohen's kappa (unweighted) of two coders over 60 units with 4 categories.
a <- sample(0:3, 60, replace = TRUE)
b <- ifelse(runif(60) < 0.6, a, sample(0:3, 60, replace = TRUE))
ck <- psych::cohen.kappa(cbind(a, b))
write.csv(data.frame(first = a, second = b), file.path(out, "kappa-ratings.csv"), row.names = FALSE)
write.csv(data.frame(kappa = ck$kappa), file.path(out, "kappa.csv"), row.names = FALSE)

writeLines(c(
  paste("R", paste(R.version$major, R.version$minor, sep = ".")),
  paste("psych", as.character(packageVersion("psych")))
), file.path(out, "VERSIONS.txt"))
