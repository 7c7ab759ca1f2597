import Database
import Foundation

/// When the outbox tries a failed email again, and when it gives up.
///
/// Delays grow exponentially from `initialDelay` by `multiplier` per attempt, capped at
/// `maximumDelay`: with the defaults 30 s, 1 min, 2 min, 4 min, … then hourly. An email whose server
/// is unreachable, deferring (4xx) or misconfigured is retried for as long as it takes: nothing is
/// lost while SMTP is down. Only a message the server refuses for good (5xx) is marked `failed`,
/// after `attemptsBeforeGivingUp` such refusals.
public struct MailRetryPolicy: Sendable, Hashable {
    /// The delay after the first failed attempt.
    public var initialDelay: Duration
    /// The growth per further attempt.
    public var multiplier: Double
    /// The longest delay.
    public var maximumDelay: Duration
    /// Attempts after which a permanently refused email is marked `failed`.
    public var attemptsBeforeGivingUp: Int

    /// Creates a policy.
    public init(initialDelay: Duration = .seconds(30), multiplier: Double = 2, maximumDelay: Duration = .seconds(3600),
                attemptsBeforeGivingUp: Int = 5) {
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
        self.attemptsBeforeGivingUp = attemptsBeforeGivingUp
    }

    /// The default: 30 s doubling to an hour; give up after 5 permanent refusals.
    public static let standard = MailRetryPolicy()

    /// The wait before the next try, after `attempts` (≥ 1) failed attempts.
    public func delay(afterAttempts attempts: Int) -> Duration {
        let initial = initialDelay.seconds
        let maximum = maximumDelay.seconds
        let exponent = Double(max(attempts - 1, 0))
        let seconds = min(initial * Foundation.pow(multiplier, min(exponent, 64)), maximum)
        return .milliseconds(Int64((seconds.isFinite ? seconds : maximum) * 1000))
    }

    /// Whether an email that just failed its `attempts`-th attempt with `error` should stop being tried.
    public func givesUp(after error: MailError, attempts: Int) -> Bool {
        switch error.kind {
        case .invalidMessage: true
        case .rejected: attempts >= attemptsBeforeGivingUp
        case .unavailable, .temporaryFailure, .configuration: false
        }
    }
}

