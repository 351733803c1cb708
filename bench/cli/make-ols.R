# The whole-process OLS benchmark's data (bench/cli/run.sh): 200 000 rows, y and x1..x19 (20 columns), as a
# researcher's export: numbers with 6 decimals, written by write.csv. y = 1 + sum (j/10) x_j + N(0, 2^2).
# Usage: Rscript bench/cli/make-ols.R OUT.csv [ROWS]
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[[1]] else "ols-200000x20.csv"
n <- if (length(args) >= 2) as.integer(args[[2]]) else 200000L
k <- 19L
set.seed(20261204)
X <- matrix(rnorm(n * k), n, k)
y <- 1 + drop(X %*% (seq_len(k) / 10)) + rnorm(n, sd = 2)
d <- data.frame(y = round(y, 6), round(X, 6))
names(d) <- c("y", paste0("x", seq_len(k)))
write.csv(d, out, row.names = FALSE)
