import Database

/// A slot as lists and the choice picker show it, with the facts a counselor weighs.
public struct SlotListing: Sendable, Equatable {
    public var id: Int64
    public var externalID: String
    public var edcID: Int64
    public var employerID: Int64
    public var employerName: String
    public var title: String
    public var kind: String
    public var programOfStudy: String
    public var capacity: Int
    public var reservedSeats: Int
    public var active: Bool
    public var virtual: Bool
    public var county: String?
    public var siteID: Int64?
    public var startDate: String
    public var endDate: String
    public var schedule: String
    public var minimumAge: Int?
    public var minimumGrade: Int?
    public var programRequired: Bool
    public var hazardousOrders: [Int]
    public var certifications: [String]
    public var driversLicense: Bool
}

/// What the slot form sends (create and edit).
public struct SlotDraft: Sendable, Equatable {
    public var employerID: Int64
    public var siteID: Int64?
    public var externalID: String
    public var title: String
    public var kind: String
    public var programOfStudy: String
    public var capacity: Int
    public var reservedSeats: Int
    public var startDate: String
    public var endDate: String
    public var schedule: String
    public var minimumAge: Int?
    public var virtual: Bool

    public init(employerID: Int64, siteID: Int64?, externalID: String, title: String, kind: String, programOfStudy: String,
                capacity: Int, reservedSeats: Int, startDate: String, endDate: String, schedule: String, minimumAge: Int?, virtual: Bool) {
        self.employerID = employerID
        self.siteID = siteID
        self.externalID = externalID
        self.title = title
        self.kind = kind
        self.programOfStudy = programOfStudy
        self.capacity = capacity
        self.reservedSeats = reservedSeats
        self.startDate = startDate
        self.endDate = endDate
        self.schedule = schedule
        self.minimumAge = minimumAge
        self.virtual = virtual
    }
}

/// An employer (with its sites) for the slot form's choices.
public struct EmployerOption: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var sites: [(id: Int64, name: String)]

    public static func == (a: Self, b: Self) -> Bool {
        a.id == b.id && a.name == b.name && a.sites.map(\.id) == b.sites.map(\.id)
    }
}

/// Slots and employers for EDC staff (their EDC's rows), coordinators (all) and counselors' choice
/// picker (active slots only, read-only).
public struct SlotCatalog: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Slots in `scope` matching `search` (title, employer, external id); `activeOnly` for the picker.
    public func list(scope: RowScope, search: String = "", activeOnly: Bool = false, limit: Int = 500) async throws -> [SlotListing] {
        guard scope.reachesSlots else { return [] }
        return try await pool.withConnection { conn in
            try await conn.query(SlotQueries.list, [scope.edcFilter, likePattern(search), activeOnly, Int64(limit)]).map(Self.listing)
        }
    }

    /// Active slots anyone choosing may see (counselors' picker), matching `search`.
    public func openSlots(search: String = "", limit: Int = 500) async throws -> [SlotListing] {
        try await pool.withConnection { conn in
            try await conn.query(SlotQueries.list, [Int64?.none, likePattern(search), true, Int64(limit)]).map(Self.listing)
        }
    }

    /// Slot `id` if in `scope`, else nil.
    public func find(id: Int64, scope: RowScope) async throws -> SlotListing? {
        guard scope.reachesSlots else { return nil }
        return try await pool.withConnection { conn in
            try await conn.query(SlotQueries.find, [id, scope.edcFilter]).first.map(Self.listing)
        }
    }

    /// Employers (with sites) in `scope`, for the slot form.
    public func employers(scope: RowScope) async throws -> [EmployerOption] {
        guard scope.reachesSlots else { return [] }
        return try await pool.withConnection { conn in
            var byID: [Int64: EmployerOption] = [:]
            var order: [Int64] = []
            for row in try await conn.query(SlotQueries.employers, [scope.edcFilter]) {
                let id = try row.decode("id", as: Int64.self)
                if byID[id] == nil {
                    byID[id] = EmployerOption(id: id, name: try row.decode("name", as: String.self), sites: [])
                    order.append(id)
                }
                if let siteID = try row.decode("site_id", as: Int64?.self) {
                    byID[id]!.sites.append((siteID, try row.decode("site_name", as: String.self)))
                }
            }
            return order.map { byID[$0]! }
        }
    }

    /// Adds a slot for an employer in `scope`; nil when the employer (or site) is not in scope.
    /// Constraint violations (duplicate external id, reserved > capacity, ...) throw `DatabaseError`.
    public func create(_ draft: SlotDraft, scope: RowScope) async throws -> Int64? {
        guard scope.reachesSlots else { return nil }
        return try await pool.withAuditedTransaction { conn in
            return try await conn.query(SlotQueries.insert, Self.binds(draft, scope: scope)).first?.decode("id", as: Int64.self)
        }
    }

    /// Saves `draft` over slot `id` in `scope`; false when the slot is not in scope.
    public func update(id: Int64, _ draft: SlotDraft, scope: RowScope) async throws -> Bool {
        guard scope.reachesSlots else { return false }
        return try await pool.withAuditedTransaction { conn in
            return try await conn.execute(SlotQueries.update, Self.binds(draft, scope: scope) + [id]) > 0
        }
    }

    /// Offers (true) or withdraws (false) slot `id` in `scope`; false when not in scope.
    public func setActive(id: Int64, _ active: Bool, scope: RowScope) async throws -> Bool {
        guard scope.reachesSlots else { return false }
        return try await pool.withAuditedTransaction { conn in
            return try await conn.execute(SlotQueries.setActive, [id, scope.edcFilter, active]) > 0
        }
    }

    static func binds(_ d: SlotDraft, scope: RowScope) -> [any SQLEncodable] {
        [scope.edcFilter, d.employerID, d.siteID, d.externalID, d.title, d.kind, d.programOfStudy, Int64(d.capacity),
         Int64(d.reservedSeats), d.startDate, d.endDate, d.schedule, d.minimumAge.map(Int64.init), d.virtual]
    }

    static func listing(_ row: Row) throws -> SlotListing {
        SlotListing(
            id: try row.decode("id", as: Int64.self), externalID: try row.decode("external_id", as: String.self),
            edcID: try row.decode("edc_id", as: Int64.self), employerID: try row.decode("employer_id", as: Int64.self),
            employerName: try row.decode("employer_name", as: String.self), title: try row.decode("title", as: String.self),
            kind: try row.decode("kind", as: String.self), programOfStudy: try row.decode("program_of_study", as: String.self),
            capacity: try row.decode("capacity", as: Int.self), reservedSeats: try row.decode("reserved_seats", as: Int.self),
            active: try row.decode("active", as: Bool.self), virtual: try row.decode("virtual", as: Bool.self),
            county: try row.decode("county", as: String?.self), siteID: try row.decode("site_id", as: Int64?.self),
            startDate: try row.decode("start_date", as: String.self), endDate: try row.decode("end_date", as: String.self),
            schedule: try row.decode("schedule", as: String.self), minimumAge: try row.decode("minimum_age", as: Int?.self),
            minimumGrade: try row.decode("minimum_grade", as: Int?.self), programRequired: try row.decode("program_required", as: Bool.self),
            hazardousOrders: try row.decode("hazardous_orders", as: [Int].self),
            certifications: try row.decode("certifications", as: [String].self),
            driversLicense: try row.decode("drivers_license", as: Bool.self)
        )
    }
}

