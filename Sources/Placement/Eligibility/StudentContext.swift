/// What the checker needs about a student beyond her own record: her school's location and bus
/// routes, and the court-ordered restrictions of an active referral (confidential).
public struct StudentContext: Sendable {
    /// The school campus; the commute's origin when the home is not located (or the policy says so).
    public var schoolLocation: GeoPoint?
    /// Sites the school's buses serve (`school_bus_routes`).
    public var busRouteSiteIDs: SiteIDSet
    /// Restrictions of the student's active referral; `nil` when not referred.
    public var restrictions: CourtRestrictions?

    public init(schoolLocation: GeoPoint? = nil, busRouteSiteIDs: SiteIDSet = [], restrictions: CourtRestrictions? = nil) {
        self.schoolLocation = schoolLocation
        self.busRouteSiteIDs = busRouteSiteIDs
        self.restrictions = restrictions
    }
}
