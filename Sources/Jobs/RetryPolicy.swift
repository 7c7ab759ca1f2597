import Database

/// How long a failed job waits before its next attempt: exponential backoff with jitter and a cap.
///
/// Attempt `n` (from 1) waits `min(cap, base × factorⁿ⁻¹)`, then scaled by a random factor in
/// `1 − jitter … 1 + jitter` so that jobs failing together do not retry together.
public struct RetryPolicy: Sendable, Equatable {
    public var base: Duration
    public var factor: Double
    public var cap: Duration
    /// 0 ≤ jitter < 1.
    public var jitter: Double

    public init(base: Duration = .seconds(1), factor: Double = 2, cap: Duration = .seconds(3600), jitter: Double = 0.1) {
        self.base = base
        self.factor = factor
        self.cap = cap
        self.jitter = jitter
    }

    /// 1 s, 2 s, 4 s … capped at one hour, ±10 %.
    public static let `default` = RetryPolicy()

    /// The wait after failed attempt `attempt` (≥ 1).
    public func delay(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let baseSeconds = base.seconds
        let capSeconds = cap.seconds
        let exponent = Double(max(0, attempt - 1))
        let raw = min(capSeconds, baseSeconds * pow(factor, exponent))
        let spread = jitter > 0 ? Double.random(in: (1 - jitter)...(1 + jitter), using: &generator) : 1
        return .milliseconds(Int64((raw * spread * 1000).rounded()))
    }

    /// The wait after failed attempt `attempt`, with the system's random numbers.
    public func delay(afterAttempt attempt: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(afterAttempt: attempt, using: &generator)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
