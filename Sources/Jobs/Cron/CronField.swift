/// One of the five fields of a cron expression, as the set of values it allows.
struct CronField: Sendable, Equatable {
    /// The allowed values, sorted ascending.
    var values: [Int]
    /// Whether the field was written starting with `*` (matters for the day-of-month/day-of-week rule).
    var isStar: Bool

    func contains(_ value: Int) -> Bool { values.contains(value) }

    /// The field's name, range and names of values (`JAN`, `MON`).
    struct Spec: Sendable {
        var name: String
        var range: ClosedRange<Int>
        var names: [String: Int]

        static let minute = Spec(name: "minute", range: 0...59, names: [:])
        static let hour = Spec(name: "hour", range: 0...23, names: [:])
        static let dayOfMonth = Spec(name: "day of month", range: 1...31, names: [:])
        static let month = Spec(name: "month", range: 1...12, names: [
            "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
            "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12,
        ])
        // 0 and 7 are both Sunday; 7 is folded into 0 after parsing.
        static let dayOfWeek = Spec(name: "day of week", range: 0...7, names: [
            "SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6,
        ])
    }

    /// Parses one field (`*`, `5`, `1-5`, `*/15`, `10-50/10`, `MON-FRI`, lists of these with `,`).
    /// - Parameters:
    ///   - text: the field's text.
    ///   - column: 1-based column of `text` in the whole expression, for errors.
    static func parse(_ text: Substring, spec: Spec, column: Int, expression: String) throws(CronParseError) -> CronField {
        func fail(_ offset: Int, _ reason: String) -> CronParseError {
            CronParseError(expression: expression, field: spec.name, column: column + offset, reason: reason)
        }
        var set = Set<Int>()
        var offset = 0
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            defer { offset += part.count + 1 }
            if part.isEmpty { throw fail(offset, "an empty item in a list (two commas, or a comma at an end)") }
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            if pieces.count > 2 { throw fail(offset, "\"\(part)\" has more than one \"/\"") }
            var step = 1
            if pieces.count == 2 {
                guard let value = Int(pieces[1]), value >= 1 else {
                    throw fail(offset + pieces[0].count + 1, "the step \"\(pieces[1])\" is not a whole number of at least 1")
                }
                step = value
            }
            let rangeText = pieces[0]
            var low: Int
            var high: Int
            if rangeText == "*" {
                low = spec.range.lowerBound
                high = spec.range.upperBound
                if spec.name == CronField.Spec.dayOfWeek.name { high = 6 }
            } else {
                let bounds = rangeText.split(separator: "-", omittingEmptySubsequences: false)
                if bounds.count > 2 { throw fail(offset, "\"\(rangeText)\" has more than one \"-\"") }
                guard let first = value(bounds[0], spec: spec) else { throw fail(offset, describe(bounds[0], spec: spec)) }
                low = first
                if bounds.count == 2 {
                    guard let last = value(bounds[1], spec: spec) else {
                        throw fail(offset + bounds[0].count + 1, describe(bounds[1], spec: spec))
                    }
                    high = last
                    if high < low { throw fail(offset, "the range \"\(rangeText)\" ends before it starts; write the smaller value first") }
                } else {
                    // "5/15" means 5, 20, 35, 50: from the value to the end of the range.
                    high = pieces.count == 2 ? spec.range.upperBound : low
                }
            }
            set.formUnion(stride(from: low, through: high, by: step))
        }
        if spec.name == CronField.Spec.dayOfWeek.name, set.remove(7) != nil { set.insert(0) }
        return CronField(values: set.sorted(), isStar: text.hasPrefix("*"))
    }

    private static func value(_ text: Substring, spec: Spec) -> Int? {
        if let number = Int(text), spec.range.contains(number) { return number }
        return spec.names[text.uppercased()]
    }

    private static func describe(_ text: Substring, spec: Spec) -> String {
        if text.isEmpty { return "a value is missing" }
        var reason = "\"\(text)\" is not a \(spec.name) in \(spec.range.lowerBound)–\(spec.range.upperBound)"
        if !spec.names.isEmpty {
            let names = spec.names.sorted { $0.value < $1.value }.map(\.key).joined(separator: ", ")
            reason += " nor one of \(names)"
        }
        return reason
    }
}
