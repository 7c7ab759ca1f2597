import Database
import Intake

/// Writes stored data in the intake CSV formats (so an export imports back unchanged), limited to
/// what the user may see: the same role rules as ``ImportScope``, rows of their own school, EDC or
/// referrals. Cells that a spreadsheet would run as formulas are escaped with a leading `'`
/// (which import removes again).
public struct IntakeExporter: Sendable {
    let pool: DatabasePool

    /// An exporter over `pool`.
    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// The CSV text of `kind` for `user`; choices and rankings of `round` (nil: the latest open round).
    public func csv(_ kind: IntakeKind, as user: ActingUser, round: String? = nil) async throws -> String {
        try ImportScope.check(kind, user: user, file: kind.fileName)
        let writer = CSVWriter()
        var out = writer.line(kind.columns.map(\.name))
        let school = user.role == "counselor" ? user.organizationCode : nil
        let edc = user.role == "edc_staff" ? user.organizationCode : nil
        // Choices and rankings belong to a round, resolved as imports resolve it; an unknown round
        // would export a header and nothing, so it is an error instead.
        var roundID: Int64?
        if kind == .choices || kind == .rankings {
            guard let row = try await pool.query(ImportQueries.round, [round]).first else {
                throw IntakeProblems([IntakeProblem(file: kind.fileName, line: 0, message: round.map {
                    "there is no round named \"\($0)\" (`wblmatch export rounds` lists them)"
                } ?? "there is no open round; name one with --round (`wblmatch export rounds` lists them)")])
            }
            roundID = try row.decode("id")
        }
        let rows: [Row]
        switch kind {
        case .organizations: rows = try await pool.query(ExportQueries.organizations)
        case .users: rows = try await pool.query(ExportQueries.users)
        case .rounds: rows = try await pool.query(ExportQueries.rounds)
        case .employers: rows = try await pool.query(ExportQueries.employers, [edc])
        case .slots: rows = try await pool.query(ExportQueries.slots, [edc])
        case .students: rows = try await pool.query(ExportQueries.students, [school])
        case .choices: rows = try await pool.query(ExportQueries.choices, [school, roundID])
        case .referrals: rows = try await pool.query(ExportQueries.referrals, [user.role == "case_worker" ? user.id : nil])
        case .rankings: rows = try await pool.query(ExportQueries.rankings, [edc, roundID, user.role == "employer" ? user.organizationCode : nil])
        }
        for row in rows { out += writer.line(row.values) }
        return out
    }
}

/// SQL of ``IntakeExporter``: every column as text in the kind's column order.
enum ExportQueries {
    static let organizations = """
        SELECT code, kind, name, county, latitude::text, longitude::text FROM organizations ORDER BY code
        """

    static let users = """
        SELECT u.email, u.name, u.role, o.code, u.can_view_juvenile::text, u.disabled::text
        FROM users u JOIN organizations o ON o.id = u.organization_id ORDER BY lower(u.email)
        """

    static let rounds = """
        SELECT r.name, r.max_choices::text, to_char(r.choice_deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               r.state, p.name
        FROM rounds r LEFT JOIN rounds p ON p.id = r.previous_round_id ORDER BY r.created_at, r.id
        """

    /// Employers of EDC $1 (all when NULL), with their own organization's code.
    static let employers = """
        SELECT o.code, e.external_id, e.name, e.industry, eo.code
        FROM employers e JOIN organizations o ON o.id = e.edc_id
        LEFT JOIN organizations eo ON eo.id = e.organization_id
        WHERE $1::text IS NULL OR o.code = $1::text ORDER BY o.code, e.external_id
        """

