-- Faster auditing of bulk changes (a 1,000,000-row choices import), with the same entries as 0030:
-- one audit_log row per changed row, who (wblmatch.actor / wblmatch.actor_user_id), when, action,
-- entity = the table, entity_id = the key columns joined by '/', detail {"before", "after"}.
--
-- 0030's shared trigger function audit_row_changes() computed the key per row with audit_key(), a
-- SQL function over unnest(keys) that the planner cannot inline (about a third of the audit cost),
-- read the actor settings once per row, and sorted the entries by key. Here audit_table() writes
-- one trigger function per table, audit_changes_<table>(), with the key expression inlined
-- (`n.round_id::text || '/' || n.student_id::text || '/' || n.rank::text`), the actor read once per
-- statement, and the entries in the order of the statement's rows (no sort). Every audited table
-- gets its triggers replaced. Key columns are integers or text, so col::text is the text that
-- to_jsonb(row) ->> col gave before.
--
-- audit_log_actor_idx (lower(actor), id) goes: the search matches the actor with ILIKE '%…%',
-- which a btree cannot serve, and nothing else reads it; each audited row paid for it.
-- audit_log_action_idx (action, id) becomes partial: searching for a rare action (view, import,
-- publish, …) still finds it by index; insert/update/delete are most of the log, so a search for
-- them reads the newest entries by id anyway, and bulk changes no longer pay for that index.

CREATE OR REPLACE PROCEDURE audit_table(tbl regclass, VARIADIC keys text[]) LANGUAGE plpgsql AS $proc$
DECLARE
    name text := (SELECT relname FROM pg_class WHERE oid = tbl);
    fn text := format('audit_changes_%s', name);
    -- The key of the row aliased `a` as text: coalesce(a.k1::text, '') || '/' || ...
    key text := (SELECT string_agg(format('coalesce(a.%I::text, %L)', k, ''), ' || ''/'' || ' ORDER BY ord)
                 FROM unnest(keys) WITH ORDINALITY AS t(k, ord));
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION %1$I() RETURNS trigger LANGUAGE plpgsql AS $body$
        DECLARE
            who text := audit_actor();
            who_id bigint := audit_actor_user_id();
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
                SELECT who_id, who, 'insert', %2$L, %3$s, jsonb_build_object('before', NULL, 'after', to_jsonb(a))
                FROM audit_new a;
            ELSIF TG_OP = 'DELETE' THEN
                INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
                SELECT who_id, who, 'delete', %2$L, %3$s, jsonb_build_object('before', to_jsonb(a), 'after', NULL)
                FROM audit_old a;
            ELSE
                -- An update that moves a key (a choice to another rank) reads as a delete and an insert.
                INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
                SELECT who_id, who,
                       CASE WHEN o.j IS NULL THEN 'insert' WHEN n.j IS NULL THEN 'delete' ELSE 'update' END,
                       %2$L, coalesce(o.k, n.k), jsonb_build_object('before', o.j, 'after', n.j)
                FROM (SELECT to_jsonb(a) AS j, %3$s AS k FROM audit_old a) o
                FULL JOIN (SELECT to_jsonb(a) AS j, %3$s AS k FROM audit_new a) n ON o.k = n.k
                -- Touching only updated_at (an import's unchanged row) is no change.
                WHERE (o.j - 'updated_at') IS DISTINCT FROM (n.j - 'updated_at')
                ORDER BY 5;
            END IF;
            RETURN NULL;
        END $body$
        $f$, fn, name, key);
    EXECUTE format('DROP TRIGGER IF EXISTS audit_insert ON %s', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS audit_update ON %s', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS audit_delete ON %s', tbl);
    EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS audit_new '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I()', tbl, fn);
    EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS audit_old NEW TABLE AS audit_new '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I()', tbl, fn);
    EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS audit_old '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I()', tbl, fn);
END $proc$;

-- Every table audited so far (0030, 0031, 0032 and any other migration before this one), with the
-- key columns its triggers were created with.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT DISTINCT tgrelid::regclass AS tbl,
                    array_remove(string_to_array(encode(tgargs, 'escape'), '\000'), '') AS keys
             FROM pg_trigger WHERE tgfoid = 'audit_row_changes'::regproc LOOP
        CALL audit_table(t.tbl, VARIADIC t.keys);
    END LOOP;
END $$;

DROP INDEX audit_log_actor_idx;
DROP INDEX audit_log_action_idx;
CREATE INDEX audit_log_action_idx ON audit_log (action, id) WHERE action NOT IN ('insert', 'update', 'delete');
