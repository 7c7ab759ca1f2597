import Database

/// A student as the list pages show one.
public struct StudentSummary: Sendable, Equatable {
    public var id: Int64
    public var externalID: String
    public var firstName: String
    public var lastName: String
    public var grade: Int
    public var programOfStudy: String?
    public var schoolName: String
    public var hasConsent: Bool
    /// Choices in the open round.
    public var choiceCount: Int
}

/// The facts a counselor edits on a student's page (dates as `YYYY-MM-DD` text).
public struct StudentFacts: Sendable, Equatable {
    public var grade: Int
    public var programOfStudy: String?
    public var transport: String
    public var driversLicense: Bool
    public var guardianConsentOn: String?
    public var workPermit: Bool
    public var studentLearnerAgreement: Bool
    public var vocationalAgExemption: Bool
    public var availability: String
    public var certifications: [String]
    public var guardianName: String
    public var guardianEmail: String
    public var guardianLanguage: String

    public init(grade: Int, programOfStudy: String?, transport: String, driversLicense: Bool, guardianConsentOn: String?,
                workPermit: Bool, studentLearnerAgreement: Bool, vocationalAgExemption: Bool, availability: String,
                certifications: [String], guardianName: String, guardianEmail: String, guardianLanguage: String) {
        self.grade = grade
        self.programOfStudy = programOfStudy
        self.transport = transport
        self.driversLicense = driversLicense
        self.guardianConsentOn = guardianConsentOn
        self.workPermit = workPermit
        self.studentLearnerAgreement = studentLearnerAgreement
        self.vocationalAgExemption = vocationalAgExemption
        self.availability = availability
        self.certifications = certifications
        self.guardianName = guardianName
        self.guardianEmail = guardianEmail
        self.guardianLanguage = guardianLanguage
    }
}

/// One student with the facts the pages show and edit.
public struct StudentRecord: Sendable, Equatable {
    public var summary: StudentSummary
    public var schoolID: Int64
    public var birthDate: String
    public var facts: StudentFacts
}

/// Students for the counselor and coordinator pages, always within a ``RowScope``.
public struct StudentDirectory: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Students in `scope` whose name or student number contains `search`, by last name.
    public func list(scope: RowScope, search: String = "", limit: Int = 200) async throws -> [StudentSummary] {
        guard scope.reachesStudents else { return [] }
        return try await pool.withConnection { conn in
            try await conn.query(StudentQueries.list, [scope.schoolFilter, likePattern(search), Int64(limit)]).map(Self.summary)
        }
    }

    /// The student `id` if it is in `scope`, else nil (the caller answers 404).
    public func find(id: Int64, scope: RowScope) async throws -> StudentRecord? {
        guard scope.reachesStudents else { return nil }
        return try await pool.withConnection { conn in
            try await conn.query(StudentQueries.find, [id, scope.schoolFilter]).first.map(Self.record)
        }
    }

    /// Saves `facts` for student `id` in `scope`; false when the student is not in scope.
    public func update(id: Int64, scope: RowScope, facts: StudentFacts) async throws -> Bool {
        guard scope.reachesStudents else { return false }
        return try await pool.withAuditedTransaction { conn in
            return try await conn.execute(StudentQueries.update, [
                id, scope.schoolFilter, Int64(facts.grade), facts.programOfStudy, facts.transport, facts.driversLicense,
                facts.guardianConsentOn, facts.workPermit, facts.studentLearnerAgreement, facts.vocationalAgExemption,
                facts.availability, facts.certifications, facts.guardianName, facts.guardianEmail, facts.guardianLanguage,
            ]) > 0
        }
    }

    /// A student record from a row with the columns of ``StudentQueries/recordColumns``.
    static func record(_ row: Row) throws -> StudentRecord {
        StudentRecord(
            summary: try Self.summary(row),
            schoolID: try row.decode("school_id", as: Int64.self),
            birthDate: try row.decode("birth_date", as: String.self),
            facts: StudentFacts(
                grade: try row.decode("grade", as: Int.self),
                programOfStudy: try row.decode("program_of_study", as: String?.self),
                transport: try row.decode("transport", as: String.self),
                driversLicense: try row.decode("drivers_license", as: Bool.self),
                guardianConsentOn: try row.decode("guardian_consent_on", as: String?.self),
                workPermit: try row.decode("work_permit", as: Bool.self),
                studentLearnerAgreement: try row.decode("student_learner_agreement", as: Bool.self),
                vocationalAgExemption: try row.decode("vocational_ag_exemption", as: Bool.self),
                availability: try row.decode("availability", as: String.self),
                certifications: try row.decode("certifications", as: [String].self),
                guardianName: try row.decode("guardian_name", as: String.self),
                guardianEmail: try row.decode("guardian_email", as: String.self),
                guardianLanguage: try row.decode("guardian_language", as: String.self)
            )
        )
    }

    static func summary(_ row: Row) throws -> StudentSummary {
        StudentSummary(
            id: try row.decode("id", as: Int64.self),
            externalID: try row.decode("external_id", as: String.self),
            firstName: try row.decode("first_name", as: String.self),
            lastName: try row.decode("last_name", as: String.self),
            grade: try row.decode("grade", as: Int.self),
            programOfStudy: try row.decode("program_of_study", as: String?.self),
            schoolName: try row.decode("school_name", as: String.self),
            hasConsent: try row.decode("has_consent", as: Bool.self),
            choiceCount: Int(try row.decode("choice_count", as: Int64.self))
        )
    }
}

