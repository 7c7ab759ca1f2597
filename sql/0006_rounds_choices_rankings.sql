-- Rounds of the match, students' ranked choices and employers' rankings of applicants.

CREATE TABLE rounds (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               text NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
    max_choices        integer NOT NULL DEFAULT 10 CHECK (max_choices BETWEEN 1 AND 100),
    choice_deadline    timestamptz,
    state              text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'final')),
    previous_round_id  bigint REFERENCES rounds (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (previous_round_id IS NULL OR previous_round_id <> id)
);

-- A student's strict ranking of slots in a round: rank 1 is the favourite.
CREATE TABLE choices (
    round_id    bigint NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    student_id  bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    rank        integer NOT NULL CHECK (rank >= 1),
    slot_id     bigint NOT NULL REFERENCES slots (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, student_id, rank),
    UNIQUE (round_id, student_id, slot_id)
);
CREATE INDEX choices_slot_id_idx ON choices (round_id, slot_id);

-- The rank may not exceed the round's max_choices (checked here too, not only in Swift). A
-- statement-level check over the transition table keeps a 1,000,000-row import set-based.
CREATE FUNCTION choices_check_max_choices() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.rank, r.max_choices INTO bad
    FROM new_choices n JOIN rounds r ON r.id = n.round_id
    WHERE n.rank > r.max_choices
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'choice rank % exceeds the round''s max_choices %', bad.rank, bad.max_choices
            USING ERRCODE = 'check_violation', CONSTRAINT = 'choices_rank_max_choices';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER choices_check_max_choices_insert AFTER INSERT ON choices
    REFERENCING NEW TABLE AS new_choices
    FOR EACH STATEMENT EXECUTE FUNCTION choices_check_max_choices();
CREATE TRIGGER choices_check_max_choices_update AFTER UPDATE ON choices
    REFERENCING NEW TABLE AS new_choices
    FOR EACH STATEMENT EXECUTE FUNCTION choices_check_max_choices();

-- An employer's ranking of a slot's applicants in tiers: tier 1 first, ties within a tier.
CREATE TABLE rankings (
    round_id    bigint NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    slot_id     bigint NOT NULL REFERENCES slots (id) ON DELETE CASCADE,
    student_id  bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    tier        integer NOT NULL CHECK (tier >= 1),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, slot_id, student_id)
);
CREATE INDEX rankings_student_id_idx ON rankings (student_id);
