-- Bulk inserts with set-based foreign-key checks.
--
-- PostgreSQL checks a foreign key row by row: inserting 1,000,000 choices runs 3,000,000 lookups
-- (round, student, slot), about a third of such an import. Adding a foreign key to a filled table
-- instead validates it with one anti-join over the whole table. So a large import, inside its own
-- transaction, drops the table's foreign keys (foreign_keys_suspend), inserts, and adds the same
-- constraints back (foreign_keys_restore): the same rule, checked by PostgreSQL before commit; a
-- violation aborts the whole import. This is what the PostgreSQL manual advises for bulk loads
-- ("Populating a Database": remove foreign-key constraints, load, re-create them).
--
-- Price: until the transaction ends the table and the tables it references are locked ACCESS
-- EXCLUSIVE (others wait for the import), and the check reads the whole table, so importers use it
-- only when the rows to insert are many and a large part of the table (foreign_keys_worth_suspending).
-- A transaction cannot commit with keys still suspended: a deferred trigger refuses the commit.

-- Whether inserting `rows` rows into `tbl` is worth suspending its foreign keys: at least 50,000
-- rows and at least a quarter of the rows the table has.
CREATE FUNCTION foreign_keys_worth_suspending(tbl regclass, rows bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT rows >= 50000 AND rows * 4 >= (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = tbl)
$$;

CREATE FUNCTION foreign_keys_still_suspended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM suspended_foreign_keys WHERE name = NEW.name AND tbl = NEW.tbl) THEN
        RAISE EXCEPTION 'foreign key % of % is still suspended at commit (call foreign_keys_restore)', NEW.name, NEW.tbl
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;

-- Drops the foreign keys of `tbl` until foreign_keys_restore(tbl) in the same transaction; returns
-- how many. Locks `tbl` and the tables it references first, all at once.
CREATE FUNCTION foreign_keys_suspend(tbl regclass) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    c record;
    n integer := 0;
BEGIN
    IF to_regclass('pg_temp.suspended_foreign_keys') IS NULL THEN
        CREATE TEMP TABLE suspended_foreign_keys (tbl regclass, name text, def text) ON COMMIT DROP;
        CREATE CONSTRAINT TRIGGER suspended_foreign_keys_at_commit AFTER INSERT ON suspended_foreign_keys
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION foreign_keys_still_suspended();
    END IF;
    EXECUTE (SELECT format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', string_agg(DISTINCT r::text, ', '))
             FROM (SELECT tbl AS r UNION SELECT confrelid::regclass FROM pg_constraint WHERE conrelid = tbl AND contype = 'f') t);
    FOR c IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
             WHERE conrelid = tbl AND contype = 'f' ORDER BY conname LOOP
        INSERT INTO suspended_foreign_keys VALUES (tbl, c.conname, c.def);
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', tbl, c.conname);
        n := n + 1;
    END LOOP;
    RETURN n;
END $$;

-- Adds back the foreign keys foreign_keys_suspend(tbl) dropped, each validated over the whole table
-- (an error names the constraint and a violating row); returns how many.
CREATE FUNCTION foreign_keys_restore(tbl regclass) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    c record;
    n integer := 0;
BEGIN
    IF to_regclass('pg_temp.suspended_foreign_keys') IS NULL THEN
        RETURN 0;
    END IF;
    FOR c IN SELECT s.name, s.def FROM suspended_foreign_keys s WHERE s.tbl = foreign_keys_restore.tbl ORDER BY s.name LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', tbl, c.name, c.def);
        n := n + 1;
    END LOOP;
    DELETE FROM suspended_foreign_keys s WHERE s.tbl = foreign_keys_restore.tbl;
    RETURN n;
END $$;
