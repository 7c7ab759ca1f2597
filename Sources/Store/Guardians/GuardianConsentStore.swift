import Database
import Foundation

/// Guardian consent by emailed link: a counselor creates a request (a single-use token that
/// expires), the guardian opens the page with no account, and consents or declines. Consent sets
/// `students.guardian_consent_on`, which is what the guardian-consent eligibility rule reads.
///
/// ```swift
/// let store = GuardianConsentStore(pool: pool)
/// let invitation = try await store.request(studentID: 42, scope: .school(7), by: AuditActor(user))
/// // email https://…/guardian/consent/\(invitation!.token) to invitation!.guardianEmail
/// let result = try await store.answer(token: token, decision: .consented, signerName: "Rosa Peña")
/// ```
public struct GuardianConsentStore: Sendable {
    let pool: DatabasePool
    /// The consortium's time zone: the date a guardian signs is the local date.
    let timeZone: String

    /// Default lifetime of a link.
    public static let defaultLifetime: TimeInterval = 14 * 24 * 3600

    /// Makes the store.
    public init(pool: DatabasePool, timeZone: String = "America/Denver") {
        self.pool = pool
        self.timeZone = timeZone
    }

    /// Creates a request for the student, or nil when she is outside `scope` or has no guardian email.
    public func request(studentID: Int64, scope: RowScope, by actor: AuditActor,
                        lifetime: TimeInterval = defaultLifetime) async throws -> ConsentInvitation? {
        try await pool.withTransaction { conn in
            try await request(studentID: studentID, scope: scope, by: actor, lifetime: lifetime, on: conn)
        }
    }

    /// ``request(studentID:scope:by:lifetime:)`` inside the caller's transaction (so the email can
    /// be queued in the same one).
    public func request(studentID: Int64, scope: RowScope, by actor: AuditActor,
                        lifetime: TimeInterval = defaultLifetime, on conn: Connection) async throws -> ConsentInvitation? {
        guard scope.reachesStudents, lifetime > 0 else { return nil }
        try await actor.stamp(on: conn)
        let token = Self.newToken()
        guard let row = try await conn.query(GuardianQueries.insert, [studentID, token, actor.userID, lifetime, scope.schoolFilter]).first else {
            return nil
        }
        return ConsentInvitation(
            requestID: try row.decode("id"), studentID: try row.decode("student_id"), token: token,
            guardianEmail: try row.decode("guardian_email"), guardianName: try row.decode("guardian_name"),
            language: try row.decode("language"), studentName: try row.decode("student_name"), expiresAt: try row.decode("expires_at"))
    }

    /// What the link with `token` shows. Only the request's own student is read.
    public func open(token: String) async throws -> ConsentLink {
        guard Self.isWellFormed(token) else { return .unknown }
        return try await pool.withTransaction(.repeatableRead, readOnly: true) { conn in
            guard let row = try await conn.query(GuardianQueries.byToken, [token]).first else { return .unknown }
            let language: String = try row.decode("language")
            if try row.decode("answered", as: Bool.self) { return .used(language: language) }
            if try row.decode("expired", as: Bool.self) { return .expired(language: language) }
            let studentID: Int64 = try row.decode("student_id")
            let choices = try await conn.query(GuardianQueries.choices, [studentID]).map { c in
                GuardianChoice(rank: try c.decode("rank"), title: try c.decode("title"), employer: try c.decode("employer"),
                               kind: try c.decode("kind"), virtual: try c.decode("virtual"), schedule: try c.decode("schedule"),
                               startDate: try c.decode("start_date"), endDate: try c.decode("end_date"),
                               site: try c.decode("site"), address: try c.decode("address"), county: try c.decode("county"))
            }
            return .open(ConsentPage(requestID: try row.decode("id"), language: language,
                                     studentFirstName: try row.decode("first_name"), studentLastName: try row.decode("last_name"),
                                     guardianName: try row.decode("guardian_name"), transport: try row.decode("transport"),
                                     choices: choices))
        }
    }

    /// Records the guardian's answer and spends the link: consent sets the student's
    /// `guardian_consent_on` to today's date, a decline clears it. A blank `signerName` records nothing.
    public func answer(token: String, decision: ConsentDecision, signerName: String) async throws -> ConsentAnswerResult {
        let signer = signerName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !signer.isEmpty else { return .nameMissing }
        guard Self.isWellFormed(token) else { return .unknown }
        return try await pool.withTransaction { conn in
            guard let row = try await conn.query(GuardianQueries.lockByToken, [token]).first else { return .unknown }
            if try row.decode("answered", as: Bool.self) { return .alreadyUsed }
            if try row.decode("expired", as: Bool.self) { return .expired }
            let requestID: Int64 = try row.decode("id")
            try await AuditActor(userID: nil, name: "guardian:\(requestID)").stamp(on: conn)
            guard let spent = try await conn.query(GuardianQueries.answer, [requestID, decision.rawValue, signer, timeZone]).first else {
                return .alreadyUsed
            }
            let signedOn: String = try spent.decode("signed_on")
            try await conn.execute(GuardianQueries.setConsent, [try spent.decode("student_id", as: Int64.self),
                                                                decision == .consented ? signedOn : nil])
            return .recorded(decision, signedOn: signedOn)
        }
    }

    /// The student's requests, newest first (empty outside `scope`).
    public func requests(studentID: Int64, scope: RowScope) async throws -> [ConsentRequestStatus] {
        guard scope.reachesStudents else { return [] }
        return try await pool.query(GuardianQueries.history, [studentID, scope.schoolFilter]).map { row in
            let decision: String? = try row.decode("decision")
            let expired: Bool = try row.decode("expired")
            let state: ConsentRequestStatus.State = switch decision {
            case "consented": .consented
            case "declined": .declined
            default: expired ? .expired : .pending
            }
            return ConsentRequestStatus(id: try row.decode("id"), guardianEmail: try row.decode("guardian_email"),
                                        language: try row.decode("language"), requestedAt: try row.decode("requested_at"),
                                        expiresAt: try row.decode("expires_at"), state: state,
                                        signerName: try row.decode("signer_name"), signedOn: try row.decode("signed_on"))
        }
    }

    /// 32 random bytes as 64 lowercase hex digits.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var out = ""
        for _ in 0..<32 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return out
    }

    /// A token is 64 lowercase hex digits; anything else is not looked up.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
