import Testing
@testable import Mail

@Suite struct MailRetryPolicyTests {
    @Test func delaysDoubleFromThirtySecondsToAnHour() {
        let policy = MailRetryPolicy.standard
        let delays = (1...10).map { policy.delay(afterAttempts: $0) }
        #expect(delays == [.seconds(30), .seconds(60), .seconds(120), .seconds(240), .seconds(480), .seconds(960),
                           .seconds(1920), .seconds(3600), .seconds(3600), .seconds(3600)])
        #expect(policy.delay(afterAttempts: 10_000) == .seconds(3600))
    }

    @Test func onlyPermanentRefusalsEverGiveUp() {
        let policy = MailRetryPolicy(attemptsBeforeGivingUp: 3)
        let down = MailError(.unavailable, "down")
        #expect(!policy.givesUp(after: down, attempts: 1_000))
        #expect(!policy.givesUp(after: MailError(.temporaryFailure, "451"), attempts: 1_000))
        #expect(!policy.givesUp(after: MailError(.configuration, "no STARTTLS"), attempts: 1_000))
        #expect(!policy.givesUp(after: MailError(.rejected, "550"), attempts: 2))
        #expect(policy.givesUp(after: MailError(.rejected, "550"), attempts: 3))
        #expect(policy.givesUp(after: MailError(.invalidMessage, "bad"), attempts: 1))
    }
}
