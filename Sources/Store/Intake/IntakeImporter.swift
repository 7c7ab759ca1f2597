import Database
import Intake

/// Applies a validated ``IntakeBatch`` to the database for an ``ActingUser``: all rows or none.
///
/// The rows are copied into a temporary staging table, references and the user's scope are
/// checked set-based in SQL (every problem reported with its line), and then upserted by external
/// id per source organization with `INSERT … ON CONFLICT`, in one transaction. A row equal to what
/// is stored is not written at all, so re-importing a file changes nothing.
///
/// ```swift
/// let batch = try IntakeValidator().validate(csv: bytes, fileName: "students.csv", kind: .students)
/// let user = try await UserRepository(pool: pool).actingUser(email: "counselor@clovis-hs.example.org")
/// let counts = try await IntakeImporter(pool: pool).run(batch, as: user)
/// ```
public struct IntakeImporter: Sendable {
    let pool: DatabasePool

    /// An importer over `pool`.
    public init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Imports `batch`; throws ``IntakeProblems`` (nothing changed) when any row is wrong or out of
    /// the user's scope.
    public func run(_ batch: IntakeBatch, as user: ActingUser, options: ImportOptions = ImportOptions()) async throws -> ImportCounts {
        try ImportScope.check(batch.kind, user: user, file: batch.fileName)
        do {
            return try await pool.withAuditedTransaction(as: AuditActor(user)) { conn in
                try await conn.execute(ImportQueries.workMem)
                try await conn.execute(ImportQueries.statisticsSample)
                let context = ImportContext(conn: conn, user: user, batch: batch, options: options)
                let counts: ImportCounts
                switch batch.kind {
                case .organizations: counts = try await OrganizationImport.run(context)
                case .users: counts = try await UserImport.run(context)
                case .rounds: counts = try await RoundImport.run(context)
                case .employers: counts = try await EmployerImport.run(context)
                case .slots: counts = try await SlotImport.run(context)
                case .students: counts = try await StudentImport.run(context)
                case .choices: counts = try await ChoiceImport.run(context)
                case .referrals: counts = try await ReferralImport.run(context)
                case .rankings: counts = try await RankingImport.run(context)
                }
                if options.dryRun { throw DryRunRollback(counts: counts) }
                if user.isBootstrap && batch.kind == .users {
                    try await context.check(ImportQueries.bootstrapCoordinator)
                }
                try await conn.execute(ImportQueries.audit, [
                    user.isBootstrap ? nil : user.id, user.email, batch.kind.rawValue, batch.fileName, batch.rows.count,
                    counts.created, counts.updated, counts.unchanged,
                ])
                return counts
            }
        } catch let dryRun as DryRunRollback {
            return dryRun.counts
        }
    }
}

/// Thrown to roll a dry run back after counting.
struct DryRunRollback: Error {
    var counts: ImportCounts
}

/// SQL shared by every kind.
enum ImportQueries {
    /// Memory for the import's hash joins and aggregates over the staging tables (1,000,000 rows
    /// would spill to disk at the default 4MB), for this transaction only.
    static let workMem = "SET LOCAL work_mem = '64MB'"

    /// A smaller sample for the staging tables' `ANALYZE` (3,000 rows instead of 30,000): the plans
    /// need only their sizes and rough counts of distinct values, and the full sample took about
    /// 0.25 s per 1,000,000-row table. For this transaction only.
    static let statisticsSample = "SET LOCAL default_statistics_target = 10"

    /// Records an import in the audit log.
    static let audit = """
        INSERT INTO audit_log (actor_user_id, actor, action, entity, detail)
        VALUES ($1, $2, 'import', $3, jsonb_build_object('file', $4::text, 'rows', $5::int,
                'created', $6::int, 'updated', $7::int, 'unchanged', $8::int))
        """

    /// After a bootstrap import of users: at least one enabled coordinator must exist.
    static let bootstrapCoordinator = """
        SELECT 0 AS line, 'role' AS col, 'the first users file must create at least one enabled coordinator' AS message
        WHERE NOT EXISTS (SELECT 1 FROM users WHERE role = 'coordinator' AND NOT disabled)
        """

    /// The round named $1, or (when $1 is NULL) the most recently created open round. Locked until
    /// the import commits: a final run's publication (which freezes the round) and a new max_choices
    /// wait for it, since the choices import checks both itself (sql/0052).
    static let round = """
        SELECT id, name, max_choices, state FROM rounds
        WHERE ($1::text IS NULL AND state = 'open') OR name = $1
        ORDER BY created_at DESC, id DESC LIMIT 1
        FOR SHARE
        """
}
