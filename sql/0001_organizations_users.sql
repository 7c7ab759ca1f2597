-- Organizations (consortium, EDCs, schools, juvenile services, employers, partners) and the people
-- who sign in. Every code below is a stable text value checked here, named in docs/domain-model.md.

CREATE TABLE organizations (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A short stable code people type in CSV files (`clovis-hs`, `edc-clovis`): lowercase letters,
    -- digits and dashes.
    code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    kind        text NOT NULL CHECK (kind IN ('consortium', 'edc', 'school', 'juvenile_services', 'employer', 'partner')),
    name        text NOT NULL CHECK (length(btrim(name)) > 0),
    county      text,
    latitude    double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude   double precision CHECK (longitude BETWEEN -180 AND 180),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);

CREATE TABLE users (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email              text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    name               text NOT NULL DEFAULT '',
    role               text NOT NULL CHECK (role IN ('coordinator', 'edc_staff', 'counselor', 'case_worker', 'employer')),
    organization_id    bigint NOT NULL REFERENCES organizations (id),
    -- Juvenile-services data (referrals, restrictions, the fact of referral) is shown only to the
    -- referring case worker and to users explicitly granted this.
    can_view_juvenile  boolean NOT NULL DEFAULT false,
    -- NULL: the user cannot sign in with a password (not yet invited, or single sign-on later).
    password_hash      text,
    disabled           boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
-- Unique regardless of case: Maria.Pena@… and maria.pena@… are one person.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_organization_id_idx ON users (organization_id);
