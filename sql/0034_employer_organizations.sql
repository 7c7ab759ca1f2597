-- An employer's own organization (kind `employer` or `partner`): its users rank the applicants of
-- the employer's slots in the web app. Set by the employers CSV's `organization` column; NULL =
-- only the employer's EDC (and coordinators) rank its slots.
ALTER TABLE employers ADD COLUMN organization_id bigint REFERENCES organizations (id);
CREATE INDEX employers_organization_id_idx ON employers (organization_id) WHERE organization_id IS NOT NULL;
