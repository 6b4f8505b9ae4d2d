-- An update is claimed with a lease before its handler runs, in a transaction of its own, so the
-- claim outlives the handler's rollback: no other instance takes the update until the instance
-- that holds it has recorded the outcome (or its lease ran out because it stopped).
ALTER TABLE telegram_inbox ADD COLUMN leased_by VARCHAR(100);
ALTER TABLE telegram_inbox ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
