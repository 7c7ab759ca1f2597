/// The pool's bookkeeping, always under its lock.
struct PoolState {
    struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<PoolGrant, any Error>
        /// When the wait fails with a timeout (the pool's sweeper looks).
        var deadline: ContinuousClock.Instant
    }

    /// Connections that are open (idle, lent out, or being opened).
    var open = 0
    var idle: [Connection] = []
    var waiters: [Waiter] = []
    var nextWaiterID: UInt64 = 0
    /// Whether a sweeper task is timing out waiters (it runs while there are any).
    var sweeping = false
    var closed = false
    var closeWaiters: [CheckedContinuation<Void, Never>] = []
}

/// What a waiting acquire is given: a connection, or the right to open a new one.
enum PoolGrant: Sendable {
    case connection(Connection)
    case openNew
}
