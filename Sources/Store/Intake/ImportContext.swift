import Database
import Intake

/// What one kind's import works with: the transaction's connection, the user, the rows.
struct ImportContext {
    let conn: Connection
    let user: ActingUser
    let batch: IntakeBatch
    let options: ImportOptions

    /// Copies the batch into the staging table of `copyStatement` (`COPY stage_x FROM STDIN`): each
    /// row's line number first, then its normalized values.
    func copyRows(_ copyStatement: String) async throws {
        try await copyRows(copyStatement) { _, row, buffer in Self.appendStaged(row, to: &buffer) }
    }

    /// A row as the staging tables take it: its line number, then its normalized values.
    static func appendStaged(_ row: IntakeRow, to buffer: inout CopyTextBuffer) {
        buffer.append(row.line)
        for value in row.values { buffer.append(value) }
    }

    /// Streams the batch into `copyStatement`, each row's fields appended by `format` (given the
    /// row's index in the batch and the row).
    func copyRows(_ copyStatement: String, _ format: (Int, IntakeRow, inout CopyTextBuffer) -> Void) async throws {
        let rows = batch.rows
        try await conn.copyIn(copyStatement) { writer in
            var buffer = CopyTextBuffer(capacity: 300 * 1024)
            for (index, row) in rows.enumerated() {
                format(index, row, &buffer)
                buffer.endRow()
                if buffer.count >= 256 * 1024 {
                    try await writer.write(buffer.bytes)
                    buffer.removeAll()
                }
            }
            if buffer.count > 0 { try await writer.write(buffer.bytes) }
        }
    }

    /// Runs a check query returning `line`, `col`, `message` rows; throws them as problems.
    func check(_ sql: String, _ binds: [any SQLEncodable] = []) async throws {
        let rows = try await conn.query(sql, binds)
        if rows.isEmpty { return }
        var problems: [IntakeProblem] = []
        for row in rows {
            problems.append(IntakeProblem(file: batch.fileName, line: try row.decode("line"),
                                          column: try row.decode("col"), message: try row.decode("message")))
        }
        throw IntakeProblems(problems)
    }

    /// Runs an upsert returning one row of `created` and `updated` counts.
    func upsert(_ sql: String, _ binds: [any SQLEncodable] = [], total: Int? = nil) async throws -> ImportCounts {
        let rows = try await conn.query(sql, binds)
        let created: Int = try rows.first?.decode("created") ?? 0
        let updated: Int = try rows.first?.decode("updated") ?? 0
        return ImportCounts(created: created, updated: updated, unchanged: (total ?? batch.rows.count) - created - updated)
    }

    /// The user's organization code when their role limits them to it (`role`), else NULL.
    func scope(whenRole role: String) -> String? {
        user.scope(whenRole: role)
    }

    /// The round of choices and rankings: `--round`, or the latest open round.
    func round() async throws -> (id: Int, maxChoices: Int) {
        let rows = try await conn.query(ImportQueries.round, [options.round])
        guard let row = rows.first else {
            let message = options.round.map { "there is no round named \"\($0)\"" }
                ?? "there is no open round (a coordinator creates one with `wblmatch import rounds`)"
            throw IntakeProblems([IntakeProblem(file: batch.fileName, line: 0, message: message)])
        }
        if try row.decode("state", as: String.self) != "open" {
            throw IntakeProblems([IntakeProblem(file: batch.fileName, line: 0,
                message: "the round \"\(try row.decode("name", as: String.self))\" is final: its choices and rankings can no longer change")])
        }
        return (try row.decode("id"), try row.decode("max_choices"))
    }
}

extension ActingUser {
    /// The user's organization code when their role limits them to it (`role`), else NULL.
    func scope(whenRole role: String) -> String? {
        self.role == role ? organizationCode : nil
    }
}