/// The SQL of ``StudentDirectory``. `$2` is the school filter (NULL = every school).
enum StudentQueries {
    static let summaryColumns = """
        s.id, s.external_id, s.first_name, s.last_name, s.grade, s.program_of_study, o.name AS school_name,
        (s.guardian_consent_on IS NOT NULL) AS has_consent,
        (SELECT count(*) FROM choices c
          WHERE c.student_id = s.id
            AND c.round_id = (SELECT id FROM rounds WHERE state = 'open' ORDER BY id DESC LIMIT 1))::int8 AS choice_count
        """

    /// Students of school $1 (NULL: all) matching $2 (a LIKE-escaped fragment), at most $3.
    static let list = """
        SELECT \(summaryColumns)
        FROM students s JOIN organizations o ON o.id = s.school_id
        WHERE ($1::bigint IS NULL OR s.school_id = $1)
          AND ($2 = '' OR (s.first_name || ' ' || s.last_name) ILIKE '%' || $2 || '%'
               OR s.external_id ILIKE '%' || $2 || '%')
        ORDER BY lower(s.last_name), lower(s.first_name), s.id
        LIMIT $3
        """

    /// The columns of a ``StudentRecord`` (students `s` joined to their school `o`).
    static let recordColumns = """
        \(summaryColumns), s.school_id, s.birth_date::text AS birth_date, s.transport, s.drivers_license,
               s.guardian_consent_on::text AS guardian_consent_on, s.work_permit, s.student_learner_agreement,
               s.vocational_ag_exemption, s.availability, s.certifications, s.guardian_name, s.guardian_email,
               s.guardian_language
        """

    /// Student $1 if in school $2 (NULL: any).
    static let find = """
        SELECT \(recordColumns)
        FROM students s JOIN organizations o ON o.id = s.school_id
        WHERE s.id = $1 AND ($2::bigint IS NULL OR s.school_id = $2)
        """

    /// Saves the editable facts of student $1 if in school $2 (NULL: any).
    static let update = """
        UPDATE students SET grade = $3, program_of_study = $4, transport = $5, drivers_license = $6,
            guardian_consent_on = $7::date, work_permit = $8, student_learner_agreement = $9,
            vocational_ag_exemption = $10, availability = $11, certifications = $12, guardian_name = $13,
            guardian_email = $14, guardian_language = $15, updated_at = now()
        WHERE id = $1 AND ($2::bigint IS NULL OR school_id = $2)
        """
}
