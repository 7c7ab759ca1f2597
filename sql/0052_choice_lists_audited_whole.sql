-- A student's choice list is audited as a whole: one entry per list that changed, keyed
-- `round/student`, whose detail is the list before and after, as slot ids in rank order:
--   {"before": [12, 7, 31], "after": [31, 7, 12]}     (null before a first list, null after removal)
--
-- Until now each changed rank was its own entry (`round/student/rank`), so one action of a
-- counselor (a reorder, a list saved by the API, a file of lists) left as many entries as ranks it
-- touched, and a 1,000,000-row import wrote 1,000,000 entries. The list is what a counselor edits
-- and what #10 asks to be recorded ("every audited action leaves exactly one entry"); an entry per
-- list also shows the whole order at a glance, which per-rank entries never did.
--
-- Who writes the entry:
-- * choices_save (the web pages, the API, the reorder script; choices_replace for scripts) writes
--   it itself, one per call, since it knows the list before and after.
-- * The choices import writes one per changed list, set-based (ChoiceImport).
-- * Any other statement on choices (a hand-made fix, a cascade from a deleted student, slot or
--   round) is audited by the statement triggers, one entry per list the statement changed.
-- The writers above also check the round (not final) and its max_choices themselves, in the
-- statement that reads the list, so they set `wblmatch.choice_list_writer` to 'on' around their
-- own writes and the table's statement triggers (audit, frozen round, max choices) stand aside;
-- back to '' before they return. A web reorder used to run five trigger functions and their
-- queries; now it runs none.

-- One row of choices, for the audit of a statement's rows.
CREATE TYPE choice_rank AS (round_id bigint, student_id bigint, rank int, slot_id bigint);

-- One entry per list touched by a statement that removed `removed` rows and added `added` rows
-- (an update is both). Runs after the statement: the list after is in the table; the list before
-- is that minus the added rows plus the removed ones.
CREATE FUNCTION audit_choice_lists(removed choice_rank[], added choice_rank[]) RETURNS void LANGUAGE sql AS $$
    WITH r AS (SELECT * FROM unnest(removed)),
         a AS (SELECT * FROM unnest(added)),
         lists AS (SELECT round_id, student_id FROM r UNION SELECT round_id, student_id FROM a),
         now AS (SELECT c.round_id, c.student_id, c.rank, c.slot_id
                 FROM choices c JOIN lists l ON l.round_id = c.round_id AND l.student_id = c.student_id),
         was AS ((SELECT * FROM now EXCEPT ALL SELECT * FROM a) UNION ALL SELECT * FROM r)
    INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
    SELECT audit_actor_user_id(), audit_actor(),
           CASE WHEN b.slots IS NULL THEN 'insert' WHEN n.slots IS NULL THEN 'delete' ELSE 'update' END,
           'choices', l.round_id || '/' || l.student_id, jsonb_build_object('before', b.slots, 'after', n.slots)
    FROM lists l
    LEFT JOIN (SELECT round_id, student_id, jsonb_agg(slot_id ORDER BY rank) AS slots FROM now GROUP BY 1, 2) n
      ON n.round_id = l.round_id AND n.student_id = l.student_id
    LEFT JOIN (SELECT round_id, student_id, jsonb_agg(slot_id ORDER BY rank) AS slots FROM was GROUP BY 1, 2) b
      ON b.round_id = l.round_id AND b.student_id = l.student_id
    WHERE b.slots IS DISTINCT FROM n.slots
    ORDER BY l.round_id, l.student_id
$$;

CREATE OR REPLACE FUNCTION audit_changes_choices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A transition table exists only for the events that have it, so each branch names its own.
    IF TG_OP = 'INSERT' THEN
        PERFORM audit_choice_lists('{}', ARRAY(SELECT (a.round_id, a.student_id, a.rank, a.slot_id)::choice_rank FROM audit_new a));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM audit_choice_lists(ARRAY(SELECT (a.round_id, a.student_id, a.rank, a.slot_id)::choice_rank FROM audit_old a), '{}');
    ELSE
        PERFORM audit_choice_lists(ARRAY(SELECT (a.round_id, a.student_id, a.rank, a.slot_id)::choice_rank FROM audit_old a),
                                   ARRAY(SELECT (a.round_id, a.student_id, a.rank, a.slot_id)::choice_rank FROM audit_new a));
    END IF;
    RETURN NULL;
END $$;

