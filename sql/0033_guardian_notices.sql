-- Placement and second-round notices sent to guardians after a final run is published: one per
-- (run, student), recorded in the same transaction as the queued email, so a notice is sent once.
CREATE TABLE guardian_notices (
    run_id           bigint NOT NULL REFERENCES match_runs (id),
    student_id       bigint NOT NULL REFERENCES students (id),
    kind             text NOT NULL CHECK (kind IN ('placed', 'second_round')),
    outbox_email_id  bigint NOT NULL REFERENCES outbox_email (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, student_id)
);
