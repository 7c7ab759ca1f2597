/// A five-field cron expression (`minute hour day-of-month month day-of-week`), as in Vixie cron.
///
/// Each field takes `*`, a value, a range `a-b`, a step `*/n`, `a-b/n` or `a/n`, and comma lists of
/// these; months and days take names (`JAN`, `MON-FRI`); Sunday is 0 or 7. When both the day of
/// month and the day of week are restricted (neither starts with `*`), a day matching either runs.
/// `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight` and `@hourly` stand for
/// their usual expressions.
///
/// ```swift
/// let nightly = try CronExpression("0 2 * * *")
/// let next = nightly.next(after: .now, in: TimeZone(identifier: "America/Denver")!)
/// ```
/// See `next(after:in:)` for what happens on the nights clocks change.
public struct CronExpression: Sendable, Equatable, CustomStringConvertible {
    /// The expression as written.
    public let text: String
    let minutes: CronField
    let hours: CronField
    let daysOfMonth: CronField
    let months: CronField
    let daysOfWeek: CronField

    public var description: String { text }

    private static let macros: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
        "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    /// Parses `text`; a `CronParseError` names the field, the column and the reason.
    public init(_ text: String) throws(CronParseError) {
        self.text = text
        let trimmed = text.trimmingSpaces
        var body = Substring(text)
        if trimmed.hasPrefix("@") {
            guard let expansion = Self.macros[trimmed.lowercased()] else {
                let column = text.prefix { $0 == " " || $0 == "\t" }.count + 1
                throw CronParseError(expression: text, field: "expression", column: column,
                                     reason: "\"\(trimmed)\" is not one of \(Self.macros.keys.sorted().joined(separator: ", "))")
            }
            body = Substring(expansion)
        }
        // Split on runs of blanks, remembering where each field starts (for the error's column).
        var fields: [(text: Substring, column: Int)] = []
        var index = body.startIndex
        var column = 1
        while index < body.endIndex {
            if body[index] == " " || body[index] == "\t" {
                index = body.index(after: index); column += 1; continue
            }
            let start = index
            let startColumn = column
            while index < body.endIndex, body[index] != " ", body[index] != "\t" {
                index = body.index(after: index); column += 1
            }
            fields.append((body[start..<index], startColumn))
        }
        guard fields.count == 5 else {
            throw CronParseError(expression: text, field: "expression", column: 1,
                                 reason: "has \(fields.count) field\(fields.count == 1 ? "" : "s"); write five: minute hour day-of-month month day-of-week (e.g. \"0 2 * * *\" for 02:00 daily)")
        }
        let specs: [CronField.Spec] = [.minute, .hour, .dayOfMonth, .month, .dayOfWeek]
        var parsed: [CronField] = []
        for (field, spec) in zip(fields, specs) {
            let column = trimmed.hasPrefix("@") ? 1 : field.column
            parsed.append(try CronField.parse(field.text, spec: spec, column: column, expression: text))
        }
        minutes = parsed[0]
        hours = parsed[1]
        daysOfMonth = parsed[2]
        months = parsed[3]
        daysOfWeek = parsed[4]
    }

    /// Whether the calendar day (`month` 1–12, `day` 1–31, `weekday` 0 = Sunday) is one the expression runs on.
    func matchesDay(month: Int, day: Int, weekday: Int) -> Bool {
        guard months.contains(month) else { return false }
        if daysOfMonth.isStar || daysOfWeek.isStar {
            return daysOfMonth.contains(day) && daysOfWeek.contains(weekday)
        }
        return daysOfMonth.contains(day) || daysOfWeek.contains(weekday)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
