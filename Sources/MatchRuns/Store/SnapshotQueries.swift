/// The SQL that reads a run's inputs. COPY takes no bind parameters, so the round id travels in a
/// transaction-local setting (`wblmatch.round_id`, set with `set_config($1, …)`) that the COPY
/// queries read back; nothing is ever spliced into SQL text.
enum SnapshotQueries {
    /// Binds the round for the COPY queries below, for this transaction only.
    static let bindRound = "SELECT set_config('wblmatch.round_id', $1, true), set_config('wblmatch.previous_round_id', $2, true)"

    /// The transaction's snapshot, for a second connection to read in (`SET TRANSACTION SNAPSHOT`).
    static let exportSnapshot = "SELECT pg_export_snapshot() AS id"

    /// `SET TRANSACTION SNAPSHOT` takes no parameters: the id (from `pg_export_snapshot()`, hex digits
    /// and dashes) is checked to be only those before it is spliced in.
    static func setSnapshot(_ id: String) throws -> String {
        guard !id.isEmpty, id.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) }) else {
            throw RunError(stage: "snapshot", message: "PostgreSQL exported an unexpected snapshot id \"\(id)\"")
        }
        return "SET TRANSACTION SNAPSHOT '\(id)'"
    }

    static let round = "SELECT id, name, state, previous_round_id, max_choices FROM rounds WHERE id = $1"

    /// The newest open round, when none is named.
    static let currentRound = "SELECT id FROM rounds WHERE state = 'open' ORDER BY id DESC LIMIT 1"

    static let policy = "SELECT version, policy::text AS policy FROM policies ORDER BY version DESC LIMIT 1"

    /// Second round: the placements of the previous round's published run.
    static let kept = """
        COPY (SELECT a.student_id, a.slot_id, a.choice_rank, a.reserved_seat
              FROM match_assignments a JOIN match_runs r ON r.id = a.run_id
              WHERE r.round_id = nullif(current_setting('wblmatch.previous_round_id'), '')::bigint
                AND r.state = 'published' AND a.slot_id IS NOT NULL
              ORDER BY a.student_id) TO STDOUT
        """

    static let choices = """
        COPY (SELECT student_id, slot_id FROM choices
              WHERE round_id = current_setting('wblmatch.round_id')::bigint
              ORDER BY student_id, rank) TO STDOUT
        """

    static let rankings = """
        COPY (SELECT slot_id, student_id, tier FROM rankings
              WHERE round_id = current_setting('wblmatch.round_id')::bigint
              ORDER BY slot_id, student_id) TO STDOUT
        """

    /// Students with a choice in the round or a kept placement. One `IN (… UNION …)`, not two `IN`s
    /// joined by OR: the planner turns that into a hash semi-join; the OR form scans choices per student.
    static let students = """
        COPY (SELECT s.id, s.external_id, s.school_id, s.first_name, s.last_name, s.birth_date, s.grade,
                     s.program_of_study, s.cte_concentrator, s.expected_graduation, s.transport, s.drivers_license,
                     s.home_latitude, s.home_longitude, s.availability, s.summer_availability, s.certifications,
                     s.guardian_consent_on, s.work_permit, s.student_learner_agreement, s.vocational_ag_exemption,
                     s.background_check_cleared, s.drug_screen_passed, s.us_citizen
              FROM students s
              WHERE s.id IN (SELECT student_id FROM choices WHERE round_id = current_setting('wblmatch.round_id')::bigint
                             UNION
                             SELECT a.student_id FROM match_assignments a JOIN match_runs r ON r.id = a.run_id
                             WHERE r.round_id = nullif(current_setting('wblmatch.previous_round_id'), '')::bigint
                               AND r.state = 'published' AND a.slot_id IS NOT NULL)
              ORDER BY s.id) TO STDOUT
        """

    /// Slots chosen in the round or kept from the previous one.
    static let slots = """
        COPY (SELECT sl.id, sl.external_id, sl.employer_id, sl.site_id, sl.title, sl.kind, sl.program_of_study, sl.capacity,
                     sl.reserved_seats, sl.start_date, sl.end_date, sl.schedule, sl.minimum_age, sl.hazardous_orders,
                     sl.manufacturing, sl.power_machinery, sl.mining, sl.agricultural_hazardous, sl.virtual, sl.active,
                     sl.certifications, sl.background_check, sl.drug_screen, sl.drivers_license, sl.us_citizenship,
                     sl.minimum_grade, sl.program_required
              FROM slots sl
              WHERE sl.id IN (SELECT slot_id FROM choices WHERE round_id = current_setting('wblmatch.round_id')::bigint
                              UNION
                              SELECT a.slot_id FROM match_assignments a JOIN match_runs r ON r.id = a.run_id
                              WHERE r.round_id = nullif(current_setting('wblmatch.previous_round_id'), '')::bigint
                                AND r.state = 'published' AND a.slot_id IS NOT NULL)
              ORDER BY sl.id) TO STDOUT
        """

    /// Students per school: less those in the snapshot, the students who took no part (the reports count them).
    static let studentsPerSchool = "SELECT school_id, count(*)::int AS students FROM students GROUP BY school_id"

    static let sites = "COPY (SELECT id, employer_id, name, county, latitude, longitude FROM sites ORDER BY id) TO STDOUT"

    static let employers = "COPY (SELECT id, external_id, edc_id, name FROM employers ORDER BY id) TO STDOUT"

    static let organizations = """
        COPY (SELECT id, name, latitude, longitude FROM organizations WHERE kind IN ('school', 'edc') ORDER BY id) TO STDOUT
        """

    static let busRoutes = "COPY (SELECT school_id, site_id FROM school_bus_routes ORDER BY school_id, site_id) TO STDOUT"

    /// Active referrals with their restrictions (confidential: read only by the run).
    static let referrals = """
        COPY (SELECT r.id, r.student_id, r.referred_by, r.juvenile_services_id, r.referred_on, u.name,
                     rr.curfew, coalesce(rr.caseworker_approval_required, false),
                     coalesce((SELECT array_agg(e.employer_id ORDER BY e.employer_id) FROM referral_excluded_employers e WHERE e.referral_id = r.id), '{}'),
                     coalesce((SELECT array_agg(c.county ORDER BY c.county) FROM referral_excluded_counties c WHERE c.referral_id = r.id), '{}')
              FROM referrals r
              JOIN users u ON u.id = r.referred_by
              LEFT JOIN referral_restrictions rr ON rr.referral_id = r.id
              WHERE r.active
              ORDER BY r.student_id, r.id) TO STDOUT
        """
}
