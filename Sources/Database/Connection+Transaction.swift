import CLibPQ

extension Connection {
    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws.
    /// Inside another transaction it becomes a SAVEPOINT (so helpers compose).
    /// ```swift
    /// try await conn.withTransaction(.repeatableRead) { conn in
    ///     let snapshot = try await conn.query(SnapshotQueries.students, [roundID])
    ///     ...
    /// }
    /// ```
    @discardableResult
    public func withTransaction<T>(
        _ level: IsolationLevel = .readCommitted, readOnly: Bool = false,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Connection) async throws -> T
    ) async throws -> T {
        if isInTransaction {
            // Names come from a counter, not from input.
            let name = "wblmatch_savepoint_\(SavepointCounter.next())"
            try await executeScript("SAVEPOINT \(name)")
            do {
                let value = try await body(self)
                try await executeScript("RELEASE SAVEPOINT \(name)")
                return value
            } catch {
                if isConnected { try? await executeScript("ROLLBACK TO SAVEPOINT \(name)") }
                throw error
            }
        }
        try await executeScript(readOnly ? level.beginStatement + " READ ONLY" : level.beginStatement)
        do {
            let value = try await body(self)
            if failedTransaction {
                // COMMIT of a failed transaction "succeeds" as a ROLLBACK: say so instead of losing writes quietly.
                throw DatabaseError(kind: .usage, message: "a statement in the transaction failed and its error was caught; the transaction was rolled back")
            }
            try await executeScript("COMMIT")
            return value
        } catch {
            if isConnected && isInTransaction { try? await executeScript("ROLLBACK") }
            throw error
        }
    }

    var failedTransaction: Bool { handle.transactionStatus == PQTRANS_INERROR }
}

/// Distinct savepoint names across nested transactions.
enum SavepointCounter {
    private static let value = Locked(0)
    static func next() -> Int { value.withLock { $0 += 1; return $0 } }
}
