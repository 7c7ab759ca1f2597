-- Referrals from juvenile services and their court-ordered restrictions. Confidential: kept in their
-- own tables so that every query that reads them is visibly one that needs the permission
-- (the referring case worker, or a user with can_view_juvenile).

CREATE TABLE referrals (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    student_id            bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    juvenile_services_id  bigint NOT NULL REFERENCES organizations (id),
    referred_by           bigint NOT NULL REFERENCES users (id),
    referred_on           date NOT NULL,
    active                boolean NOT NULL DEFAULT true,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    -- One referral per student and juvenile-services office; re-importing updates it.
    UNIQUE (juvenile_services_id, student_id)
);
CREATE INDEX referrals_student_id_idx ON referrals (student_id);
CREATE INDEX referrals_referred_by_idx ON referrals (referred_by);

CREATE TABLE referral_restrictions (
    referral_id                   bigint PRIMARY KEY REFERENCES referrals (id) ON DELETE CASCADE,
    -- No slot may end after this time of day.
    curfew                        time,
    caseworker_approval_required  boolean NOT NULL DEFAULT false,
    updated_at                    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE referral_excluded_employers (
    referral_id  bigint NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    employer_id  bigint NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    PRIMARY KEY (referral_id, employer_id)
);

CREATE TABLE referral_excluded_counties (
    referral_id  bigint NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    county       text NOT NULL CHECK (length(btrim(county)) > 0),
    PRIMARY KEY (referral_id, county)
);
