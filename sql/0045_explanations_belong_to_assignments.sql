-- An explanation belongs to the student's assignment row in the same run (every student of a run has
-- one, placed or not). One composite foreign key replaces the separate checks against match_runs and
-- students: the same integrity (the run and the student exist, and the student took part in that
-- run), one index probe per row instead of two when a run writes hundreds of thousands of them.
-- Deleting a run still removes its explanations (run → assignments → explanations, cascading).
ALTER TABLE match_explanations
    DROP CONSTRAINT match_explanations_run_id_fkey,
    DROP CONSTRAINT match_explanations_student_id_fkey,
    ADD CONSTRAINT match_explanations_assignment_fkey FOREIGN KEY (run_id, student_id)
        REFERENCES match_assignments (run_id, student_id) ON DELETE CASCADE;
