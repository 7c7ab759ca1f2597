/// Why a cron expression was refused, and where.
///
/// `column` counts characters from 1 in the expression as written, so
/// `"0 25 * * *"` reports the hour field at column 3.
public struct CronParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The expression as given.
    public var expression: String
    /// The field the problem is in (`minute`, `hour`, `day of month`, `month`, `day of week`), or `expression`.
    public var field: String
    /// 1-based column of the offending text in `expression`.
    public var column: Int
    /// What is wrong and what to write instead.
    public var reason: String

    public var description: String {
        "cron expression \"\(expression)\", \(field) at column \(column): \(reason)"
    }
}
