-- A pool group serves one holder at a time: a lead's deal (lead_id, as before), an exporter's
-- personal group with a manager, a referral chat between an exporter and a partner, … The holder
-- is named by its kind and id; the pair is unique, so two holders never get one group and one
-- holder never gets two. lead_id stays for leads (and is mirrored in the holder columns).
ALTER TABLE working_groups ADD COLUMN holder_kind VARCHAR(24);
ALTER TABLE working_groups ADD COLUMN holder_id BIGINT;
UPDATE working_groups SET holder_kind = 'LEAD', holder_id = lead_id WHERE lead_id IS NOT NULL;
CREATE UNIQUE INDEX working_groups_holder_idx ON working_groups (holder_kind, holder_id);
