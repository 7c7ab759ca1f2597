/// What a column holds, and so how its text is checked and normalized.
public enum FieldType: Sendable {
    /// Free text up to a length.
    case text(maxLength: Int)
    /// An identifier from the source system (student number, slot id): 1–64 characters, no control characters.
    case identifier
    /// An organization code: lowercase letters, digits and dashes.
    case organizationCode
    /// An email address.
    case email
    /// `YYYY-MM-DD`.
    case date
    /// An ISO 8601 timestamp with an offset (`2027-02-01T17:00:00-07:00`) or a date.
    case timestamp
    /// A 24-hour `HH:MM`.
    case time
    /// `true`/`false` (also `yes`/`no`, `y`/`n`, `1`/`0`).
    case boolean
    /// A whole number in a range.
    case integer(ClosedRange<Int>)
    /// A decimal number in a range.
    case decimal(ClosedRange<Double>)
    /// One of a fixed set of codes.
    case code([String])
    /// A `;`-separated list of codes from a fixed set.
    case codeList([String])
    /// A `;`-separated list of whole numbers in a range.
    case integerList(ClosedRange<Int>)
    /// A `;`-separated list of free-text items (counties, `edc:employer` references).
    case textList
    /// Weekly windows, `Mon-Fri 15:30-18:00; Sat 08:00-12:00`.
    case weeklyWindows

    /// A short phrase for documentation: what to write in the cell.
    public var summary: String {
        switch self {
        case .text(let max): "text (≤ \(max) characters)"
        case .identifier: "identifier (1–64 characters)"
        case .organizationCode: "organization code (a-z, 0-9, -)"
        case .email: "email address"
        case .date: "date YYYY-MM-DD"
        case .timestamp: "timestamp YYYY-MM-DDTHH:MM:SS±HH:MM"
        case .time: "time HH:MM (24-hour)"
        case .boolean: "true/false (yes/no, 1/0)"
        case .integer(let r): "whole number \(r.lowerBound)–\(r.upperBound)"
        case .decimal(let r): "number \(Self.format(r.lowerBound))…\(Self.format(r.upperBound))"
        case .code(let codes): "one of " + codes.joined(separator: ", ")
        case .codeList(let codes): "list separated by ; of " + codes.joined(separator: ", ")
        case .integerList(let r): "list separated by ; of numbers \(r.lowerBound)–\(r.upperBound)"
        case .textList: "list separated by ;"
        case .weeklyWindows: "weekly windows, e.g. Mon-Fri 15:30-18:00; Sat 08:00-12:00"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
