extension Connection {
    /// A stable 64-bit lock key for a name (FNV-1a), so components agree on keys without a registry:
    /// `Connection.advisoryLockKey("wblmatch.migrate")`.
    public static func advisoryLockKey(_ name: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// Holds the session-level advisory lock `key` while `body` runs (waiting for it if another session holds it).
    @discardableResult
    public func withAdvisoryLock<T>(
        key: Int64, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        try await execute("SELECT pg_advisory_lock($1)", [key])
        do {
            let value = try await body()
            try await advisoryUnlock(key: key)
            return value
        } catch {
            if isConnected { _ = try? await advisoryUnlock(key: key) }
            throw error
        }
    }

    /// Takes the session-level advisory lock `key` if it is free; true when taken.
    public func tryAdvisoryLock(key: Int64) async throws -> Bool {
        let rows = try await query("SELECT pg_try_advisory_lock($1) AS locked", [key])
        return try rows[0].decode("locked", as: Bool.self)
    }

    /// Releases a session-level advisory lock taken by this connection; false when it did not hold it.
    @discardableResult
    public func advisoryUnlock(key: Int64) async throws -> Bool {
        let rows = try await query("SELECT pg_advisory_unlock($1) AS unlocked", [key])
        return try rows[0].decode("unlocked", as: Bool.self)
    }
}