-- Each trigger runs unless a writer that checks and audits lists itself is at work (see the top of
-- this file). The WHEN condition is spelled out rather than a SQL function: PostgreSQL prepares a
-- trigger's WHEN for every statement, and inlining a function re-parsed its body each time (6% of
-- the database's time during web reorders).
DROP TRIGGER audit_insert ON choices;
DROP TRIGGER audit_update ON choices;
DROP TRIGGER audit_delete ON choices;
DROP TRIGGER choices_frozen_insert ON choices;
DROP TRIGGER choices_frozen_update ON choices;
DROP TRIGGER choices_frozen_delete ON choices;
DROP TRIGGER choices_check_max_choices_insert ON choices;
DROP TRIGGER choices_check_max_choices_update ON choices;
CREATE TRIGGER audit_insert AFTER INSERT ON choices REFERENCING NEW TABLE AS audit_new
    FOR EACH STATEMENT WHEN (coalesce(current_setting('wblmatch.choice_list_writer', true), '') <> 'on') EXECUTE FUNCTION audit_changes_choices();
CREATE TRIGGER audit_update AFTER UPDATE ON choices REFERENCING OLD TABLE AS audit_old NEW TABLE AS audit_new
    FOR EACH STATEMENT WHEN (coalesce(current_setting('wblmatch.choice_list_writer', true), '') <> 'on') EXECUTE FUNCTION audit_changes_choices();
CREATE TRIGGER audit_delete AFTER DELETE ON choices REFERENCING OLD TABLE AS audit_old
    FOR EACH STATEMENT WHEN (coalesce(current_setting('wblmatch.choice_list_writer', true), '') <> 'on') EXECUTE FUNCTION audit_changes_choices();
CREATE TRIGGER choices_frozen_insert AFTER INSERT ON choices REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT WHEN (coalesce(current_setting('wblmatch.choice_list_writer', true), '') <> 'on') EXECUTE FUNCTION refuse_changes_to_final_round();
CREATE TRIGGER choices_frozen_update AFTER UPDATE ON choices REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT WHEN (coalesce(current_setting('wblmatch.choice_list_writer', true), '') <> 'on') EXECUTE FUNCTION refuse_changes_to_final_round();
CREATE TRIGGER choices_frozen_delete AFTER DELETE ON choices REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT WHEN (coalesce(current_setting('wblmatch.choice_list_writer', true), '') <> 'on') EXECUTE FUNCTION refuse_changes_to_final_round();
CREATE TRIGGER choices_check_max_choices_insert AFTER INSERT ON choices REFERENCING NEW TABLE AS new_choices
    FOR EACH STATEMENT WHEN (coalesce(current_setting('wblmatch.choice_list_writer', true), '') <> 'on') EXECUTE FUNCTION choices_check_max_choices();
CREATE TRIGGER choices_check_max_choices_update AFTER UPDATE ON choices REFERENCING NEW TABLE AS new_choices
    FOR EACH STATEMENT WHEN (coalesce(current_setting('wblmatch.choice_list_writer', true), '') <> 'on') EXECUTE FUNCTION choices_check_max_choices();

-- Saves of one student's list take turns on this lock until their transaction ends. A transaction
-- advisory lock rather than `SELECT … FOR UPDATE` of the student's row (0041): a row lock writes the
-- row's page, and concurrent saves for different students of the same page queued on it
-- (`LWLock:BufferContent`); the advisory lock lives in shared memory only. The key is its own space
-- (two int4 keys, unlike the pool's single bigint keys): a collision of two students' hashes only
-- makes their saves take turns.
CREATE FUNCTION lock_choice_list(p_student bigint) RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtext('wblmatch.choice_list'), hashint8(p_student))
$$;

-- A choice keeps its row when the list changes around it: its slot moves to its new rank, so a
-- reorder rewrites only `rank` and touches no foreign key. Rewriting `slot_id` in place (0051)
-- made PostgreSQL check each changed slot against `slots` and lock its row (FOR KEY SHARE), and
-- every student choosing the same popular slot queued on that one row. Moving ranks passes through
-- a moment where two choices share a rank, so the primary key is checked at the end of each
-- statement now, like the one-slot-once rule (0051). Nothing names it in an ON CONFLICT.
ALTER TABLE choices DROP CONSTRAINT choices_pkey;
ALTER TABLE choices ADD CONSTRAINT choices_pkey PRIMARY KEY (round_id, student_id, rank) DEFERRABLE INITIALLY IMMEDIATE;

