-- Groups are paced by Telegram's sliding window (about 20 messages a minute per group) instead of
-- a fixed gap: each message sent to a group is recorded here, at the time Telegram answered (at
-- the claim while the call is in flight), and the sender counts the group's rows within the last
-- window before it sends another. Shared by all instances like telegram_chat_pace; rows older
-- than the window are pruned.
-- One row per attempt: a call that timed out after its effect and was sent again reached the
-- group twice, and counts twice.
CREATE TABLE telegram_chat_sends (
    outbox_id BIGINT NOT NULL,
    attempt   INT NOT NULL,
    chat_id   BIGINT NOT NULL,
    sent_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (outbox_id, attempt)
);
CREATE INDEX telegram_chat_sends_chat_idx ON telegram_chat_sends (chat_id, sent_at);
CREATE INDEX telegram_chat_sends_sent_idx ON telegram_chat_sends (sent_at);

-- Notices of one kind folded into one message edited in place ("X joined" lines): the kind the
-- message was sent as; its params hold the text as last folded.
ALTER TABLE telegram_outbox ADD COLUMN fold_key VARCHAR(40);
