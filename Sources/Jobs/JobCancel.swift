/// Thrown by a handler to cancel its job for good: no retry, the job ends `cancelled` with `reason`
/// recorded (River's `JobCancel`). Any other error makes the attempt fail and the job retry.
///
/// ```swift
/// registry.register(kind: "report.send") { job, context in
///     guard let report = try await load(job) else { throw JobCancel("the report was deleted") }
///     ...
/// }
/// ```
public struct JobCancel: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
