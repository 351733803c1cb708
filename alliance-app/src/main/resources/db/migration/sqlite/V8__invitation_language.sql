-- Alliance schema, version 8 (issue 14): the language a professional chose for a check-in invitation, shown when
-- the client's browser names none of the four languages (nl, en, nb, da). Empty: no choice (Dutch). The same in
-- SQLite and PostgreSQL.
ALTER TABLE check_in_invitation ADD COLUMN language VARCHAR(5);
