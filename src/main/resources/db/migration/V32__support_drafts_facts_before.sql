-- support-reporter: how many facts the ticket held when a /support conversation began, so that Done
-- tells the desk how many this round added (a second /support adds facts to an open ticket).
ALTER TABLE support_drafts ADD COLUMN facts_before INT;
