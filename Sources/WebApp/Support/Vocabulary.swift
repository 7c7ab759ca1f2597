/// The stable codes of docs/domain-model.md with the words people read.
enum Vocabulary {
    static let programs: [(String, String)] = [
        ("information_technology", "Information Technology"), ("manufacturing", "Manufacturing"),
        ("agriculture", "Agriculture"), ("transportation_logistics", "Transportation & Logistics"),
        ("allied_health", "Allied Health"), ("education", "Education"), ("business_management", "Business Management"),
    ]
    static let slotKinds: [(String, String)] = [
        ("internship", "Internship"), ("pre_apprenticeship", "Pre-apprenticeship"), ("apprenticeship", "Apprenticeship"),
        ("job_shadow", "Job shadow"), ("school_based_enterprise", "School-based enterprise"),
    ]
    static let transports: [(String, String)] = [
        ("none", "None"), ("school_bus", "School bus"), ("family", "Family"), ("own_car", "Own car"),
    ]
    static let certifications: [(String, String)] = [
        ("osha10", "OSHA-10"), ("servsafe", "ServSafe"), ("food_handler", "Food handler card"),
        ("forklift", "Forklift"), ("cpr_first_aid", "CPR / first aid"),
    ]
    static let languages: [(String, String)] = [("en", "English"), ("es", "Spanish")]

    /// The label of `code` in `list`, or the code itself.
    static func label(_ code: String?, in list: [(String, String)]) -> String {
        guard let code else { return "" }
        return list.first { $0.0 == code }?.1 ?? code
    }

    /// Options for a `<select>`, marking `selected`.
    static func options(_ list: [(String, String)], selected: String?) -> [[String: Any]] {
        list.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == selected] }
    }
}
