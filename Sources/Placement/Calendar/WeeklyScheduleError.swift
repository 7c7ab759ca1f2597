/// A weekly schedule text that could not be read: where (1-based column) and what is wrong.
public struct WeeklyScheduleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text that was parsed.
    public let text: String
    /// 1-based column (in characters) where the problem starts.
    public let column: Int
    /// What is wrong and what to write instead.
    public let reason: String

    public var description: String {
        "column \(column): \(reason) (in \"\(text)\"; expected e.g. \"Mon-Fri 15:30-18:00; Sat 08:00-12:00\")"
    }
}
