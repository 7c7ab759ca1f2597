/// A business offering slots, loaded by an EDC.
public struct Employer: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    /// Unique per source organization (the EDC that loads it).
    public var externalID: String
    public var edcID: Int64
    public var name: String
    public var industry: String

    public init(id: Int64, externalID: String, edcID: Int64, name: String, industry: String = "") {
        self.id = id; self.externalID = externalID; self.edcID = edcID; self.name = name; self.industry = industry
    }
}
