-- Support desk (issue 14): a file a reporter sent in private chat is copied into the desk (agents
-- cannot open the reporter's private chat); the copy's outbox row, so each file is copied once.
ALTER TABLE support_facts ADD COLUMN desk_copy_outbox_id BIGINT;
-- every text in a deal's group asks whether an agent or an asked reporter of that group wrote it
CREATE INDEX support_tickets_chat_idx ON support_tickets (chat_id, status);
-- a reply in the desk names the card's Telegram message: the outbox row that sent it, then its ticket
CREATE INDEX support_tickets_card_idx ON support_tickets (desk_outbox_id);
