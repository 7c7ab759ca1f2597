import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's thread pool so the slow hashing never blocks Swift's cooperative pool.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost (work factor 2^cost): 12 in production, 4 in tests.
    public var cost: UInt8

    /// A hasher with `cost` between 4 and 31.
    public init(cost: UInt8) {
        precondition((4...31).contains(cost), "bcrypt cost must be 4–31")
        self.cost = cost
    }

    /// The bcrypt hash of `password`.
    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// True when `password` matches `hash`.
    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash of a random password, checked against when an email is unknown so that the answer
    /// takes as long as for a known one (no timing hint of which emails exist).
    public func decoyHash() async throws -> String {
        try await hash(SecureToken.make(bytes: 12))
    }
}
