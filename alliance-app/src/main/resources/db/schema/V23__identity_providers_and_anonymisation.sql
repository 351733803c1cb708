-- Identity providers configured by the administrator in the browser (issue 16), beside those in the properties.
-- The endpoints are the ones OpenID Connect discovery gave when the provider was saved, so a sign-in does not
-- depend on discovery. The client secret is sealed (AES-256-GCM) under a key kept in a file apart from the
-- database (alliance.sso.key-file, system/KeyFile), never stored in plain text.
CREATE TABLE identity_provider (
    id ${id_column},
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    display_name VARCHAR(100) NOT NULL,
    issuer_uri VARCHAR(1000) NOT NULL,
    client_id VARCHAR(300) NOT NULL,
    secret_nonce ${bytes_column} NOT NULL,
    secret_sealed ${bytes_column} NOT NULL,
    enabled BOOLEAN NOT NULL,
    authorization_uri VARCHAR(1000) NOT NULL,
    token_uri VARCHAR(1000) NOT NULL,
    jwk_set_uri VARCHAR(1000) NOT NULL,
    user_info_uri VARCHAR(1000),
    end_session_uri VARCHAR(1000),
    -- the claims that carry the person's roles and team (e.g. groups, roles); empty: the account's own
    role_claim VARCHAR(100),
    team_claim VARCHAR(100),
    -- whether a person without an account gets one from the claims (else they are refused)
    create_accounts BOOLEAN NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX identity_provider_organisation ON identity_provider (organisation_id);

-- Claim value -> our role (kind ROLE) or our team (kind TEAM), per provider.
CREATE TABLE identity_provider_mapping (
    provider_id BIGINT NOT NULL REFERENCES identity_provider (id),
    kind VARCHAR(10) NOT NULL,
    claim_value VARCHAR(200) NOT NULL,
    role VARCHAR(20),
    team_id BIGINT REFERENCES team (id),
    PRIMARY KEY (provider_id, kind, claim_value)
);

-- Retention may anonymise instead of erase the clients who take part in a study that allows it (docs/privacy.md).
ALTER TABLE organisation ADD COLUMN retention_anonymise BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE study ADD COLUMN allows_anonymisation BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE retention_run ADD COLUMN anonymised INTEGER;
-- Set when the client was anonymised: the record stays (the study pseudonym is keyed by its id), nothing else does.
ALTER TABLE client ADD COLUMN anonymised_at BIGINT;
