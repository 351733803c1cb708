-- Two-step sign-in for local accounts (issue 16): the account's authenticator secret (base32, set when the person
-- confirmed a first code) and the last time step used, so that one code is accepted once.
ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;
-- 1: administrators must use two steps (with a password; single sign-on leaves the second step to the provider).
ALTER TABLE organisation ADD COLUMN admins_need_two_step INTEGER NOT NULL DEFAULT 0;
