-- Exporters and their products live in the catalog's own tables, told apart by a kind: an
-- exporter is a company with a Telegram team exactly like a partner, a product is an offering on
-- a storefront with a Contact in Telegram button exactly like a service. So a lead, its working
-- group, its SLA clocks and its invitations work on a product without a copy of any of them
-- (leads.service_id and leads.partner_id point at a product and its exporter as they do at a
-- service and its partner). A product has no specialization. Runs on H2 and PostgreSQL.

ALTER TABLE catalog_partners ADD COLUMN kind VARCHAR(16) DEFAULT 'PARTNER' NOT NULL;
ALTER TABLE catalog_partners ADD CONSTRAINT catalog_partners_kind CHECK (kind IN ('PARTNER', 'EXPORTER'));

ALTER TABLE catalog_services ADD COLUMN kind VARCHAR(16) DEFAULT 'SERVICE' NOT NULL;
ALTER TABLE catalog_services ADD CONSTRAINT catalog_services_kind CHECK (kind IN ('SERVICE', 'PRODUCT'));
ALTER TABLE catalog_services ALTER COLUMN specialization DROP NOT NULL;
-- a service is always in a specialization; a product never is
ALTER TABLE catalog_services ADD CONSTRAINT catalog_services_specialization_per_kind
    CHECK ((kind = 'SERVICE' AND specialization IS NOT NULL) OR (kind = 'PRODUCT' AND specialization IS NULL));
