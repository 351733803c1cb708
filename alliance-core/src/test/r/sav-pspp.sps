* SPSS system files written by GNU PSPP in Windows-1252 (as SPSS on Windows writes them), for
* org.alliance.core.data.SavFileTest: one per compression, and the cells as PSPP itself exports them
* (user-missing recoded to system-missing, which is an empty cell).
* Run from the repository root:  pspp alliance-core/src/test/r/sav-pspp.sps
SET LOCALE='windows-1252'.
DATA LIST LIST /client (A8) professional_id (F4.0) bond_score (F8.2) remark (A20).
BEGIN DATA
C-001 1 4.25 "Søren"
C-002 1 3.5 "Zoë"
C-003 2 -9 ""
C-004 2 . "Åse"
C-005 3 1.125 "Ærø og Æbeltoft"
END DATA.
VARIABLE LABELS bond_score 'Bånd (1-5)'.
VALUE LABELS professional_id 1 'Første' 2 'Anden' 3 'Tredje'.
MISSING VALUES bond_score (-9).
SAVE OUTFILE='alliance-core/src/test/resources/sav/pspp-compressed.sav' /COMPRESSED.
SAVE OUTFILE='alliance-core/src/test/resources/sav/pspp-uncompressed.sav' /UNCOMPRESSED.
SAVE OUTFILE='alliance-core/src/test/resources/sav/pspp.zsav' /ZCOMPRESSED.
SAVE TRANSLATE /OUTFILE='alliance-core/src/test/resources/sav/pspp-read.csv' /TYPE=CSV /FIELDNAMES
  /MISSING=RECODE /REPLACE.
