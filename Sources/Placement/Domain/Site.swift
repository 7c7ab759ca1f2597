/// A place where an employer's slots are worked.
public struct Site: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var employerID: Int64
    public var name: String
    public var address: String
    /// County name, e.g. `Curry`; compared case-insensitively with court-excluded counties.
    public var county: String
    /// `nil` when the site could not be located; a non-virtual slot needs it for the transport check.
    public var location: GeoPoint?

    public init(id: Int64, employerID: Int64, name: String, address: String = "", county: String, location: GeoPoint?) {
        self.id = id; self.employerID = employerID; self.name = name; self.address = address
        self.county = county; self.location = location
    }
}
