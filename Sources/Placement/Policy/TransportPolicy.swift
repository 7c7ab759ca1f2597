/// Commute limits. Distances are great-circle (haversine) kilometres between coordinates.
public struct TransportPolicy: Hashable, Sendable {
    /// Farthest site a student driven by family or driving herself may be placed at. Default 40 km
    /// (Region I is rural).
    public var maxCommuteKm: Double = 40
    /// A student without transport (or riding the school bus) may walk to a site this close. Default 1.6 km (1 mile).
    public var walkingDistanceKm: Double = 1.6
    /// Where a commute starts. Default `home`: the student's home, or her school when the home is not located.
    public var measureFrom: CommuteOrigin = .home

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxCommuteKm = "max_commute_km"
        case walkingDistanceKm = "walking_distance_km"
        case measureFrom = "measure_from"
    }

    func validate(_ v: inout PolicyValidator) {
        v.check(maxCommuteKm.isFinite && maxCommuteKm >= 0 && maxCommuteKm <= 1000, "max_commute_km",
                "must be a distance from 0 to 1000 km, got \(maxCommuteKm)")
        v.check(walkingDistanceKm.isFinite && walkingDistanceKm >= 0 && walkingDistanceKm <= maxCommuteKm,
                "walking_distance_km", "must be a distance from 0 to max_commute_km (\(maxCommuteKm)), got \(walkingDistanceKm)")
    }
}

extension TransportPolicy: Codable {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TransportPolicy()
        maxCommuteKm = try c.value(.maxCommuteKm, or: d.maxCommuteKm)
        walkingDistanceKm = try c.value(.walkingDistanceKm, or: d.walkingDistanceKm)
        measureFrom = try c.value(.measureFrom, or: d.measureFrom)
    }
}

/// Where a commute distance is measured from.
public enum CommuteOrigin: String, Hashable, Sendable, Codable, CaseIterable {
    /// The student's home; her school when the home is not located.
    case home
    /// Always the student's school.
    case school
}
