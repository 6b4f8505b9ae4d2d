-- Partners' own working hours, the calendar each clock ran on, and the figures behind each
-- component of an invitation candidate's score.

-- A partner company's working hours and time zone, set by its team with /hours. Without a row
-- the partner works in its storefront's calendar. hours: MON=09:00-18:00;TUE=... (24:00 = midnight).
CREATE TABLE sla_partner_hours (
    partner_id  BIGINT PRIMARY KEY,
    zone        VARCHAR(64) NOT NULL,
    hours       VARCHAR(400) NOT NULL,
    updated_by  BIGINT NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The partner's hours as they were when the clock started (NULL: the storefront's calendar), so
-- a later change of hours affects only clocks started after it.
ALTER TABLE sla_clocks ADD COLUMN calendar_zone VARCHAR(64);
ALTER TABLE sla_clocks ADD COLUMN calendar_hours VARCHAR(400);

-- Each component of the candidate's score (see Ranking), and the measured lead first-response
-- figures over 90 days it used (NULL: no data).
ALTER TABLE invitation_candidates ADD COLUMN acceptance_part DOUBLE PRECISION;
ALTER TABLE invitation_candidates ADD COLUMN responsiveness_part DOUBLE PRECISION;
ALTER TABLE invitation_candidates ADD COLUMN availability_part DOUBLE PRECISION;
ALTER TABLE invitation_candidates ADD COLUMN rotation_part DOUBLE PRECISION;
ALTER TABLE invitation_candidates ADD COLUMN lead_answered INT;
ALTER TABLE invitation_candidates ADD COLUMN lead_within_sla DOUBLE PRECISION;
ALTER TABLE invitation_candidates ADD COLUMN lead_median_ms BIGINT;
