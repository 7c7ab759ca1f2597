/// The kind of a work-based-learning placement.
public enum SlotKind: String, Codable, Sendable, CaseIterable {
    case internship
    case preApprenticeship = "pre_apprenticeship"
    case apprenticeship
    /// A day or a few hours; the only kind open to middle-school career exploration.
    case jobShadow = "job_shadow"
    case schoolBasedEnterprise = "school_based_enterprise"

    /// The name a counselor reads.
    public var title: String {
        switch self {
        case .internship: "internship"
        case .preApprenticeship: "pre-apprenticeship"
        case .apprenticeship: "apprenticeship"
        case .jobShadow: "job shadow"
        case .schoolBasedEnterprise: "school-based enterprise"
        }
    }
}
