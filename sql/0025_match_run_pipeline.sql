-- What the match-run pipeline records beyond the base tables of 0008.

-- The job that produced a run: a rescued job finds its run instead of writing a second one.
ALTER TABLE match_runs ADD COLUMN job_id bigint;
CREATE UNIQUE INDEX match_runs_job_id_key ON match_runs (job_id) WHERE job_id IS NOT NULL;
-- The run this one was compared with (the previous succeeded run of the same round).
ALTER TABLE match_runs ADD COLUMN previous_run_id bigint REFERENCES match_runs (id);
-- A run of a round that follows another: placed students kept their placements.
ALTER TABLE match_runs ADD COLUMN second_round boolean NOT NULL DEFAULT false;
-- The verifier's findings when it failed (first 100), in ids.
ALTER TABLE match_runs ADD COLUMN violations text[] NOT NULL DEFAULT '{}';
-- A failed run records why and nothing else.
ALTER TABLE match_runs ADD CONSTRAINT match_runs_failed_has_error CHECK (state <> 'failed' OR error IS NOT NULL);
-- A final run is not silently repeated: one per round.
CREATE UNIQUE INDEX match_runs_one_final_per_round ON match_runs (round_id)
    WHERE kind = 'final' AND state IN ('succeeded', 'published');

-- matched, or pending_approval when the referral requires the case worker's approval (confidential).
ALTER TABLE match_assignments ADD COLUMN status text CHECK (status IN ('matched', 'pending_approval'));
ALTER TABLE match_assignments ADD CONSTRAINT match_assignments_status_iff_slot CHECK ((slot_id IS NULL) = (status IS NULL));
-- Second round: the placement was kept from the previous round.
ALTER TABLE match_assignments ADD COLUMN kept boolean NOT NULL DEFAULT false;

-- The sentence shown to readers not entitled to juvenile data (message holds the full one).
ALTER TABLE match_explanations ADD COLUMN public_message text NOT NULL DEFAULT '';
