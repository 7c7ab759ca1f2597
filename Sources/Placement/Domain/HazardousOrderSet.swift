/// A set of hazardous-occupation orders as a bit set (bit n = HOn). Encoded as a JSON array of
/// numbers, e.g. `[5, 14]`.
public struct HazardousOrderSet: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue & 0x3_FFFE }

    /// The set holding `orders`.
    public init(_ orders: some Sequence<HazardousOrder>) {
        self.init(rawValue: orders.reduce(0) { $0 | (1 << UInt32($1.rawValue)) })
    }

    /// Whether the set holds `order`.
    public func contains(_ order: HazardousOrder) -> Bool { rawValue & (1 << UInt32(order.rawValue)) != 0 }

    /// The members in ascending order.
    public var members: [HazardousOrder] { (1...17).compactMap { n in rawValue & (1 << UInt32(n)) != 0 ? HazardousOrder(rawValue: n) : nil } }

    /// `HO2, HO7`.
    public var text: String { members.map { "HO\($0.rawValue)" }.joined(separator: ", ") }
}

extension HazardousOrderSet: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([HazardousOrder].self))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(members)
    }
}
