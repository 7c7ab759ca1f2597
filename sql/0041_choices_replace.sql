-- A student's ranked choices rewritten in ONE statement, for the web's choices page (ChoiceBook.update):
-- the audit actor stamp, the student's row lock, the check that the list is still the one the
-- caller read, the check that added slots are offered, and the rewrite of the changed ranks, in the
-- statement's own transaction, so a submission costs one round trip instead of seven.
--
-- choices_replace(round, student, expected, next, actor, actor_user_id) answers one row:
--   outcome 'saved'          next is now the list (current_slots = next);
--   outcome 'stale'          the list is not `expected` (changed meanwhile, or expected is NULL):
--                            nothing changed; current_slots is the list now, to re-apply the change to;
--   outcome 'slot_not_open'  a slot of `next` not in the list now is missing or inactive: nothing changed.
-- Rules that need no database (duplicates, the round's limit) are the caller's, applied to
-- `expected`; the frozen-final-round triggers (0027) and the audit triggers (0030) see the same
-- DELETE and INSERT statements as before, so a reorder logs exactly its changed ranks.
CREATE FUNCTION choices_replace(p_round bigint, p_student bigint, p_expected bigint[], p_next bigint[],
                                p_actor text, p_actor_user_id bigint)
RETURNS TABLE (outcome text, current_slots bigint[]) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    now_listed bigint[];
BEGIN
    -- The same transaction-local settings as AuditActor.stamp (read by audit_actor()).
    PERFORM set_config('wblmatch.actor', coalesce(p_actor, ''), true),
            set_config('wblmatch.actor_user_id', coalesce(p_actor_user_id::text, ''), true);
    PERFORM 1 FROM students WHERE id = p_student FOR UPDATE;
    SELECT coalesce(array_agg(c.slot_id ORDER BY c.rank), '{}') INTO now_listed
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
        -- Only ranks whose slot changed are rewritten, so the audit log shows what changed.
        DELETE FROM choices c WHERE c.round_id = p_round AND c.student_id = p_student
          AND NOT EXISTS (SELECT 1 FROM unnest(p_next) WITH ORDINALITY AS t(slot_id, ord)
                          WHERE t.ord = c.rank AND t.slot_id = c.slot_id);
        INSERT INTO choices (round_id, student_id, rank, slot_id)
        SELECT p_round, p_student, t.ord, t.slot_id FROM unnest(p_next) WITH ORDINALITY AS t(slot_id, ord)
        ON CONFLICT (round_id, student_id, rank) DO NOTHING;
    END IF;
    RETURN QUERY SELECT 'saved'::text, p_next;
END $$;
