# SPSS .sav files as researchers get them, written by R's haven, and what haven reads back from them: the reference
# for org.alliance.core.data.SavFile (DataTable.read on a .sav file).
# Run from the repository root:  Rscript alliance-core/src/test/r/sav.R
#
# sav/survey-{byte,none}.sav and survey.zsav: the same data frame written with each of the three compressions haven
# offers. It has what a client survey exported from SPSS has: item answers 1-5 with value labels in Dutch and Danish
# (ë, æ, ø, å), user-missing codes (discrete -9 and -8, a range 97 thru 99, a range plus a discrete value), system
# missing, a long variable name, a variable label, a short and a very long (328-byte) text answer, a date and a
# date-time.
# sav/survey-read.csv: the cells as haven::read_sav(user_na = FALSE) reads them (user-missing become NA), dates as
# YYYY-MM-DD, date-times as YYYY-MM-DD HH:MM:SS (UTC), numbers with 17 significant digits, NA as an empty cell.
# sav/survey-variables.csv: per variable its label, value labels ("1=label|2=label") and declared missing values.
suppressPackageStartupMessages(library(haven))
out <- "alliance-core/src/test/resources/sav"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

n <- 12
set.seed(20261203)
item <- function() sample(1:5, n, replace = TRUE)
labels_nl <- c("helemaal oneens" = 1, "oneens" = 2, "neutraal" = 3, "eens" = 4, "helemaal eens" = 5)
labels_da <- c("slet ikke" = 1, "lidt" = 2, "noget" = 3, "meget" = 4, "særdeles øget tillid å" = 5)
b1 <- item(); b1[3] <- -9; b1[7] <- NA
b2 <- item(); b2[5] <- 98; b2[6] <- 97.5
g1 <- item(); g1[2] <- -8; g1[9] <- 99
t1 <- item() + 0.25; t1[4] <- 1e-7; t1[10] <- -12345.678901234567
df <- data.frame(
  client_pseudonym = sprintf("C-%04d", 1:n),
  bond_1 = labelled_spss(b1, labels_nl, na_values = c(-9, -8), label = "We vertrouwen elkaar"),
  bond_2 = labelled_spss(b2, labels_da, na_range = c(97, 99), label = "Vi stoler på hinanden"),
  goal_1 = labelled_spss(g1, labels_nl, na_values = -8, na_range = c(99, Inf)),
  alliance_total_score_t1 = t1,
  stringsAsFactors = FALSE
)
note <- c("kort", "", "Zoë en Søren", rep("ok", n - 3))
df$note <- note
long <- strrep("ø-abcdefgh-", 30) # its first 300 characters are 328 bytes of UTF-8
df$long_answer <- c(substr(long, 1, 300), rep("short", n - 1))
df$intake <- as.Date("2026-01-05") + (0:(n - 1)) * 7
df$answered_at <- as.POSIXct("2026-06-15 08:00:00", tz = "UTC") + (0:(n - 1)) * 3601

write_sav(df, file.path(out, "survey-byte.sav"), compress = "byte")
write_sav(df, file.path(out, "survey-none.sav"), compress = "none")
write_sav(df, file.path(out, "survey.zsav"), compress = "zsav")

back <- read_sav(file.path(out, "survey-byte.sav"), user_na = FALSE)
num <- function(x) trimws(formatC(as.numeric(x), digits = 17, format = "g"))
cells <- lapply(back, function(x) {
  if (inherits(x, "POSIXct")) return(ifelse(is.na(x), "", format(x, "%Y-%m-%d %H:%M:%S", tz = "UTC")))
  if (inherits(x, "Date")) return(ifelse(is.na(x), "", format(x, "%Y-%m-%d")))
  if (is.numeric(x)) return(ifelse(is.na(x), "", num(x)))
  ifelse(is.na(x), "", as.character(x))
})
write.csv(as.data.frame(cells, stringsAsFactors = FALSE), file.path(out, "survey-read.csv"), row.names = FALSE,
          fileEncoding = "UTF-8")

withna <- read_sav(file.path(out, "survey-byte.sav"), user_na = TRUE)
vars <- do.call(rbind, lapply(names(withna), function(v) {
  x <- withna[[v]]
  lab <- attr(x, "label", exact = TRUE); if (is.null(lab)) lab <- ""
  vl <- attr(x, "labels")
  vl <- if (is.null(vl)) "" else paste0(num(unname(vl)), "=", names(vl), collapse = "|")
  nv <- attr(x, "na_values"); nr <- attr(x, "na_range")
  miss <- c(if (!is.null(nv)) num(nv),
            if (!is.null(nr)) paste0(num(nr[1]), " thru ", ifelse(is.infinite(nr[2]), "HI", num(nr[2]))))
  data.frame(variable = v, label = lab, value_labels = vl, missing = paste(miss, collapse = "|"))
}))
write.csv(vars, file.path(out, "survey-variables.csv"), row.names = FALSE, fileEncoding = "UTF-8")
writeLines(c(paste("R", getRversion()), paste("haven", packageVersion("haven"))), file.path(out, "VERSIONS.txt"))

# sav/survey-lm.csv: lm on the data as read_sav gives it (user-missing are NA, so those cases drop out), for the
# command line's regress on survey-byte.sav: term, estimate, std_error.
fit <- lm(alliance_total_score_t1 ~ bond_1 + bond_2 + goal_1, data = back)
co <- summary(fit)$coefficients
write.csv(data.frame(term = rownames(co), estimate = sprintf("%.17g", co[, 1]), std_error = sprintf("%.17g", co[, 2]),
                     n = nobs(fit)),
          file.path(out, "survey-lm.csv"), row.names = FALSE)