/// The SQL of ``SlotCatalog``. The EDC filter is always a parameter (NULL = every EDC).
enum SlotQueries {
    static let columns = """
        sl.id, sl.external_id, sl.edc_id, sl.employer_id, e.name AS employer_name, sl.title, sl.kind, sl.program_of_study,
        sl.capacity, sl.reserved_seats, sl.active, sl.virtual, si.county, sl.site_id, sl.start_date::text AS start_date,
        sl.end_date::text AS end_date, sl.schedule, sl.minimum_age, sl.minimum_grade, sl.program_required,
        sl.hazardous_orders, sl.certifications, sl.drivers_license
        """
    static let from = "FROM slots sl JOIN employers e ON e.id = sl.employer_id LEFT JOIN sites si ON si.id = sl.site_id"

    /// Slots of EDC $1 (NULL: all) matching $2, active only when $3, at most $4.
    static let list = """
        SELECT \(columns) \(from)
        WHERE ($1::bigint IS NULL OR sl.edc_id = $1) AND (NOT $3 OR sl.active)
          AND ($2 = '' OR sl.title ILIKE '%' || $2 || '%' OR e.name ILIKE '%' || $2 || '%' OR sl.external_id ILIKE '%' || $2 || '%')
        ORDER BY lower(e.name), lower(sl.title), sl.id
        LIMIT $4
        """
    /// Slot $1 if of EDC $2 (NULL: any).
    static let find = "SELECT \(columns) \(from) WHERE sl.id = $1 AND ($2::bigint IS NULL OR sl.edc_id = $2)"

    /// Employers of EDC $1 (NULL: all) with their sites.
    static let employers = """
        SELECT e.id, e.name, si.id AS site_id, si.name AS site_name
        FROM employers e LEFT JOIN sites si ON si.employer_id = e.id
        WHERE ($1::bigint IS NULL OR e.edc_id = $1)
        ORDER BY lower(e.name), e.id, lower(si.name)
        """

    /// Inserts a slot for employer $2 if it belongs to EDC $1 (NULL: any) and site $3 (if any) is the employer's.
    static let insert = """
        INSERT INTO slots (edc_id, employer_id, site_id, external_id, title, kind, program_of_study, capacity,
                           reserved_seats, start_date, end_date, schedule, minimum_age, virtual)
        SELECT e.edc_id, e.id, $3, $4, $5, $6, $7, $8, $9, $10::date, $11::date, $12, $13, $14
        FROM employers e
        WHERE e.id = $2 AND ($1::bigint IS NULL OR e.edc_id = $1)
          AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM sites s WHERE s.id = $3 AND s.employer_id = e.id))
        RETURNING id
        """
    /// Updates slot $15 from the same fields, within EDC $1 and keeping employer and site consistent.
    static let update = """
        UPDATE slots sl SET employer_id = e.id, site_id = $3, external_id = $4, title = $5, kind = $6,
            program_of_study = $7, capacity = $8, reserved_seats = $9, start_date = $10::date, end_date = $11::date,
            schedule = $12, minimum_age = $13, virtual = $14, updated_at = now()
        FROM employers e
        WHERE sl.id = $15 AND ($1::bigint IS NULL OR sl.edc_id = $1)
          AND e.id = $2 AND e.edc_id = sl.edc_id
          AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM sites s WHERE s.id = $3 AND s.employer_id = e.id))
        """
    /// Sets slot $1's active flag to $3 if of EDC $2 (NULL: any).
    static let setActive = "UPDATE slots SET active = $3, updated_at = now() WHERE id = $1 AND ($2::bigint IS NULL OR edc_id = $2)"
}
