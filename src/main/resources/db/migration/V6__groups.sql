-- The pool of working groups: supergroups admins created and added the bot to.
CREATE TABLE working_groups (
    chat_id       BIGINT PRIMARY KEY,
    title         VARCHAR(255),
    status        VARCHAR(16) NOT NULL,     -- FREE, IN_USE, GONE (the bot was removed)
    registered_by BIGINT NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX working_groups_status_idx ON working_groups (status, registered_at);
