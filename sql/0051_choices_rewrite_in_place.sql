-- A student's list is rewritten in place: a rank whose slot changed is UPDATEd, instead of DELETEd
-- and INSERTed again. Reordering three choices was a DELETE and an INSERT, each firing its
-- statement triggers (audit, frozen round, and on INSERT the max-choices check) and the INSERT three
-- foreign-key checks per row; it is now one UPDATE of slot_id (its triggers, one foreign-key check per
-- changed row). The audit log reads better for it too: a moved choice is one `update` entry per
-- changed rank, with the slot before and after, rather than a `delete` and an `insert`.
--
-- Swapping two slots in one UPDATE passes through a moment where one slot is listed twice, so the
-- one-slot-once rule (round, student, slot) is now checked at the end of each statement
-- (DEFERRABLE INITIALLY IMMEDIATE) instead of row by row. No ON CONFLICT names it.
ALTER TABLE choices DROP CONSTRAINT choices_round_id_student_id_slot_id_key;
ALTER TABLE choices ADD CONSTRAINT choices_round_id_student_id_slot_id_key
    UNIQUE (round_id, student_id, slot_id) DEFERRABLE INITIALLY IMMEDIATE;

-- Same signature and outcomes as 0041. Statement triggers fire even for a statement that changes no
-- row, so each statement runs only when it has a row to change.
CREATE OR REPLACE FUNCTION choices_replace(p_round bigint, p_student bigint, p_expected bigint[], p_next bigint[],
                                           p_actor text, p_actor_user_id bigint)
RETURNS TABLE (outcome text, current_slots bigint[]) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    now_ranks int[];
    now_listed bigint[];
    n int := coalesce(cardinality(p_next), 0);
    changed boolean := false;
    present int := 0;
BEGIN
    -- The same transaction-local settings as AuditActor.stamp (read by audit_actor()).
    PERFORM set_config('wblmatch.actor', coalesce(p_actor, ''), true),
            set_config('wblmatch.actor_user_id', coalesce(p_actor_user_id::text, ''), true);
    PERFORM 1 FROM students WHERE id = p_student FOR UPDATE;
    SELECT coalesce(array_agg(c.rank ORDER BY c.rank), '{}'), coalesce(array_agg(c.slot_id ORDER BY c.rank), '{}')
    INTO now_ranks, now_listed
    FROM choices c WHERE c.round_id = p_round AND c.student_id = p_student;
    IF p_expected IS NULL OR now_listed IS DISTINCT FROM p_expected THEN
        RETURN QUERY SELECT 'stale'::text, now_listed;
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(p_next) AS t(slot_id)
               WHERE t.slot_id <> ALL (now_listed)
                 AND NOT EXISTS (SELECT 1 FROM slots s WHERE s.id = t.slot_id AND s.active)) THEN
        RETURN QUERY SELECT 'slot_not_open'::text, now_listed;
        RETURN;
    END IF;
    IF p_next IS DISTINCT FROM now_listed THEN
        -- Ranks past the new list go first, so no slot is listed twice when a statement ends.
        IF cardinality(now_ranks) > 0 AND now_ranks[cardinality(now_ranks)] > n THEN
            DELETE FROM choices c WHERE c.round_id = p_round AND c.student_id = p_student AND c.rank > n;
        END IF;
        FOR i IN 1 .. coalesce(cardinality(now_ranks), 0) LOOP
            IF now_ranks[i] <= n THEN
                present := present + 1;
                changed := changed OR now_listed[i] <> p_next[now_ranks[i]];
            END IF;
        END LOOP;
        IF changed THEN
            UPDATE choices c SET slot_id = t.slot_id
            FROM unnest(p_next) WITH ORDINALITY AS t(slot_id, ord)
            WHERE c.round_id = p_round AND c.student_id = p_student AND c.rank = t.ord AND c.slot_id <> t.slot_id;
        END IF;
        IF present < n THEN
            INSERT INTO choices (round_id, student_id, rank, slot_id)
            SELECT p_round, p_student, t.ord, t.slot_id FROM unnest(p_next) WITH ORDINALITY AS t(slot_id, ord)
            WHERE NOT EXISTS (SELECT 1 FROM choices c WHERE c.round_id = p_round AND c.student_id = p_student AND c.rank = t.ord);
        END IF;
    END IF;
    RETURN QUERY SELECT 'saved'::text, p_next;
END $$;
