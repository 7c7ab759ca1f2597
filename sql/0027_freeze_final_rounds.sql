-- A round turns final when its final run is published: its choices and rankings freeze.
-- Statement-level triggers with transition tables, so bulk imports pay one check per statement.
CREATE FUNCTION refuse_changes_to_final_round() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    frozen bigint;
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT r.id INTO frozen FROM changed_new n JOIN rounds r ON r.id = n.round_id WHERE r.state = 'final' LIMIT 1;
    END IF;
    IF frozen IS NULL AND TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT r.id INTO frozen FROM changed_old o JOIN rounds r ON r.id = o.round_id WHERE r.state = 'final' LIMIT 1;
    END IF;
    IF frozen IS NOT NULL THEN
        RAISE EXCEPTION 'round % is final: its % are frozen since its final match was published', frozen, TG_TABLE_NAME
            USING ERRCODE = 'check_violation', HINT = 'create a second round for students left unmatched';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER choices_frozen_insert AFTER INSERT ON choices REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_changes_to_final_round();
CREATE TRIGGER choices_frozen_update AFTER UPDATE ON choices REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_changes_to_final_round();
CREATE TRIGGER choices_frozen_delete AFTER DELETE ON choices REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_changes_to_final_round();
CREATE TRIGGER rankings_frozen_insert AFTER INSERT ON rankings REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_changes_to_final_round();
CREATE TRIGGER rankings_frozen_update AFTER UPDATE ON rankings REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_changes_to_final_round();
CREATE TRIGGER rankings_frozen_delete AFTER DELETE ON rankings REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_changes_to_final_round();
