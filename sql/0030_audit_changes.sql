-- Every change to choices, rankings, slots, referrals (and their restrictions), guardian consent,
-- policies and match runs leaves one audit_log row per changed row, written by the database itself,
-- so no code path (import, form, API, job, psql) can change them unseen.
--
-- Who: the transaction-local settings wblmatch.actor (an email, or `system`) and
-- wblmatch.actor_user_id, set by Store's AuditActor.stamp before the change. Unset: `system`.
-- What: action insert/update/delete, entity = the table, entity_id = the key columns joined by '/',
-- detail = {"before": row, "after": row} (a row as JSON; NULL on the side that does not exist).
-- Statement-level triggers with transition tables: one set-based INSERT per statement, so a bulk
-- import pays one extra statement, not one trigger call per row.

-- The key of a row (its columns `keys`, in order) as text: `12/3`.
CREATE FUNCTION audit_key(row_json jsonb, keys text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(coalesce(row_json ->> k, ''), '/' ORDER BY ord) FROM unnest(keys) WITH ORDINALITY AS t(k, ord)
$$;

CREATE FUNCTION audit_actor() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('wblmatch.actor', true), ''), 'system')
$$;

CREATE FUNCTION audit_actor_user_id() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('wblmatch.actor_user_id', true), '')::bigint
$$;

-- TG_ARGV: the table's key columns. Transition tables are named audit_old / audit_new.
CREATE FUNCTION audit_row_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
        SELECT audit_actor_user_id(), audit_actor(), 'insert', TG_TABLE_NAME, audit_key(to_jsonb(n), TG_ARGV),
               jsonb_build_object('before', NULL, 'after', to_jsonb(n))
        FROM audit_new n ORDER BY 5;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
        SELECT audit_actor_user_id(), audit_actor(), 'delete', TG_TABLE_NAME, audit_key(to_jsonb(o), TG_ARGV),
               jsonb_build_object('before', to_jsonb(o), 'after', NULL)
        FROM audit_old o ORDER BY 5;
    ELSE
        -- An update that moves a key (a choice to another rank) reads as a delete and an insert.
        INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
        SELECT audit_actor_user_id(), audit_actor(),
               CASE WHEN o.j IS NULL THEN 'insert' WHEN n.j IS NULL THEN 'delete' ELSE 'update' END,
               TG_TABLE_NAME, coalesce(o.k, n.k),
               jsonb_build_object('before', o.j, 'after', n.j)
        FROM (SELECT to_jsonb(x) AS j, audit_key(to_jsonb(x), TG_ARGV) AS k FROM audit_old x) o
        FULL JOIN (SELECT to_jsonb(x) AS j, audit_key(to_jsonb(x), TG_ARGV) AS k FROM audit_new x) n ON o.k = n.k
        -- Touching only updated_at (an import's unchanged row) is no change.
        WHERE (o.j - 'updated_at') IS DISTINCT FROM (n.j - 'updated_at')
        ORDER BY 5;
    END IF;
    RETURN NULL;
END $$;

-- Three triggers per audited table (transition tables are declared per event).
CREATE PROCEDURE audit_table(tbl regclass, VARIADIC keys text[]) LANGUAGE plpgsql AS $$
DECLARE
    args text := (SELECT string_agg(quote_literal(k), ', ') FROM unnest(keys) AS k);
BEGIN
    EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS audit_new '
                   'FOR EACH STATEMENT EXECUTE FUNCTION audit_row_changes(%s)', tbl, args);
    EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS audit_old NEW TABLE AS audit_new '
                   'FOR EACH STATEMENT EXECUTE FUNCTION audit_row_changes(%s)', tbl, args);
    EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS audit_old '
                   'FOR EACH STATEMENT EXECUTE FUNCTION audit_row_changes(%s)', tbl, args);
END $$;

CALL audit_table('choices', 'round_id', 'student_id', 'rank');
CALL audit_table('rankings', 'round_id', 'slot_id', 'student_id');
CALL audit_table('slots', 'id');
CALL audit_table('referrals', 'id');
CALL audit_table('referral_restrictions', 'referral_id');
CALL audit_table('referral_excluded_employers', 'referral_id', 'employer_id');
CALL audit_table('referral_excluded_counties', 'referral_id', 'county');
CALL audit_table('policies', 'version');
CALL audit_table('match_runs', 'id');

-- Guardian consent on the student row: only that column is audited (a row trigger: transition
-- tables cannot be combined with a column list).
CREATE FUNCTION audit_guardian_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
    VALUES (audit_actor_user_id(), audit_actor(), 'update', 'guardian_consent', NEW.id::text,
            jsonb_build_object('before', jsonb_build_object('guardian_consent_on', OLD.guardian_consent_on),
                               'after', jsonb_build_object('guardian_consent_on', NEW.guardian_consent_on)));
    RETURN NULL;
END $$;
CREATE TRIGGER audit_guardian_consent AFTER UPDATE OF guardian_consent_on ON students
    FOR EACH ROW WHEN (OLD.guardian_consent_on IS DISTINCT FROM NEW.guardian_consent_on)
    EXECUTE FUNCTION audit_guardian_consent();

-- Searching: by entity and id, by actor, by action; newest first.
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_actor_idx ON audit_log (lower(actor), id);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);
