import Database
import Intake

/// Users and the organizations they belong to.
public struct UserRepository: Sendable {
    let pool: DatabasePool

    /// A repository over `pool`.
    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// The acting user for a first import into a database without users (organizations, then users
    /// with at least one coordinator); a problem once any user exists.
    public func bootstrapUser(kind: IntakeKind) async throws -> ActingUser {
        guard kind == .organizations || kind == .users else {
            throw IntakeProblems([IntakeProblem(file: "--bootstrap", line: 0, message: "only organizations and users can be bootstrapped")])
        }
        let count: Int = try await pool.query(UserQueries.count).first?.decode("count") ?? 0
        guard count == 0 else {
            throw IntakeProblems([IntakeProblem(file: "--bootstrap", line: 0,
                message: "the database already has \(count) users: import as one of its coordinators with --as EMAIL")])
        }
        return .bootstrap
    }

    /// The enabled user with `email` (any case), or a problem saying why there is none.
    public func actingUser(email: String) async throws -> ActingUser {
        let rows = try await pool.query(UserQueries.actingUser, [email])
        guard let row = rows.first else {
            throw IntakeProblems([IntakeProblem(file: "--as", line: 0, message: "no user has the email \(email) (a coordinator adds users with `wblmatch import users`)")])
        }
        if try row.decode("disabled", as: Bool.self) {
            throw IntakeProblems([IntakeProblem(file: "--as", line: 0, message: "the user \(email) is disabled")])
        }
        return ActingUser(
            id: try row.decode("id"), email: try row.decode("email"), role: try row.decode("role"),
            organizationID: try row.decode("organization_id"), organizationCode: try row.decode("organization_code"),
            organizationKind: try row.decode("organization_kind"), canViewJuvenile: try row.decode("can_view_juvenile"))
    }
}

/// SQL of ``UserRepository``.
enum UserQueries {
    /// How many users exist.
    static let count = "SELECT count(*)::int AS count FROM users"

    /// The user with email $1 (case-insensitive) and their organization.
    static let actingUser = """
        SELECT u.id, u.email, u.role, u.organization_id, u.can_view_juvenile, u.disabled,
               o.code AS organization_code, o.kind AS organization_kind
        FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE lower(u.email) = lower($1)
        """
}
