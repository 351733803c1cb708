suppressPackageStartupMessages(library(lme4))
# lme4 ships InstEval (73 421 ratings, 2 972 students s, 1 128 lecturers d); service 0/1.
d <- InstEval
write.csv(data.frame(s = as.character(d$s), d = as.character(d$d), service = as.integer(d$service == "1"), y = d$y),
          "insteval.csv", row.names = FALSE, quote = FALSE)
cat(nrow(d), nlevels(d$s), nlevels(d$d), "\n")
