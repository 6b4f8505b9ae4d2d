-- Bot API calls whose answer a later step needs (the URL of a new invite link) go through the
-- outbox too: the sender records the answer with SENT, and rows that carry it wait for it.
ALTER TABLE telegram_outbox ADD COLUMN result_text VARCHAR(2000);

-- Which queued row waits for which row's result (a message whose button carries a link still to be made).
CREATE TABLE telegram_outbox_waits (
    outbox_id BIGINT NOT NULL,
    waits_for BIGINT NOT NULL,
    PRIMARY KEY (outbox_id, waits_for)
);
CREATE INDEX telegram_outbox_waits_for_idx ON telegram_outbox_waits (waits_for);

-- A personal link is recorded when it is asked for, before Telegram has made it: until then
-- invite_link holds the outbox's stand-in, and link_name (ours, echoed by Telegram in every join
-- request through the link) identifies it.
ALTER TABLE group_invites ADD COLUMN link_name VARCHAR(32);
ALTER TABLE group_invites ADD COLUMN outbox_id BIGINT;
CREATE UNIQUE INDEX group_invites_name_idx ON group_invites (link_name);
CREATE INDEX group_invites_outbox_idx ON group_invites (outbox_id);
