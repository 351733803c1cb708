-- A readable audit trail (issue 16): each row knows its organisation, so an administrator reads their own
-- organisation's trail and nobody else's; rows written before this version get it from the acting account.
ALTER TABLE audit_log ADD COLUMN organisation_id BIGINT REFERENCES organisation (id);
UPDATE audit_log SET organisation_id = (SELECT u.organisation_id FROM app_user u WHERE u.username = audit_log.actor);
CREATE INDEX audit_log_organisation ON audit_log (organisation_id, at);

-- Append-only: the database itself refuses to change or delete a row of the trail (triggers, which hold for
-- the account that owns the table too; the statements differ per database: Migrations.Vendor).
${audit_append_only}
