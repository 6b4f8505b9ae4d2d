-- Privacy between deals that reuse a group: a group is handed out only after the bot checked
-- (getChat's has_visible_history) that its "Chat history for new members" is Hidden.
-- CHECKING: registered or released, not handed out until the check passes (then FREE);
-- HELD_BACK: the history is visible, the admins were told, it is checked again on a schedule.
ALTER TABLE working_groups ADD COLUMN check_reason VARCHAR(16);          -- REGISTERED or RELEASED: the event published when it passes
ALTER TABLE working_groups ADD COLUMN check_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE working_groups ADD COLUMN check_attempts INT DEFAULT 0 NOT NULL; -- failed tries in a row (Telegram unreachable)
ALTER TABLE working_groups ADD COLUMN history_visible BOOLEAN;            -- the last check's answer
ALTER TABLE working_groups ADD COLUMN history_checked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX working_groups_check_idx ON working_groups (status, check_due_at);
-- Groups that are free now were never checked: they are checked before they are handed out.
UPDATE working_groups SET status = 'CHECKING', check_reason = 'REGISTERED', check_due_at = now() WHERE status = 'FREE';
