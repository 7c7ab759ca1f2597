/// A set of certifications as a bit set (no allocation). Encoded as a JSON array of codes,
/// e.g. `["osha10", "servsafe"]`.
public struct CertificationSet: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set holding `certifications`.
    public init(_ certifications: some Sequence<Certification>) {
        self.init(rawValue: certifications.reduce(0) { $0 | $1.bit })
    }

    /// Whether the set holds `certification`.
    public func contains(_ certification: Certification) -> Bool { rawValue & certification.bit != 0 }

    /// The members, in declaration order.
    public var members: [Certification] { Certification.allCases.filter { contains($0) } }
}

extension CertificationSet: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([Certification].self))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(members)
    }
}
