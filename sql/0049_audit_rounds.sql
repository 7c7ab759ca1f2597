-- Rounds are audited like the other tables a coordinator changes: every insert, update and delete,
-- whoever makes it (the policy page, `wblmatch import rounds`, a final run freezing its round).
-- Until now only the policy page wrote an entry, by hand, for the settings it changes.
CALL audit_table('rounds', 'id');
