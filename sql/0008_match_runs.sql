-- Results of match runs, written by the match-run pipeline in one transaction per run.

CREATE TABLE match_runs (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id             bigint NOT NULL REFERENCES rounds (id),
    kind                 text NOT NULL CHECK (kind IN ('preview', 'manual', 'final')),
    state                text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'succeeded', 'failed', 'published')),
    -- The lottery seed: same inputs + same seed = the same result.
    seed                 bigint NOT NULL,
    -- A digest (e.g. SHA-256 hex) of the snapshot the run read.
    input_digest         text,
    algorithm_version    text NOT NULL,
    policy_version       integer REFERENCES policies (version),
    verified             boolean NOT NULL DEFAULT false,
    students_count       integer CHECK (students_count >= 0),
    slots_count          integer CHECK (slots_count >= 0),
    choices_count        integer CHECK (choices_count >= 0),
    eligible_pairs_count integer CHECK (eligible_pairs_count >= 0),
    assigned_count       integer CHECK (assigned_count >= 0),
    unassigned_count     integer CHECK (unassigned_count >= 0),
    -- {"snapshot_ms": 120, "eligibility_ms": 340, "engine_ms": 80, "verify_ms": 60, "write_ms": 200}
    stage_timings        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(stage_timings) = 'object'),
    error                text,
    requested_by         bigint REFERENCES users (id),
    started_at           timestamptz NOT NULL DEFAULT now(),
    finished_at          timestamptz,
    published_at         timestamptz,
    CHECK (state <> 'published' OR (kind = 'final' AND verified AND published_at IS NOT NULL)),
    CHECK (state <> 'succeeded' OR verified),
    CHECK (finished_at IS NULL OR finished_at >= started_at)
);
CREATE INDEX match_runs_round_id_idx ON match_runs (round_id, started_at DESC);
-- At most one published result per round.
CREATE UNIQUE INDEX match_runs_one_published_per_round ON match_runs (round_id) WHERE state = 'published';

-- One row per student in the run: the slot she got, or NULL when unmatched.
CREATE TABLE match_assignments (
    run_id         bigint NOT NULL REFERENCES match_runs (id) ON DELETE CASCADE,
    student_id     bigint NOT NULL REFERENCES students (id),
    slot_id        bigint REFERENCES slots (id),
    -- The rank of the assigned slot on the student's list.
    choice_rank    integer CHECK (choice_rank >= 1),
    -- true when the seat taken was a reserved ("second-chance") seat. Confidential.
    reserved_seat  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, student_id),
    CHECK ((slot_id IS NULL) = (choice_rank IS NULL)),
    CHECK (slot_id IS NOT NULL OR NOT reserved_seat)
);
CREATE INDEX match_assignments_slot_idx ON match_assignments (run_id, slot_id);

-- Why a student did not get each choice ranked above the one she got.
CREATE TABLE match_explanations (
    run_id        bigint NOT NULL REFERENCES match_runs (id) ON DELETE CASCADE,
    student_id    bigint NOT NULL REFERENCES students (id),
    slot_id       bigint NOT NULL REFERENCES slots (id),
    choice_rank   integer NOT NULL CHECK (choice_rank >= 1),
    -- 'assigned', 'ineligible' (a rule failed), 'outranked' (seats went to applicants above her),
    -- 'ranked_out' (the employer ranked her out).
    outcome       text NOT NULL CHECK (outcome IN ('assigned', 'ineligible', 'outranked', 'ranked_out')),
    -- Reason codes of the failed rules (ineligible), e.g. {under_minimum_age, no_transport}.
    reason_codes  text[] NOT NULL DEFAULT '{}',
    -- Rule parameters and the cutoff ({"cutoff_tier": 2, "cutoff_lottery": 0.41}).
    detail        jsonb NOT NULL DEFAULT '{}',
    message       text NOT NULL DEFAULT '',
    -- true when the explanation rests on juvenile-services data: shown only to those entitled.
    confidential  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, student_id, slot_id),
    UNIQUE (run_id, student_id, choice_rank)
);
