-- Closing leads and returning their groups to the pool.

-- When the lead's group last saw a message, and who or what closed it.
ALTER TABLE leads ADD COLUMN last_activity_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE leads ADD COLUMN inactivity_warned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE leads ADD COLUMN closed_by BIGINT;
ALTER TABLE leads ADD COLUMN close_reason VARCHAR(24);   -- PARTNER, ADMIN, INACTIVITY
CREATE INDEX leads_status_activity_idx ON leads (status, last_activity_at);
CREATE INDEX leads_chat_idx ON leads (chat_id);

-- Who is in a working group now, as the bot saw them join and leave, so that a group can be
-- emptied when it goes back to the pool (Telegram cannot list a group's members to a bot).
CREATE TABLE group_members (
    chat_id   BIGINT NOT NULL,
    user_id   BIGINT NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);

-- The pool's alert state: one row; low_alerted is set when admins were told that the pool is
-- running low, and cleared when it is refilled, so each shortage is reported once.
CREATE TABLE group_pool_state (
    id          INT PRIMARY KEY,
    low_alerted BOOLEAN NOT NULL
);
INSERT INTO group_pool_state (id, low_alerted) VALUES (1, FALSE);
