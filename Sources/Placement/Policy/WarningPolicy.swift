/// Thresholds of the soft checks: warnings shown to counselors, never blocks.
public struct WarningPolicy: Hashable, Sendable {
    /// Warn when a student has fewer eligible choices than this. Default 3.
    public var minimumEligibleChoices: Int = 3

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case minimumEligibleChoices = "minimum_eligible_choices"
    }

    func validate(_ v: inout PolicyValidator) {
        v.check((0...100).contains(minimumEligibleChoices), "minimum_eligible_choices",
                "must be a count from 0 to 100, got \(minimumEligibleChoices)")
    }
}

extension WarningPolicy: Codable {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minimumEligibleChoices = try c.value(.minimumEligibleChoices, or: WarningPolicy().minimumEligibleChoices)
    }
}
