# Data for the benchmarks (alliance-bench). Run from the repository root:
#   Rscript alliance-bench/src/r/make-data.R [OUT_DIR]
# 1. alliance-bench/src/main/resources/data/hs-missing10.csv (COMMITTED): HolzingerSwineford1939's x1..x9 with
#    10 % of the 2709 values (271 cells, chosen by sample() with set.seed(20261123)) set to NA. Both the JMH
#    benchmark and timings.R read this one file, so Java and lavaan fit exactly the same data.
# 2. OUT_DIR/ols-1000000x20.bin (default OUT_DIR /tmp/alliance-bench; NOT committed, 168 MB): y and x1..x20 for
#    n = 1 000 000, set.seed(20261124), x ~ N(0, 1), y = 1 + sum_j (j / 10) x_j + N(0, 2^2); written as 21 columns
#    of little-endian IEEE doubles, column after column (y first), so Java reads exactly the doubles R uses.
#    OUT_DIR/ols-1000000x20-coef.csv holds lm's coefficients for a correctness cross-check.
args <- commandArgs(trailingOnly = TRUE)
out_dir <- if (length(args) >= 1) args[[1]] else "/tmp/alliance-bench"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

hs <- read.csv("alliance-stats/src/test/resources/data/HolzingerSwineford1939.csv")
x <- as.matrix(hs[, paste0("x", 1:9)])
set.seed(20261123)
cells <- sample(length(x), round(0.10 * length(x)))
x[cells] <- NA
stopifnot(all(rowSums(!is.na(x)) > 0))
write.csv(as.data.frame(x), "alliance-bench/src/main/resources/data/hs-missing10.csv", row.names = FALSE, na = "NA")
cat("hs-missing10.csv:", sum(is.na(x)), "missing of", length(x), "values;",
    sum(complete.cases(x)), "complete rows\n")

n <- 1000000L
k <- 20L
set.seed(20261124)
X <- matrix(rnorm(n * k), n, k)
y <- drop(1 + X %*% (seq_len(k) / 10) + rnorm(n, sd = 2))
con <- file(file.path(out_dir, "ols-1000000x20.bin"), "wb")
writeBin(y, con, size = 8, endian = "little")
writeBin(as.vector(X), con, size = 8, endian = "little")
close(con)
d <- data.frame(y = y, X)
names(d) <- c("y", paste0("x", seq_len(k)))
co <- coef(lm(y ~ ., data = d))
write.csv(data.frame(term = names(co), estimate = format(co, digits = 17)),
          file.path(out_dir, "ols-1000000x20-coef.csv"), row.names = FALSE)
cat("wrote", file.path(out_dir, "ols-1000000x20.bin"), "\n")
