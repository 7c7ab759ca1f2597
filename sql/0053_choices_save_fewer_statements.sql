-- choices_save, the one function that saves a student's list (sql/0052), does the same in fewer
-- statements. Measured per call on a copy of the web benchmark's data (one client, 4,000 reorders,
-- PostgreSQL's CPU per call): every statement PL/pgSQL runs costs an executor start and end.
-- * The writer flag is the function's own setting (`SET wblmatch.choice_list_writer = 'on'`), not
--   two `PERFORM set_config(...)` statements around the writes: PostgreSQL sets it on entry and
--   puts back the caller's value on exit, on error too. The flag is on while the function reads
--   as well, which changes nothing: it only tells the table's statement triggers to stand aside,
--   and this function writes choices only after its own checks of the round and max_choices.
-- * Outcomes are returned with RETURN NEXT from the output columns, not `RETURN QUERY SELECT`.
-- * A reorder updates each kept choice's rank from its slot's position in the new list
--   (array_position) in one index scan of the student's rows, not a hash join with unnest().
-- Same signature, outcomes and errors as 0052.
CREATE OR REPLACE FUNCTION choices_save(p_student bigint, p_school bigint, p_round bigint, p_expected bigint[], p_next bigint[],
                             p_same_slots boolean, p_actor text, p_actor_user_id bigint)
RETURNS TABLE (outcome text, current_slots bigint[]) LANGUAGE plpgsql SET wblmatch.choice_list_writer = 'on' AS $$
#variable_conflict use_column
DECLARE
    list_round bigint;
    round_state text;
    round_max int;
    now_ranks int[];
    now_listed bigint[];
    wanted bigint[] := coalesce(p_next, '{}');
    n int := coalesce(cardinality(p_next), 0);
    had int;
    moved boolean := false;
    at int;
BEGIN
    -- The lock first, in its own statement: the list is then read after any save that held it.
    PERFORM lock_choice_list(s.id) FROM students s WHERE s.id = p_student AND (p_school IS NULL OR s.school_id = p_school);
    IF NOT FOUND THEN
        outcome := 'not_found'; current_slots := NULL::bigint[]; RETURN NEXT;
        RETURN;
    END IF;
    SELECT r.id, r.state, r.max_choices, coalesce(l.ranks, '{}'), coalesce(l.slots, '{}')
    INTO list_round, round_state, round_max, now_ranks, now_listed
    FROM rounds r
    LEFT JOIN LATERAL (SELECT array_agg(c.rank ORDER BY c.rank) AS ranks, array_agg(c.slot_id ORDER BY c.rank) AS slots
                       FROM choices c WHERE c.round_id = r.id AND c.student_id = p_student) l ON true
    WHERE (p_round IS NULL AND r.state = 'open') OR r.id = p_round
    ORDER BY r.id DESC LIMIT 1;
    IF list_round IS NULL THEN
        IF p_round IS NOT NULL THEN
            RAISE EXCEPTION 'round % does not exist', p_round USING ERRCODE = 'foreign_key_violation';
        END IF;
        outcome := 'no_round'; current_slots := NULL::bigint[]; RETURN NEXT;
        RETURN;
    END IF;
    IF NOT p_same_slots AND (p_expected IS NULL OR now_listed IS DISTINCT FROM p_expected) THEN
        outcome := 'stale'; current_slots := now_listed; RETURN NEXT;
        RETURN;
    END IF;
    -- The same slots: as many, and each side contains the other (the stored list has no repeats).
    IF p_same_slots AND (n <> cardinality(now_listed) OR NOT (wanted @> now_listed AND now_listed @> wanted)) THEN
        outcome := 'not_same_slots'; current_slots := now_listed; RETURN NEXT;
        RETURN;
    END IF;
    IF NOT now_listed @> wanted THEN
        IF EXISTS (SELECT 1 FROM unnest(wanted) AS t(slot_id)
                   WHERE t.slot_id <> ALL (now_listed) AND NOT EXISTS (SELECT 1 FROM slots s WHERE s.id = t.slot_id AND s.active)) THEN
            outcome := 'slot_not_open'; current_slots := now_listed; RETURN NEXT;
            RETURN;
        END IF;
    END IF;
    IF wanted = now_listed THEN
        outcome := 'saved'; current_slots := now_listed; RETURN NEXT;
        RETURN;
    END IF;
    IF round_state = 'final' THEN
        RAISE EXCEPTION 'round % is final: its choices are frozen since its final match was published', list_round
            USING ERRCODE = 'check_violation', HINT = 'create a second round for students left unmatched';
    END IF;
    had := cardinality(now_listed);
    FOR r IN round_max + 1 .. n LOOP
        at := array_position(now_ranks, r);
        IF at IS NULL OR now_listed[at] <> wanted[r] THEN
            RAISE EXCEPTION 'choice rank % exceeds the round''s max_choices %', r, round_max
                USING ERRCODE = 'check_violation', CONSTRAINT = 'choices_rank_max_choices';
        END IF;
    END LOOP;

    IF NOT wanted @> now_listed THEN
        DELETE FROM choices c WHERE c.round_id = list_round AND c.student_id = p_student AND c.slot_id <> ALL (wanted);
    END IF;
    FOR i IN 1 .. had LOOP
        at := array_position(wanted, now_listed[i]);
        moved := moved OR (at IS NOT NULL AND at <> now_ranks[i]);
    END LOOP;
    IF moved THEN
        UPDATE choices c SET rank = array_position(wanted, c.slot_id)
        WHERE c.round_id = list_round AND c.student_id = p_student AND c.slot_id = ANY (wanted)
          AND c.rank <> array_position(wanted, c.slot_id);
    END IF;
    IF NOT now_listed @> wanted THEN
        INSERT INTO choices (round_id, student_id, rank, slot_id)
        SELECT list_round, p_student, t.ord, t.slot_id FROM unnest(wanted) WITH ORDINALITY AS t(slot_id, ord)
        WHERE t.slot_id <> ALL (now_listed);
    END IF;
    INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
    VALUES (p_actor_user_id, coalesce(nullif(p_actor, ''), 'system'),
            CASE WHEN had = 0 THEN 'insert' WHEN n = 0 THEN 'delete' ELSE 'update' END,
            'choices', list_round || '/' || p_student,
            jsonb_build_object('before', CASE WHEN had > 0 THEN to_jsonb(now_listed) END,
                               'after', CASE WHEN n > 0 THEN to_jsonb(wanted) END));
    outcome := 'saved'; current_slots := wanted; RETURN NEXT;
END $$;
