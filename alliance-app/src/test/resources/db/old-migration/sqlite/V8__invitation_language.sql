-- Alliance schema, version 8 (issue 14): the language of a client's check-in when the client's browser names none
-- of the four languages (nl, en, nb, da): the one a professional chose for the invitation (empty: no choice), else
-- the organisation's (Dutch unless the administrator sets another). The same in SQLite and PostgreSQL.
ALTER TABLE check_in_invitation ADD COLUMN language VARCHAR(5);
ALTER TABLE organisation ADD COLUMN language VARCHAR(5) NOT NULL DEFAULT 'nl';
