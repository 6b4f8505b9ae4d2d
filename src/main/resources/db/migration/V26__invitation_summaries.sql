-- The deal's one-line summary in every language the bot speaks, written when the invitation is
-- made, so that each partner reads the offer in their own language. Invitations made before this
-- have no rows here and keep showing summary_en (summary_ru for Russian readers).
CREATE TABLE invitation_summaries (
    invitation_id BIGINT NOT NULL REFERENCES invitations (id),
    language      VARCHAR(8) NOT NULL,          -- a supported language: en, ru, pt, ar, zh, hi
    summary       VARCHAR(400) NOT NULL,
    PRIMARY KEY (invitation_id, language)
);
