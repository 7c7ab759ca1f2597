/// Referrals from juvenile services with their restrictions, upserted by (juvenile-services office,
/// student). A case worker imports only referrals they make themselves; the office is the case
/// worker's organization. Restrictions and exclusions are replaced with the file's.
enum ReferralImport {
    static func run(_ context: ImportContext) async throws -> ImportCounts {
        try await context.conn.executeScript(ReferralImportQueries.createStage)
        try await context.copyRows(ReferralImportQueries.copy)
        try await context.conn.execute(ReferralImportQueries.defaultCaseWorker, [context.user.email])
        try await context.conn.executeScript(ReferralImportQueries.resolve)
        let ownID: Int? = context.user.role == "case_worker" ? context.user.id : nil
        try await context.check(ReferralImportQueries.problems, [ownID])
        try await context.conn.executeScript(ReferralImportQueries.compare)
        try await context.conn.executeScript(ReferralImportQueries.apply)
        let rows = try await context.conn.query(ReferralImportQueries.counts)
        return ImportCounts(created: try rows[0].decode("created"), updated: try rows[0].decode("updated"),
                            unchanged: try rows[0].decode("unchanged"))
    }
}

/// SQL of the referrals import.
enum ReferralImportQueries {
    static let createStage = """
        CREATE TEMP TABLE stage_referrals (
            line int, school text, student_id text, referred_on text, active text, case_worker text, curfew text,
            caseworker_approval_required text, excluded_employers text, excluded_counties text
        ) ON COMMIT DROP
        """

    static let copy = "COPY stage_referrals FROM STDIN"

    static let defaultCaseWorker = "UPDATE stage_referrals SET case_worker = $1 WHERE case_worker IS NULL"

    static let resolve = """
        CREATE TEMP TABLE resolved_referrals ON COMMIT DROP AS
        SELECT s.*, so.id AS school_pk, st.id AS student_pk, u.id AS case_worker_pk, u.role AS case_worker_role,
               u.organization_id AS office_pk
        FROM stage_referrals s
        LEFT JOIN organizations so ON so.code = s.school AND so.kind = 'school'
        LEFT JOIN students st ON st.school_id = so.id AND st.external_id = s.student_id
        LEFT JOIN users u ON lower(u.email) = lower(s.case_worker) AND NOT u.disabled;
        CREATE TEMP TABLE referral_employers ON COMMIT DROP AS
        SELECT r.line, item, e.id AS employer_pk
        FROM resolved_referrals r
        CROSS JOIN LATERAL unnest(r.excluded_employers::text[]) AS item
        LEFT JOIN organizations o ON o.code = split_part(item, ':', 1) AND o.kind = 'edc'
        LEFT JOIN employers e ON e.edc_id = o.id AND e.external_id = substr(item, strpos(item, ':') + 1)
        """

    /// Unknown students and employers, case workers who are not ones (or not the importing one, $1),
    /// duplicate referrals.
    static let problems = """
        SELECT line, 'school' AS col, format('"%s" is not the code of a school', school) AS message
        FROM resolved_referrals WHERE school_pk IS NULL
        UNION ALL
        SELECT line, 'student_id', format('%s is not a student of %s (the school registers students first)', student_id, school)
        FROM resolved_referrals WHERE school_pk IS NOT NULL AND student_pk IS NULL
        UNION ALL
        SELECT line, 'case_worker', format('%s is not an active case worker', case_worker)
        FROM resolved_referrals WHERE case_worker_pk IS NULL OR case_worker_role <> 'case_worker'
        UNION ALL
        SELECT line, 'case_worker', format('%s is not you: a case worker imports only their own referrals', case_worker)
        FROM resolved_referrals WHERE $1::bigint IS NOT NULL AND case_worker_pk IS NOT NULL AND case_worker_pk <> $1::bigint
        UNION ALL
        SELECT line, 'excluded_employers', format('employer %s is not known', item)
        FROM referral_employers WHERE employer_pk IS NULL
        UNION ALL
        SELECT line, 'student_id', format('student %s of %s is referred again (first on line %s)', student_id, school, first_line)
        FROM (SELECT line, school, student_id, min(line) OVER (PARTITION BY office_pk, student_pk) AS first_line
              FROM resolved_referrals WHERE student_pk IS NOT NULL AND office_pk IS NOT NULL) d
        WHERE line > first_line
        ORDER BY 1, 2
        """

