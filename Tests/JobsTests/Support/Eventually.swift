import Foundation
import Testing

/// Polls `condition` every `interval` until it holds or `timeout` passes; records an issue naming
/// `what` on timeout and returns whether it held.
@discardableResult
func eventually(_ what: String, timeout: Duration = .seconds(30), interval: Duration = .milliseconds(50),
                sourceLocation: SourceLocation = #_sourceLocation,
                _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: interval)
    }
    if try await condition() { return true }
    Issue.record("timed out after \(timeout) waiting for: \(what)", sourceLocation: sourceLocation)
    return false
}
