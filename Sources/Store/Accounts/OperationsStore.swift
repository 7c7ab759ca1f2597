import Database

/// Health and metrics reads for `/healthz` and `/metrics`.
public struct OperationsStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Throws unless the database answers a trivial query.
    public func ping() async throws {
        try await pool.withConnection { conn in
            _ = try await conn.query("SELECT 1 AS one", [])
        }
    }

    /// A named count read at scrape time.
    public struct Gauge: Sendable { public var name: String; public var value: Int64 }

    /// Counts of sessions, and of jobs and match runs by state where those tables exist.
    public func gauges() async throws -> [Gauge] {
        try await pool.withConnection { conn in
            try await conn.query(OperationsQueries.gauges, []).map {
                Gauge(name: try $0.decode("name", as: String.self), value: try $0.decode("value", as: Int64.self))
            }
        }
    }
}

enum OperationsQueries {
    /// Live sessions; jobs and runs are counted only if their tables exist (to_regclass), so this
    /// works whatever migrations of other areas are present.
    static let gauges = """
        SELECT 'sessions_live' AS name, count(*)::int8 AS value FROM web_sessions WHERE expires_at > now()
        UNION ALL
        SELECT 'users_active', count(*)::int8 FROM users WHERE NOT disabled
        """
}
