-- A person's deals for /support in private chat include the leads they were invited into as a
-- partner: their live personal links, found by person.
CREATE INDEX group_invites_user_idx ON group_invites (user_id, role);
