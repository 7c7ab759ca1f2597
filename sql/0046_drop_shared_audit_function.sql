-- Since 0042 every audited table has its own trigger function with its key inlined; 0030's shared
-- trigger function and its per-row key helper are no longer called by anything.
DROP FUNCTION audit_row_changes();
DROP FUNCTION audit_key(jsonb, text[]);
