-- One person cannot starve the pool of working groups (issue 11), and referral clicks count
-- honestly without cookies.

-- A Contact click's payload belongs to the first person who pressed Start with it.
ALTER TABLE lead_clicks ADD COLUMN redeemed_by BIGINT;
ALTER TABLE lead_clicks ADD COLUMN redeemed_at TIMESTAMP WITH TIME ZONE;

-- When the importer entered the lead's current group (NULL: not yet), when the lead got that
-- group (the join grace period counts from it), and its place in the queue for a group (a lead
-- whose importer came back queues again at the end). WAITING_FOR_IMPORTER: the group went back
-- to the pool because the importer did not enter it; Start again queues the lead again.
ALTER TABLE leads ADD COLUMN importer_joined_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE leads ADD COLUMN group_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE leads ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;
UPDATE leads SET queued_at = created_at;
UPDATE leads SET importer_joined_at = created_at, group_at = created_at
WHERE status = 'OPEN' AND EXISTS (SELECT 1 FROM group_members m WHERE m.chat_id = leads.chat_id AND m.user_id = leads.importer_id);
UPDATE leads SET group_at = created_at WHERE status = 'OPEN' AND group_at IS NULL;
CREATE INDEX leads_queue_idx ON leads (status, queued_at);

-- Since when a group serves its holder, for the admins' page.
ALTER TABLE working_groups ADD COLUMN taken_at TIMESTAMP WITH TIME ZONE;
UPDATE working_groups SET taken_at = updated_at WHERE status = 'IN_USE';

-- Referral clicks: a salted hash of the visitor's address and browser (no raw address is
-- stored), so clicks without cookies are counted once per address, browser, code and day.
ALTER TABLE referral_events ADD COLUMN visitor_hash VARCHAR(44);
CREATE INDEX referral_events_hash_idx ON referral_events (code, event_day, visitor_hash);

-- The salt of each UTC day, random, shared by all instances; deleted when the day is over, so
-- a hash can no longer be traced back to an address by trying them all.
CREATE TABLE referral_salts (
    salt_day DATE PRIMARY KEY,
    salt     VARCHAR(64) NOT NULL
);
