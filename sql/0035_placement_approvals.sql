-- A case worker's decision on a placement that awaits their approval (the referral's
-- caseworker_approval_required): approved (the placement becomes 'matched' and goes on like any
-- other) or declined (the placement is withdrawn, its seat open again). Juvenile-services data:
-- read only by the referring case worker and coordinators entitled to it; its audit entries are
-- hidden from everyone else (AuditQueries.juvenileEntities).
CREATE TABLE placement_approvals (
    placement_id  bigint PRIMARY KEY REFERENCES placements (id),
    referral_id   bigint NOT NULL REFERENCES referrals (id),
    decision      text NOT NULL CHECK (decision IN ('approved', 'declined')),
    -- The case worker's reason for a decline (never shown to the school, the EDC or the employer).
    reason        text,
    decided_by    bigint NOT NULL REFERENCES users (id),
    decided_on    date NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (decision <> 'declined' OR length(btrim(reason)) > 0)
);
CREATE INDEX placement_approvals_decided_by_idx ON placement_approvals (decided_by, created_at);

CALL audit_table('placement_approvals', 'placement_id');
