-- The eligibility policy (ages, hours, distances, …) as a coordinator-readable jsonb document.
-- Versioned: a change inserts a new version; runs record the version they used.

CREATE TABLE policies (
    version     integer PRIMARY KEY CHECK (version >= 1),
    policy      jsonb NOT NULL CHECK (jsonb_typeof(policy) = 'object'),
    comment     text NOT NULL DEFAULT '',
    created_by  bigint REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
