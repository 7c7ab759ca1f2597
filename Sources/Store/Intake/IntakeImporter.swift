import Database
import Intake

/// Applies a validated ``IntakeBatch`` (or a ``CSVTable`` it checks itself) to the database for an
/// ``ActingUser``: all rows or none, in one transaction.
///
/// Each kind's import (``StudentImport``, ``ChoiceImport``, …) checks references and the user's
/// scope, every problem reported with its line, and upserts by external id per source
/// organization. A row equal to what is stored is not written at all, so re-importing a file
/// changes nothing. Large first imports are bulk loads (``Connection/withBulkLoad(table:rows:_:)``).
///
/// ```swift
/// let table = try CSVReader().read(bytes, fileName: "students.csv")
/// let user = try await UserRepository(pool: pool).actingUser(email: "counselor@clovis-hs.example.org")
/// let counts = try await IntakeImporter(pool: pool).run(table, kind: .students, as: user)
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
        return try await inTransaction(as: user, options: options) { conn in
            try await apply(ImportContext(conn: conn, user: user, batch: batch, options: options))
        }
    }

    /// Checks and imports `table` as `kind` (``IntakeValidator``, then ``run(_:as:options:)``),
    /// all or nothing. A large students file is checked while its first rows are already being
    /// written (``StudentImport``): a wrong row anywhere still changes nothing.
    public func run(_ table: CSVTable, kind: IntakeKind, validator: IntakeValidator = IntakeValidator(),
                    as user: ActingUser, options: ImportOptions = ImportOptions()) async throws -> ImportCounts {
        let checker = try validator.rowChecker(for: table, kind: kind)
        guard kind == .students, table.rows.count >= Self.rowsWorthOverlapping else {
            return try await run(try checker.checkAll(), as: user, options: options)
        }
        try ImportScope.check(kind, user: user, file: table.fileName)
        return try await inTransaction(as: user, options: options) { conn in
            let counts = try await StudentImport.run(conn, user: user, options: options, rows: checker)
            try await finish(conn, kind: kind, fileName: table.fileName, rows: table.rows.count, counts: counts, as: user, options: options)
            return counts
        }
    }

    /// Files of fewer rows are checked whole before they are written: too few parts to overlap.
    /// (Only students overlap: checking a file uses every core, and what a choices file needs
    /// before it can be written, the references, needs a core too, so overlapping the two gained
    /// nothing measurable.)
    static let rowsWorthOverlapping = 2 * StudentImport.rowsPerPart

    /// Runs `body` in the import's audited transaction, with its settings; a dry run's counts come
    /// back from the rollback.
    private func inTransaction(as user: ActingUser, options: ImportOptions,
                               _ body: @escaping (Connection) async throws -> ImportCounts) async throws -> ImportCounts {
        do {
            return try await pool.withAuditedTransaction(as: AuditActor(user)) { conn in
                try await conn.execute(ImportQueries.workMem)
                try await conn.execute(ImportQueries.statisticsSample)
                return try await body(conn)
            }
        } catch let dryRun as DryRunRollback {
            return dryRun.counts
        }
    }

    /// Writes the batch of `context` by its kind's import, then ``finish``.
    private func apply(_ context: ImportContext) async throws -> ImportCounts {
        let counts: ImportCounts
        switch context.batch.kind {
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
        if context.user.isBootstrap && context.batch.kind == .users {
            try await context.check(ImportQueries.bootstrapCoordinator)
        }
        try await finish(context.conn, kind: context.batch.kind, fileName: context.batch.fileName, rows: context.batch.rows.count,
                         counts: counts, as: context.user, options: context.options)
        return counts
    }

    /// Rolls a dry run back (throwing its counts), or records the import in the audit log.
    private func finish(_ conn: Connection, kind: IntakeKind, fileName: String, rows: Int, counts: ImportCounts,
                        as user: ActingUser, options: ImportOptions) async throws {
        if options.dryRun { throw DryRunRollback(counts: counts) }
        try await conn.execute(ImportQueries.audit, [
            user.isBootstrap ? nil : user.id, user.email, kind.rawValue, fileName, rows,
            counts.created, counts.updated, counts.unchanged,
        ])
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