    /// Slots of EDC $1 (all when NULL).
    static let slots = """
        SELECT o.code, s.external_id, e.external_id, s.title, s.kind, s.program_of_study, s.capacity::text,
               s.reserved_seats::text, s.start_date::text, s.end_date::text, s.schedule, s.minimum_age::text,
               array_to_string(s.hazardous_orders, ';'), s.manufacturing::text, s.power_machinery::text, s.mining::text,
               s.agricultural_hazardous::text, s.virtual::text, s.active::text, array_to_string(s.certifications, ';'),
               s.background_check::text, s.drug_screen::text, s.drivers_license::text, s.us_citizenship::text,
               s.minimum_grade::text, s.program_required::text, s.contact_name, s.contact_email,
               site.name, site.address, site.county, site.latitude::text, site.longitude::text
        FROM slots s JOIN organizations o ON o.id = s.edc_id JOIN employers e ON e.id = s.employer_id
        LEFT JOIN sites site ON site.id = s.site_id
        WHERE $1::text IS NULL OR o.code = $1::text ORDER BY o.code, s.external_id
        """

    /// Students of school $1 (all when NULL).
    static let students = """
        SELECT o.code, s.external_id, s.first_name, s.last_name, s.birth_date::text, s.grade::text, s.program_of_study,
               s.cte_concentrator::text, s.expected_graduation::text, s.transport, s.drivers_license::text,
               s.home_latitude::text, s.home_longitude::text, s.availability, s.summer_availability,
               array_to_string(s.certifications, ';'), s.guardian_consent_on::text, s.work_permit::text,
               s.student_learner_agreement::text, s.vocational_ag_exemption::text, s.background_check_cleared::text,
               s.drug_screen_passed::text, s.us_citizen::text, array_to_string(s.special_populations, ';'),
               s.guardian_name, s.guardian_email, s.guardian_language
        FROM students s JOIN organizations o ON o.id = s.school_id
        WHERE $1::text IS NULL OR o.code = $1::text ORDER BY o.code, s.external_id
        """

    /// Choices of school $1's students (all when NULL) in round $2.
    static let choices = """
        SELECT so.code, st.external_id, c.rank::text, eo.code, sl.external_id
        FROM choices c
        JOIN students st ON st.id = c.student_id JOIN organizations so ON so.id = st.school_id
        JOIN slots sl ON sl.id = c.slot_id JOIN organizations eo ON eo.id = sl.edc_id
        WHERE c.round_id = $2::bigint AND ($1::text IS NULL OR so.code = $1::text)
        ORDER BY so.code, st.external_id, c.rank
        """

    /// Referrals made by user $1 (all when NULL).
    static let referrals = """
        SELECT so.code, st.external_id, r.referred_on::text, r.active::text, u.email, to_char(rr.curfew, 'HH24:MI'),
               coalesce(rr.caseworker_approval_required, false)::text,
               (SELECT string_agg(eo.code || ':' || e.external_id, ';' ORDER BY eo.code, e.external_id)
                FROM referral_excluded_employers x JOIN employers e ON e.id = x.employer_id
                JOIN organizations eo ON eo.id = e.edc_id WHERE x.referral_id = r.id),
               (SELECT string_agg(x.county, ';' ORDER BY x.county) FROM referral_excluded_counties x WHERE x.referral_id = r.id)
        FROM referrals r
        JOIN students st ON st.id = r.student_id JOIN organizations so ON so.id = st.school_id
        JOIN users u ON u.id = r.referred_by
        LEFT JOIN referral_restrictions rr ON rr.referral_id = r.id
        WHERE $1::bigint IS NULL OR r.referred_by = $1::bigint
        ORDER BY so.code, st.external_id
        """

    /// Rankings of EDC $1's slots (all when NULL) in round $2.
    static let rankings = """
        SELECT eo.code, sl.external_id, r.tier::text, so.code, st.external_id
        FROM rankings r
        JOIN slots sl ON sl.id = r.slot_id JOIN organizations eo ON eo.id = sl.edc_id
        JOIN students st ON st.id = r.student_id JOIN organizations so ON so.id = st.school_id
        WHERE r.round_id = $2::bigint AND ($1::text IS NULL OR eo.code = $1::text)
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM employers e JOIN organizations o ON o.id = e.organization_id
                                           WHERE e.id = sl.employer_id AND o.code = $3::text))
        ORDER BY eo.code, sl.external_id, r.tier, so.code, st.external_id
        """
}
