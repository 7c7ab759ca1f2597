-- Bulk inserts with indexes built afterwards.
--
-- Keeping a B-tree up to date row by row costs more than building it in one sorted pass: inserting
-- 1,000,000 choices spent about 5 s maintaining the table's three indexes, which build in about 2 s
-- after the insert. So a large import, inside its own transaction, drops the table's indexes
-- (indexes_suspend), inserts, and builds the same indexes again (indexes_restore) before commit; a
-- unique index or primary key checks every row as it is built, so a duplicate aborts the import.
-- The PostgreSQL manual advises the same for bulk loads ("Populating a Database": remove indexes).
--
-- Kept in place: an index a foreign key of another table relies on (dropping it would need the key
-- dropped too), and exclusion constraints. Price: the table is locked ACCESS EXCLUSIVE until the
-- transaction ends (foreign_keys_suspend already takes that lock for the same imports). A transaction
-- cannot commit with indexes still suspended: a deferred trigger refuses the commit.

CREATE FUNCTION indexes_still_suspended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM suspended_indexes WHERE name = NEW.name AND tbl = NEW.tbl) THEN
        RAISE EXCEPTION 'index % of % is still suspended at commit (call indexes_restore)', NEW.name, NEW.tbl
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;

-- Drops the indexes of `tbl` (and the primary-key and unique constraints they back) until
-- indexes_restore(tbl) in the same transaction; returns how many.
CREATE FUNCTION indexes_suspend(tbl regclass) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    c record;
    n integer := 0;
BEGIN
    IF to_regclass('pg_temp.suspended_indexes') IS NULL THEN
        CREATE TEMP TABLE suspended_indexes (tbl regclass, name text, constraint_name text, def text) ON COMMIT DROP;
        CREATE CONSTRAINT TRIGGER suspended_indexes_at_commit AFTER INSERT ON suspended_indexes
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indexes_still_suspended();
    END IF;
    EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', tbl);
    FOR c IN SELECT ic.relname AS name, i.indexrelid::regclass AS idx, con.conname,
                    CASE WHEN con.oid IS NULL THEN pg_get_indexdef(i.indexrelid) ELSE pg_get_constraintdef(con.oid) END AS def
             FROM pg_index i
             JOIN pg_class ic ON ic.oid = i.indexrelid
             LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = tbl AND con.contype IN ('p', 'u')
             WHERE i.indrelid = tbl
               AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.contype = 'x' AND x.conindid = i.indexrelid)
             ORDER BY ic.relname LOOP
        INSERT INTO suspended_indexes VALUES (tbl, c.name, c.conname, c.def);
        IF c.conname IS NULL THEN
            EXECUTE format('DROP INDEX %s', c.idx);
        ELSE
            EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', tbl, c.conname);
        END IF;
        n := n + 1;
    END LOOP;
    RETURN n;
END $$;

-- Builds again the indexes indexes_suspend(tbl) dropped (a duplicate in a unique one is an error
-- naming the key); returns how many.
CREATE FUNCTION indexes_restore(tbl regclass) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    c record;
    n integer := 0;
BEGIN
    IF to_regclass('pg_temp.suspended_indexes') IS NULL THEN
        RETURN 0;
    END IF;
    -- Sort a million keys in memory, for this transaction only.
    PERFORM set_config('maintenance_work_mem', '256MB', true);
    FOR c IN SELECT s.name, s.constraint_name, s.def FROM suspended_indexes s WHERE s.tbl = indexes_restore.tbl ORDER BY s.name LOOP
        IF c.constraint_name IS NULL THEN
            EXECUTE c.def;
        ELSE
            EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', tbl, c.constraint_name, c.def);
        END IF;
        n := n + 1;
    END LOOP;
    DELETE FROM suspended_indexes s WHERE s.tbl = indexes_restore.tbl;
    RETURN n;
END $$;
