-- Partner onboarding: one-time codes a platform admin issues for a partner company, and the
-- people who pressed Start with one and are asked to confirm their account by sharing their
-- contact. Team membership itself stays in catalog_partner_members. Runs on H2 and PostgreSQL.

-- A code joins one person to the partner's team, once, until it expires. used_by/used_at are set
-- by one conditional UPDATE, so of two people redeeming it at once only one wins.
CREATE TABLE partner_join_codes (
    code        VARCHAR(16) PRIMARY KEY,             -- unambiguous alphabet, upper case, no separators
    partner_id  BIGINT NOT NULL,                     -- catalog_partners.id
    issued_by   BIGINT NOT NULL,                     -- the admin's Telegram user id
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_by     BIGINT,                              -- the Telegram user who joined with it
    used_phone  VARCHAR(32),                         -- the phone number their shared contact verified
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX partner_join_codes_partner_idx ON partner_join_codes (partner_id, issued_at);

-- Someone gave a valid code and was asked for their contact; one pending code per person.
CREATE TABLE partner_join_pending (
    telegram_user_id BIGINT PRIMARY KEY,
    code             VARCHAR(16) NOT NULL REFERENCES partner_join_codes (code) ON DELETE CASCADE,
    asked_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
