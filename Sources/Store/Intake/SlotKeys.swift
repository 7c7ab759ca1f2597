/// A temporary lookup of slots by (EDC code, slot_id), plus one row per slot_id alone (EDC key
/// '') counting how many EDCs use it, so files may leave `edc` empty when the id is unambiguous.
enum SlotKeys {
    static let create = """
        CREATE TEMP TABLE slot_keys ON COMMIT DROP AS
        SELECT o.code AS edc_key, s.external_id, s.id AS slot_pk, 1 AS matches, s.active, o.code AS edc
        FROM slots s JOIN organizations o ON o.id = s.edc_id
        UNION ALL
        SELECT '', s.external_id, min(s.id), count(*)::int, bool_and(s.active), min(o.code)
        FROM slots s JOIN organizations o ON o.id = s.edc_id
        GROUP BY s.external_id;
        ANALYZE slot_keys
        """
}
