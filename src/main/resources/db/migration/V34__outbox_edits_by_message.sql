-- The outbox finds the newest text it queued for one message (its send and the edits that name it)
-- to drop an edit that would change nothing: Telegram refuses those ("message is not modified").
CREATE INDEX telegram_outbox_ref_idx ON telegram_outbox (ref_outbox_id);
-- A reply names a message by Telegram's id: the row that sent it (support's desk finds a card so).
CREATE INDEX telegram_outbox_sent_as_idx ON telegram_outbox (chat_id, telegram_message_id);
