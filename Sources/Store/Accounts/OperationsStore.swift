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

    /// Counts of live sessions, active users, jobs and match runs by state, and the newest run's placements.
    public func gauges() async throws -> [Gauge] {
        try await pool.withConnection { conn in
            try await conn.query(OperationsQueries.gauges, []).map {
                Gauge(name: try $0.decode("name", as: String.self), value: try $0.decode("value", as: Int64.self))
            }
        }
    }
}

enum OperationsQueries {
    /// Live sessions, active users, jobs by state, match runs by state and the newest run's counts.
    static let gauges = """
        SELECT 'sessions_live' AS name, count(*)::int8 AS value FROM web_sessions WHERE expires_at > now()
        UNION ALL
        SELECT 'users_active', count(*)::int8 FROM users WHERE NOT disabled
        UNION ALL
        SELECT 'jobs_' || s.state, count(j.id)::int8
        FROM unnest(ARRAY['available', 'running', 'retryable', 'completed', 'discarded', 'cancelled']) AS s(state)
        LEFT JOIN jobs j ON j.state = s.state GROUP BY s.state
        UNION ALL
        SELECT 'match_runs_' || s.state, count(r.id)::int8
        FROM unnest(ARRAY['running', 'succeeded', 'failed', 'published']) AS s(state)
        LEFT JOIN match_runs r ON r.state = s.state GROUP BY s.state
        UNION ALL
        SELECT 'last_run_assigned', coalesce((SELECT assigned_count FROM match_runs WHERE state IN ('succeeded', 'published') ORDER BY id DESC LIMIT 1), 0)::int8
        UNION ALL
        SELECT 'last_run_unassigned', coalesce((SELECT unassigned_count FROM match_runs WHERE state IN ('succeeded', 'published') ORDER BY id DESC LIMIT 1), 0)::int8
        """
}
