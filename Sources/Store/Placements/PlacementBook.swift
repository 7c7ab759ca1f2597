import Database

/// Reads placements within a user's row scope: a counselor reaches her school's students'
/// placements, EDC staff the placements in their EDC's slots, coordinators all. A placement outside
/// the scope is simply not found (the pages answer 404). Transitions go through ``PlacementLifecycle``.
public struct PlacementBook: Sendable {
    let pool: DatabasePool

    /// Makes the book.
    public init(pool: DatabasePool) { self.pool = pool }

    /// The placements in `scope`, newest run first, then by student name.
    public func list(scope: RowScope, status: String? = nil, limit: Int = 500) async throws -> [PlacementRecord] {
        guard scope != .nothing else { return [] }
        return try await pool.query(PlacementBookQueries.list, [scope.schoolFilter, scope.edcFilter, Int64?.none, status, Int64(limit)]).map(Self.record)
    }

    /// The placement `id` if `scope` reaches it.
    public func find(id: Int64, scope: RowScope) async throws -> PlacementRecord? {
        guard scope != .nothing else { return nil }
        return try await pool.query(PlacementBookQueries.list, [scope.schoolFilter, scope.edcFilter, id, String?.none, Int64(1)]).first.map(Self.record)
    }

    /// The hours logged on placement `id`, oldest first.
    public func hours(placementID id: Int64) async throws -> [PlacementHoursEntry] {
        try await pool.query(PlacementBookQueries.hours, [id]).map {
            PlacementHoursEntry(workedOn: try $0.decode("worked_on"), minutes: try $0.decode("minutes"), loggedBy: try $0.decode("logged_by"))
        }
    }

    static func record(_ row: Row) throws -> PlacementRecord {
        PlacementRecord(
            id: try row.decode("id"), runID: try row.decode("run_id"), studentID: try row.decode("student_id"),
            studentName: try row.decode("student_name"), schoolName: try row.decode("school"), slotID: try row.decode("slot_id"),
            slotTitle: try row.decode("title"), employerName: try row.decode("employer"), status: try row.decode("status"),
            acceptedOn: try row.decode("accepted_on"), startedOn: try row.decode("started_on"), completedOn: try row.decode("completed_on"),
            withdrawnOn: try row.decode("withdrawn_on"), withdrawnReason: try row.decode("withdrawn_reason"), minutes: try row.decode("minutes"))
    }
}

/// SQL of ``PlacementBook``: $1 school filter, $2 EDC filter, $3 one placement, $4 status, $5 limit.
enum PlacementBookQueries {
    static let list = """
        SELECT p.id, p.run_id, p.student_id, s.first_name || ' ' || s.last_name AS student_name, sc.name AS school,
               p.slot_id, sl.title, e.name AS employer, p.status, p.accepted_on::text AS accepted_on,
               p.started_on::text AS started_on, p.completed_on::text AS completed_on, p.withdrawn_on::text AS withdrawn_on,
               p.withdrawn_reason,
               coalesce((SELECT sum(h.minutes) FROM placement_hours h WHERE h.placement_id = p.id), 0)::int AS minutes
        FROM placements p
        JOIN students s ON s.id = p.student_id
        JOIN organizations sc ON sc.id = s.school_id
        JOIN slots sl ON sl.id = p.slot_id
        JOIN employers e ON e.id = sl.employer_id
        WHERE ($1::bigint IS NULL OR s.school_id = $1)
          AND ($2::bigint IS NULL OR sl.edc_id = $2)
          AND ($3::bigint IS NULL OR p.id = $3)
          AND ($4::text IS NULL OR p.status = $4)
        ORDER BY p.run_id DESC, s.last_name, s.first_name, p.id
        LIMIT $5
        """
    static let hours = """
        SELECT h.worked_on::text AS worked_on, h.minutes, coalesce(u.email, '') AS logged_by
        FROM placement_hours h LEFT JOIN users u ON u.id = h.logged_by
        WHERE h.placement_id = $1 ORDER BY h.worked_on, h.id
        """
}