    /// Each referral of the file as it would be stored, beside how it is stored now.
    static let compare = """
        CREATE TEMP TABLE referral_changes ON COMMIT DROP AS
        SELECT r.line, r.office_pk, r.student_pk, old.id AS referral_pk, old.id IS NOT NULL AS existed,
               jsonb_build_object(
                   'referred_on', r.referred_on::date, 'active', r.active::boolean, 'referred_by', r.case_worker_pk,
                   'curfew', r.curfew::time, 'approval', r.caseworker_approval_required::boolean,
                   'employers', (SELECT coalesce(jsonb_agg(DISTINCT e.employer_pk ORDER BY e.employer_pk), '[]')
                                 FROM referral_employers e WHERE e.line = r.line),
                   'counties', (SELECT coalesce(jsonb_agg(DISTINCT c ORDER BY c), '[]')
                                FROM unnest(r.excluded_counties::text[]) c)
               ) IS DISTINCT FROM (
                   SELECT jsonb_build_object(
                       'referred_on', old.referred_on, 'active', old.active, 'referred_by', old.referred_by,
                       'curfew', rr.curfew, 'approval', coalesce(rr.caseworker_approval_required, false),
                       'employers', (SELECT coalesce(jsonb_agg(x.employer_id ORDER BY x.employer_id), '[]')
                                     FROM referral_excluded_employers x WHERE x.referral_id = old.id),
                       'counties', (SELECT coalesce(jsonb_agg(x.county ORDER BY x.county), '[]')
                                    FROM referral_excluded_counties x WHERE x.referral_id = old.id))
                   FROM referral_restrictions rr RIGHT JOIN (SELECT 1) one ON rr.referral_id = old.id
               ) AS changed
        FROM resolved_referrals r
        LEFT JOIN referrals old ON old.juvenile_services_id = r.office_pk AND old.student_id = r.student_pk
        """

    /// Writes the new and changed referrals: the referral, its restrictions, its exclusions.
    static let apply = """
        INSERT INTO referrals AS t (student_id, juvenile_services_id, referred_by, referred_on, active)
        SELECT r.student_pk, r.office_pk, r.case_worker_pk, r.referred_on::date, r.active::boolean
        FROM resolved_referrals r JOIN referral_changes c ON c.line = r.line
        WHERE c.changed
        ON CONFLICT (juvenile_services_id, student_id) DO UPDATE SET
            referred_by = excluded.referred_by, referred_on = excluded.referred_on, active = excluded.active,
            updated_at = now();
        UPDATE referral_changes c SET referral_pk = t.id
        FROM referrals t WHERE t.juvenile_services_id = c.office_pk AND t.student_id = c.student_pk AND c.changed;
        INSERT INTO referral_restrictions AS t (referral_id, curfew, caseworker_approval_required)
        SELECT c.referral_pk, r.curfew::time, r.caseworker_approval_required::boolean
        FROM resolved_referrals r JOIN referral_changes c ON c.line = r.line
        WHERE c.changed
        ON CONFLICT (referral_id) DO UPDATE SET
            curfew = excluded.curfew, caseworker_approval_required = excluded.caseworker_approval_required,
            updated_at = now();
        DELETE FROM referral_excluded_employers x USING referral_changes c WHERE x.referral_id = c.referral_pk AND c.changed;
        DELETE FROM referral_excluded_counties x USING referral_changes c WHERE x.referral_id = c.referral_pk AND c.changed;
        INSERT INTO referral_excluded_employers (referral_id, employer_id)
        SELECT DISTINCT c.referral_pk, e.employer_pk
        FROM referral_employers e JOIN referral_changes c ON c.line = e.line WHERE c.changed;
        INSERT INTO referral_excluded_counties (referral_id, county)
        SELECT DISTINCT c.referral_pk, county
        FROM resolved_referrals r JOIN referral_changes c ON c.line = r.line
        CROSS JOIN LATERAL unnest(r.excluded_counties::text[]) AS county
        WHERE c.changed
        """

    static let counts = """
        SELECT count(*) FILTER (WHERE NOT existed)::int AS created,
               count(*) FILTER (WHERE existed AND changed)::int AS updated,
               count(*) FILTER (WHERE NOT changed)::int AS unchanged
        FROM referral_changes
        """
}
