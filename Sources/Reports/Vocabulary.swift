/// The words reports use for stored codes, and the wording that keeps juvenile data out of sight.
public enum Vocabulary {
    /// The neutral word for reserved seats, used for every reader outside juvenile services.
    public static let reservedSeatsNeutral = "reserved seats"
    /// The juvenile-services word, for entitled readers only.
    public static let reservedSeatsJuvenile = "second-chance seats"

    /// The word for reserved seats a reader may see.
    public static func reservedSeats(juvenileEntitled: Bool) -> String {
        juvenileEntitled ? reservedSeatsJuvenile : reservedSeatsNeutral
    }

    /// "information_technology" → "Information Technology".
    public static func programOfStudy(_ code: String) -> String {
        switch code {
        case "information_technology": "Information Technology"
        case "manufacturing": "Manufacturing"
        case "agriculture": "Agriculture"
        case "transportation_logistics": "Transportation & Logistics"
        case "allied_health": "Allied Health"
        case "education": "Education"
        case "business_management": "Business Management"
        case "": "(none)"
        default: humanize(code)
        }
    }

    /// "job_shadow" → "Job shadow".
    public static func slotKind(_ code: String) -> String {
        switch code {
        case "internship": "Internship"
        case "pre_apprenticeship": "Pre-apprenticeship"
        case "apprenticeship": "Apprenticeship"
        case "job_shadow": "Job shadow"
        case "school_based_enterprise": "School-based enterprise"
        default: humanize(code)
        }
    }

    /// "1st", "2nd", "3rd", "11th".
    public static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// A share as a percentage with one decimal: "83.3%", or "–" when there is nothing to divide.
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }

    private static func humanize(_ code: String) -> String {
        let words = code.split(separator: "_").map(String.init).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
