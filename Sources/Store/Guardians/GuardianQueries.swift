/// SQL of guardian consent requests (sql/0031). A token travels only as the parameter of
/// `sha256(...)`: the table holds the digest, never the token.
enum GuardianQueries {
    /// Creates a request for student $1 (within school $5 when not NULL) with token $2, by user $3,
    /// valid for $4 seconds. No row when the student is out of scope or has no guardian email.
    static let insert = """
        INSERT INTO guardian_consent_requests (student_id, token_hash, guardian_email, language, requested_by, expires_at)
        SELECT s.id, sha256(convert_to($2::text, 'UTF8')), s.guardian_email, s.guardian_language, $3, now() + make_interval(secs => $4::double precision)
        FROM students s
        WHERE s.id = $1 AND ($5::bigint IS NULL OR s.school_id = $5) AND s.guardian_email <> ''
        RETURNING id, student_id, guardian_email, language, expires_at,
                  (SELECT guardian_name FROM students WHERE id = $1) AS guardian_name,
                  (SELECT first_name || ' ' || last_name FROM students WHERE id = $1) AS student_name
        """

    /// The request of token $1, locked for the answer.
    static let byToken = """
        SELECT r.id, r.student_id, r.language, r.decision, r.answered_at IS NOT NULL AS answered, r.expires_at <= now() AS expired,
               s.first_name, s.last_name, s.guardian_name, s.transport
        FROM guardian_consent_requests r JOIN students s ON s.id = r.student_id
        WHERE r.token_hash = sha256(convert_to($1::text, 'UTF8'))
        """
    static let lockByToken = byToken + " FOR UPDATE OF r"

    /// The choices of student $1 in the newest round where she has any: what the guardian consents to.
    static let choices = """
        SELECT c.rank, sl.title, e.name AS employer, sl.kind, sl.virtual, sl.schedule,
               sl.start_date::text AS start_date, sl.end_date::text AS end_date,
               coalesce(si.name, '') AS site, coalesce(si.address, '') AS address, coalesce(si.county, '') AS county
        FROM choices c
        JOIN slots sl ON sl.id = c.slot_id
        JOIN employers e ON e.id = sl.employer_id
        LEFT JOIN sites si ON si.id = sl.site_id
        WHERE c.student_id = $1 AND c.round_id = (SELECT max(round_id) FROM choices WHERE student_id = $1)
        ORDER BY c.rank
        """

    /// Spends request $1: decision $2 by signer $3 on the consortium's date in zone $4.
    static let answer = """
        UPDATE guardian_consent_requests
        SET answered_at = now(), decision = $2, signer_name = $3, signed_on = (now() AT TIME ZONE $4::text)::date
        WHERE id = $1 AND answered_at IS NULL AND expires_at > now()
        RETURNING student_id, signed_on::text AS signed_on
        """

    /// Consent satisfies the eligibility rule (students.guardian_consent_on); a decline withdraws it.
    static let setConsent = "UPDATE students SET guardian_consent_on = $2::date, updated_at = now() WHERE id = $1"

    /// Requests of student $1 (within school $2 when not NULL), newest first, for the counselor.
    static let history = """
        SELECT r.id, r.guardian_email, r.language, r.requested_at, r.expires_at, r.decision, r.signer_name,
               r.signed_on::text AS signed_on, r.expires_at <= now() AS expired
        FROM guardian_consent_requests r JOIN students s ON s.id = r.student_id
        WHERE r.student_id = $1 AND ($2::bigint IS NULL OR s.school_id = $2)
        ORDER BY r.requested_at DESC, r.id DESC
        """
}
