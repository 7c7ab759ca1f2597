-- Run results: the references of assignments and explanations checked once per statement, not per row.
--
-- A 100,000-student run writes about 100,000 assignment rows and 350,000 explanation rows with COPY.
-- PostgreSQL checks a foreign key row by row (an index lookup and a FOR KEY SHARE lock on the row
-- referenced, the same slot locked again for each of its applicants): the five keys of these two
-- tables made writing a run take 9.6 s instead of 3.4 s. The same rules now hold through statement
-- triggers that see all of a statement's rows at once (transition tables):
--   * every assignment names a run, a student and (when placed) a slot that exist; every explanation
--     names an assignment row of its run and a slot that exist;
--   * deleting a run deletes its results, and deleting an assignment its explanations (the old
--     ON DELETE CASCADE);
--   * a student or slot that a run result names cannot be deleted (the old NO ACTION). The deleting
--     transaction first waits for run writes in progress (a SHARE lock on both tables), then checks
--     with a fresh snapshot, so a run cannot commit results naming a row deleted meanwhile;
--   * results are a record: never updated, so their keys cannot drift from what was checked.

ALTER TABLE match_assignments
    DROP CONSTRAINT match_assignments_run_id_fkey,
    DROP CONSTRAINT match_assignments_student_id_fkey,
    DROP CONSTRAINT match_assignments_slot_id_fkey;
ALTER TABLE match_explanations
    DROP CONSTRAINT match_explanations_assignment_fkey,
    DROP CONSTRAINT match_explanations_slot_id_fkey;

-- One explanation per choice: the choice's rank identifies it within a student's list (choices
-- themselves hold one slot once per list), so one index serves both the rule and every reader, which
-- reads a student's explanations in rank order. One index less to fill when a run is written.
ALTER TABLE match_explanations
    DROP CONSTRAINT match_explanations_pkey,
    DROP CONSTRAINT match_explanations_run_id_student_id_choice_rank_key,
    ADD PRIMARY KEY (run_id, student_id, choice_rank);

CREATE FUNCTION match_assignments_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.run_id, n.student_id, n.slot_id INTO bad FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM match_runs r WHERE r.id = n.run_id)
       OR NOT EXISTS (SELECT 1 FROM students s WHERE s.id = n.student_id)
       OR (n.slot_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM slots s WHERE s.id = n.slot_id))
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'match_assignments (run %, student %, slot %) names a run, student or slot that does not exist',
            bad.run_id, bad.student_id, coalesce(bad.slot_id::text, 'none') USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION match_explanations_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    -- Distinct keys first: a student has several explanations and a slot many applicants.
    SELECT n.run_id, n.student_id INTO bad FROM (SELECT DISTINCT run_id, student_id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM match_assignments a WHERE a.run_id = n.run_id AND a.student_id = n.student_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'match_explanations (run %, student %) has no assignment row in its run', bad.run_id, bad.student_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    SELECT n.slot_id INTO bad FROM (SELECT DISTINCT slot_id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM slots s WHERE s.id = n.slot_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'match_explanations names slot %, which does not exist', bad.slot_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER check_references AFTER INSERT ON match_assignments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_assignments_check_references();
CREATE TRIGGER check_references AFTER INSERT ON match_explanations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_explanations_check_references();

CREATE FUNCTION run_results_are_a_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are the record of a run and are not updated; write a new run instead', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER no_updates BEFORE UPDATE ON match_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION run_results_are_a_record();
CREATE TRIGGER no_updates BEFORE UPDATE ON match_explanations
    FOR EACH STATEMENT EXECUTE FUNCTION run_results_are_a_record();

CREATE FUNCTION match_runs_delete_results() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM match_explanations WHERE run_id = OLD.id;
    DELETE FROM match_assignments WHERE run_id = OLD.id;
    RETURN OLD;
END $$;
CREATE TRIGGER delete_results BEFORE DELETE ON match_runs
    FOR EACH ROW EXECUTE FUNCTION match_runs_delete_results();

CREATE FUNCTION match_assignments_delete_explanations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM match_explanations x USING old_rows o WHERE x.run_id = o.run_id AND x.student_id = o.student_id;
    RETURN NULL;
END $$;
CREATE TRIGGER delete_explanations AFTER DELETE ON match_assignments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION match_assignments_delete_explanations();

-- Students and slots named by a run's results stay. Deletions are rare (the application deactivates
-- instead), so this side pays for the lock and the scan.
CREATE FUNCTION run_results_keep_referenced_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad bigint;
BEGIN
    LOCK TABLE match_assignments, match_explanations IN SHARE MODE;
    IF TG_TABLE_NAME = 'students' THEN
        SELECT o.id INTO bad FROM old_rows o WHERE EXISTS (SELECT 1 FROM match_assignments a WHERE a.student_id = o.id) LIMIT 1;
    ELSE
        SELECT o.id INTO bad FROM old_rows o
        WHERE EXISTS (SELECT 1 FROM match_assignments a WHERE a.slot_id = o.id)
           OR EXISTS (SELECT 1 FROM match_explanations x WHERE x.slot_id = o.id)
        LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION '% % is named by match run results and cannot be deleted (deactivate it instead)',
            rtrim(TG_TABLE_NAME, 's'), bad USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER keep_run_results AFTER DELETE ON students
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION run_results_keep_referenced_rows();
CREATE TRIGGER keep_run_results AFTER DELETE ON slots
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION run_results_keep_referenced_rows();
