-- Consent requests sent to a guardian by email: a single-use, expiring link. Only the token's
-- SHA-256 is stored, so a copy of the database does not hold working links.
CREATE TABLE guardian_consent_requests (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    student_id      bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    token_hash      bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    -- The address and language the request went to (the student's at the time).
    guardian_email  text NOT NULL CHECK (guardian_email ~ '^[^@\s]+@[^@\s]+$'),
    language        text NOT NULL CHECK (language IN ('en', 'es')),
    requested_by    bigint REFERENCES users (id),
    requested_at    timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    -- Set once, when the guardian answers: the link is spent.
    answered_at     timestamptz,
    decision        text CHECK (decision IN ('consented', 'declined')),
    signer_name     text,
    signed_on       date,
    CHECK (expires_at > requested_at),
    CHECK ((answered_at IS NULL) = (decision IS NULL)),
    CHECK (decision IS NULL OR (length(btrim(signer_name)) > 0 AND signed_on IS NOT NULL))
);
CREATE INDEX guardian_consent_requests_student_idx ON guardian_consent_requests (student_id, requested_at DESC);

CALL audit_table('guardian_consent_requests', 'id');
