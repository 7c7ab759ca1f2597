-- Employers, loaded by an EDC (their source organization), and the sites where they host students.

CREATE TABLE employers (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The EDC that loads and maintains this employer; external ids are unique per EDC.
    edc_id       bigint NOT NULL REFERENCES organizations (id),
    external_id  text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 64),
    name         text NOT NULL CHECK (length(btrim(name)) > 0),
    industry     text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (edc_id, external_id),
    -- Target of the composite key that keeps a slot's EDC equal to its employer's EDC.
    UNIQUE (id, edc_id)
);

CREATE TABLE sites (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employer_id  bigint NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(btrim(name)) > 0),
    address      text NOT NULL DEFAULT '',
    county       text NOT NULL DEFAULT '',
    latitude     double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude    double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (employer_id, name)
);
