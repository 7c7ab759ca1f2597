/// SQL of the audit log (sql/0009, sql/0030).
enum AuditQueries {
    /// Sets the transaction's actor: $1 name, $2 users.id as text ('' for none).
    static let stamp = """
        SELECT set_config('wblmatch.actor', $1::text, true), set_config('wblmatch.actor_user_id', $2::text, true)
        """

    /// Records that the actor of the transaction (or $1/$2) saw juvenile-services data.
    static let view = """
        INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
        VALUES ($1, $2, 'view', $3, $4, $5::jsonb)
        RETURNING id
        """

    /// Records action $3 by $1/$2 on entity $4 row $5, detail $6.
    static let action = """
        INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
        VALUES ($1, $2, $3, $4, $5, $6::jsonb)
        RETURNING id
        """

    /// Records a view of student $4's confidential explanations in run $3, only if she has any.
    static let viewConfidentialExplanations = """
        INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, detail)
        SELECT $1, $2, 'view', 'referrals', 'student/' || $4::bigint,
               jsonb_build_object('page', 'run_student', 'run_id', $3::bigint, 'student_id', $4::bigint)
        WHERE EXISTS (SELECT 1 FROM match_explanations WHERE run_id = $3 AND student_id = $4 AND confidential)
        """

    /// Entries matching the filter, newest first. $9: whether juvenile-services entities may be returned.
    static let search = """
        SELECT id, at, actor_user_id, actor, action, entity, entity_id, detail::text AS detail_text
        FROM audit_log
        WHERE ($1::text = '' OR actor ILIKE '%' || $1 || '%')
          AND ($2::text = '' OR entity = $2)
          AND ($3::text = '' OR entity_id = $3)
          AND ($4::text = '' OR action = $4)
          AND ($5::text = '' OR detail::text ILIKE '%' || $5 || '%')
          AND ($6::timestamptz IS NULL OR at >= $6)
          AND ($7::timestamptz IS NULL OR at < $7)
          AND ($8::bigint IS NULL OR id < $8)
          AND ($9::boolean OR entity <> ALL (\(juvenileEntitiesSQL)))
          -- A placement that awaited a case worker's approval reveals the referral too.
          AND ($9::boolean OR entity <> 'placements' OR detail::text NOT LIKE '%pending_approval%')
        ORDER BY id DESC
        LIMIT $10
        """

    /// The entities whose entries reveal juvenile-services data (the fact of referral included).
    static let juvenileEntities = ["referrals", "referral_restrictions", "referral_excluded_employers", "referral_excluded_counties",
                                   "placement_approvals"]
    static let juvenileEntitiesSQL = "ARRAY['referrals', 'referral_restrictions', 'referral_excluded_employers', 'referral_excluded_counties', 'placement_approvals']"
}
