import Testing
@testable import Jobs

@Suite struct RetryPolicyTests {
    @Test func growsExponentiallyUpToTheCap() {
        let policy = RetryPolicy(base: .seconds(1), factor: 2, cap: .seconds(60), jitter: 0)
        #expect((1...8).map { policy.delay(afterAttempt: $0) } == [1, 2, 4, 8, 16, 32, 60, 60].map { Duration.seconds($0) })
        #expect(policy.delay(afterAttempt: 1000) == .seconds(60))
    }

    /// Property: with jitter j, every delay lies within ±j of the unjittered one, and the delays vary.
    @Test func jitterStaysWithinItsBand() {
        let policy = RetryPolicy(base: .milliseconds(500), factor: 3, cap: .seconds(3600), jitter: 0.2)
        let plain = RetryPolicy(base: .milliseconds(500), factor: 3, cap: .seconds(3600), jitter: 0)
        var seen = Set<Duration>()
        for attempt in 1...12 {
            for _ in 0..<50 {
                let delay = policy.delay(afterAttempt: attempt).seconds
                let middle = plain.delay(afterAttempt: attempt).seconds
                #expect(delay >= middle * 0.8 - 0.001 && delay <= middle * 1.2 + 0.001)
                seen.insert(policy.delay(afterAttempt: attempt))
            }
        }
        #expect(seen.count > 100)
    }
}
