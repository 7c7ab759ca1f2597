/// A certification a slot can require and a student can hold.
public enum Certification: String, Codable, Sendable, CaseIterable {
    case osha10
    case servsafe
    case foodHandler = "food_handler"
    /// Forklift operation; only meaningful for 18+ (forklifts are HO7).
    case forklift
    case cprFirstAid = "cpr_first_aid"

    /// The name a counselor reads.
    public var title: String {
        switch self {
        case .osha10: "OSHA-10"
        case .servsafe: "ServSafe"
        case .foodHandler: "food-handler card"
        case .forklift: "forklift certification"
        case .cprFirstAid: "CPR/first aid"
        }
    }

    var bit: UInt8 { UInt8(1) << UInt8(Certification.allCases.firstIndex(of: self)!) }
}
