-- Which run emails a user receives. Without a row, the role's default applies: coordinators get the
-- nightly report, counselors, EDC staff and case workers their digest, employers nothing.
-- A report is only ever sent to the role it is written for, whatever this table says.
CREATE TABLE user_report_settings (
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    report      text NOT NULL CHECK (report IN ('coordinator_nightly', 'counselor_digest', 'edc_digest', 'case_worker_digest')),
    enabled     boolean NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, report)
);