-- The one way the app saves a student's list (the pages, the API, the reorder script): student
-- p_student, if in school p_school (NULL: any school), in round p_round (NULL: the newest open
-- round), gets list p_next at ranks 1…n, as p_actor (users.id p_actor_user_id). One round trip,
-- one function (a nested PL/pgSQL call for the write cost about 6% of a reorder).
--
-- Checked in order (the last three answer with the list as it is now):
--   'not_found'      the student is not in scope or does not exist (the caller says 404, not why);
--   'no_round'       no round is open (p_round NULL); a p_round that does not exist raises;
--   'stale'          the list is no longer p_expected (p_same_slots false): re-apply the change;
--   'not_same_slots' p_next is not exactly the slots listed now (p_same_slots true: a reorder);
--   'slot_not_open'  a slot new to the list is unknown or inactive;
-- then a final round raises as the frozen-round trigger does (sql/0027), and a written rank above
-- max_choices as the max-choices trigger does; otherwise 'saved' (also when nothing changed:
-- no entry then).
--
-- A choice keeps its row: dropped slots' rows go, kept ones move to their slot's new rank, new
-- slots come in at theirs; each statement runs only when it has a row to change. The whole change
-- is one audit entry with the list before and after.
CREATE FUNCTION choices_save(p_student bigint, p_school bigint, p_round bigint, p_expected bigint[], p_next bigint[],
                             p_same_slots boolean, p_actor text, p_actor_user_id bigint)
RETURNS TABLE (outcome text, current_slots bigint[]) LANGUAGE plpgsql AS $$
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
        RETURN QUERY SELECT 'not_found'::text, NULL::bigint[];
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
        RETURN QUERY SELECT 'no_round'::text, NULL::bigint[];
        RETURN;
    END IF;
    IF NOT p_same_slots AND (p_expected IS NULL OR now_listed IS DISTINCT FROM p_expected) THEN
        RETURN QUERY SELECT 'stale'::text, now_listed;
        RETURN;
    END IF;
    -- The same slots: as many, and each side contains the other (the stored list has no repeats).
    IF p_same_slots AND (n <> cardinality(now_listed) OR NOT (wanted @> now_listed AND now_listed @> wanted)) THEN
        RETURN QUERY SELECT 'not_same_slots'::text, now_listed;
        RETURN;
    END IF;
    IF NOT now_listed @> wanted THEN
        IF EXISTS (SELECT 1 FROM unnest(wanted) AS t(slot_id)
                   WHERE t.slot_id <> ALL (now_listed) AND NOT EXISTS (SELECT 1 FROM slots s WHERE s.id = t.slot_id AND s.active)) THEN
            RETURN QUERY SELECT 'slot_not_open'::text, now_listed;
            RETURN;
        END IF;
    END IF;
    IF wanted = now_listed THEN
        RETURN QUERY SELECT 'saved'::text, now_listed;
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

    PERFORM set_config('wblmatch.choice_list_writer', 'on', true);
    IF NOT wanted @> now_listed THEN
        DELETE FROM choices c WHERE c.round_id = list_round AND c.student_id = p_student AND c.slot_id <> ALL (wanted);
    END IF;
    FOR i IN 1 .. had LOOP
        at := array_position(wanted, now_listed[i]);
        moved := moved OR (at IS NOT NULL AND at <> now_ranks[i]);
    END LOOP;
    IF moved THEN
        UPDATE choices c SET rank = t.ord
        FROM unnest(wanted) WITH ORDINALITY AS t(slot_id, ord)
        WHERE c.round_id = list_round AND c.student_id = p_student AND c.slot_id = t.slot_id AND c.rank <> t.ord;
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
    PERFORM set_config('wblmatch.choice_list_writer', '', true);
    RETURN QUERY SELECT 'saved'::text, wanted;
END $$;

-- Same signature and outcomes as 0041 and 0051 (and 'not_found' for a student that does not
-- exist), for scripts; the app calls choices_save.
CREATE OR REPLACE FUNCTION choices_replace(p_round bigint, p_student bigint, p_expected bigint[], p_next bigint[],
                                           p_actor text, p_actor_user_id bigint)
RETURNS TABLE (outcome text, current_slots bigint[]) LANGUAGE sql AS $$
    SELECT * FROM choices_save(p_student, NULL, p_round, p_expected, p_next, false, p_actor, p_actor_user_id)
$$;
