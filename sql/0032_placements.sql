-- A placement's life after the published match: accepted, started, completed or withdrawn (with
-- a reason), and the hours worked (placement_hours; the total is their sum). Perkins 5S3 counts completed placements, not matches.
CREATE TABLE placements (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id            bigint NOT NULL REFERENCES match_runs (id),
    student_id        bigint NOT NULL REFERENCES students (id),
    slot_id           bigint NOT NULL REFERENCES slots (id),
    status            text NOT NULL DEFAULT 'matched'
                      CHECK (status IN ('matched', 'pending_approval', 'accepted', 'started', 'completed', 'withdrawn')),
    accepted_on       date,
    started_on        date,
    completed_on      date,
    withdrawn_on      date,
    withdrawn_reason  text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (run_id, student_id),
    CHECK (status <> 'started' OR started_on IS NOT NULL),
    CHECK (status <> 'completed' OR (started_on IS NOT NULL AND completed_on IS NOT NULL AND completed_on >= started_on)),
    CHECK ((status = 'withdrawn') = (withdrawn_on IS NOT NULL)),
    CHECK (status <> 'withdrawn' OR length(btrim(withdrawn_reason)) > 0)
);
CREATE INDEX placements_student_idx ON placements (student_id);
CREATE INDEX placements_slot_idx ON placements (slot_id);

CREATE TABLE placement_hours (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    placement_id  bigint NOT NULL REFERENCES placements (id),
    worked_on     date NOT NULL,
    minutes       integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    logged_by     bigint REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX placement_hours_placement_idx ON placement_hours (placement_id, worked_on);

CALL audit_table('placements', 'id');
CALL audit_table('placement_hours', 'id');

-- The date a student graduated (NULL: not yet). 5S3's cohort is the CTE concentrators who
-- graduated in the reporting year.
ALTER TABLE students ADD COLUMN graduated_on date;
