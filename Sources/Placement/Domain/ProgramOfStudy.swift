/// A CTE program of study the consortium invests in.
public enum ProgramOfStudy: String, Codable, Sendable, CaseIterable {
    case informationTechnology = "information_technology"
    case manufacturing
    case agriculture
    case transportationLogistics = "transportation_logistics"
    case alliedHealth = "allied_health"
    case education
    case businessManagement = "business_management"

    /// The name a counselor reads.
    public var title: String {
        switch self {
        case .informationTechnology: "Information Technology"
        case .manufacturing: "Manufacturing"
        case .agriculture: "Agriculture"
        case .transportationLogistics: "Transportation & Logistics"
        case .alliedHealth: "Allied Health"
        case .education: "Education"
        case .businessManagement: "Business Management"
        }
    }
}
