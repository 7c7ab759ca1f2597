import CLibPQ

extension DatabasePool {
    private enum Step {
        case use(Connection)
        case openNew
        case wait
        case closed
    }

    func acquire() async throws -> Connection {
        let step = nextStep()
        guard case .wait = step else { return try await take(step)! }
        switch try await waitForGrant() {
        case .connection(let connection):
            connection.handle.checkBeforeNextUse = true
            return connection
        case .openNew:
            return try await openConnection()
        }
    }

    /// A connection if one is idle or may be opened now; nil instead of waiting for one.
    func acquireIfAvailable() async throws -> Connection? {
        try await take(nextStep())
    }

    private func nextStep() -> Step {
        state.withLock { s -> Step in
            if s.closed { return .closed }
            if let connection = s.idle.popLast() { return .use(connection) }
            if s.open < size { s.open += 1; return .openNew }
            return .wait
        }
    }

    /// The connection `step` gives without waiting (nil for `.wait`).
    private func take(_ step: Step) async throws -> Connection? {
        switch step {
        case .use(let connection):
            connection.handle.checkBeforeNextUse = true
            return connection
        case .openNew:
            return try await openConnection()
        case .closed:
            throw DatabaseError(kind: .poolClosed, message: "the database pool is closed")
        case .wait:
            return nil
        }
    }

    private func openConnection() async throws -> Connection {
        do {
            let connection = try await Connection.connect(url: url, logger: logger)
            logger.debug("database connection opened", metadata: ["open": "\(statistics.open)"])
            return connection
        } catch {
            giveUpSlot()
            throw error
        }
    }

    /// A slot reserved for a new connection is not used after all: pass it to a waiter or free it.
    private func giveUpSlot() {
        let waiter = state.withLock { s -> PoolState.Waiter? in
            if !s.waiters.isEmpty, !s.closed { return s.waiters.removeFirst() }
            s.open -= 1
            return nil
        }
        if let waiter {
            waiter.continuation.resume(returning: .openNew)
        } else {
            resumeCloseWaitersIfDone()
        }
    }

    private func waitForGrant() async throws -> PoolGrant {
        let id = state.withLock { s -> UInt64 in s.nextWaiterID += 1; return s.nextWaiterID }
        let deadline = ContinuousClock.now + acquireTimeout
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PoolGrant, any Error>) in
                let (closed, startSweeper) = state.withLock { s -> (Bool, Bool) in
                    if s.closed { return (true, false) }
                    s.waiters.append(.init(id: id, continuation: continuation, deadline: deadline))
                    let startSweeper = !s.sweeping
                    s.sweeping = true
                    return (false, startSweeper)
                }
                if closed {
                    continuation.resume(throwing: DatabaseError(kind: .poolClosed, message: "the database pool is closed"))
                } else if startSweeper {
                    sweepWaiters()
                }
            }
        } onCancel: {
            let waiter = state.withLock { s -> PoolState.Waiter? in
                guard let index = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return s.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Fails the waits that passed their deadline, every tenth of `acquireTimeout` (10 ms to
    /// 500 ms), for as long as anyone waits. One task for the pool rather than a timer task per
    /// wait: under load most acquires wait a moment, and starting, cancelling and waking a timer
    /// task for each cost the server more than the wait itself.
    private func sweepWaiters() {
        let interval = min(max(acquireTimeout / 10, .milliseconds(10)), .milliseconds(500))
        let (timeout, size) = (acquireTimeout, size)
        Task { [state] in
            while true {
                try? await Task.sleep(for: interval)
                let now = ContinuousClock.now
                let (expired, waiting) = state.withLock { s -> ([PoolState.Waiter], Bool) in
                    let expired = s.waiters.filter { $0.deadline <= now }
                    if !expired.isEmpty { s.waiters.removeAll { $0.deadline <= now } }
                    if s.waiters.isEmpty { s.sweeping = false }
                    return (expired, s.sweeping)
                }
                for waiter in expired {
                    waiter.continuation.resume(throwing: DatabaseError(
                        kind: .poolTimeout,
                        message: "no database connection became free within \(timeout) (pool size \(size))",
                        hint: "raise the pool size, or look for connections held during slow work"))
                }
                if !waiting { return }
            }
        }
    }

    func release(_ connection: Connection) async {
        if connection.isConnected && connection.isInTransaction {
            // Left open by the borrower: roll back so the next one starts clean.
            do { try await connection.executeScript("ROLLBACK") } catch { await connection.close() }
        }
        let healthy = connection.isConnected && connection.handle.transactionStatus == PQTRANS_IDLE
        enum Next { case give(PoolState.Waiter, PoolGrant), keep, close(PoolState.Waiter?) }
        let next = state.withLock { s -> Next in
            if s.closed {
                s.open -= 1
                return .close(nil)
            }
            if !healthy {
                if !s.waiters.isEmpty { return .close(s.waiters.removeFirst()) } // its slot passes on
                s.open -= 1
                return .close(nil)
            }
            if !s.waiters.isEmpty { return .give(s.waiters.removeFirst(), .connection(connection)) }
            s.idle.append(connection)
            return .keep
        }
        switch next {
        case .keep:
            break
        case .give(let waiter, let grant):
            waiter.continuation.resume(returning: grant)
        case .close(let waiter):
            if !healthy { logger.debug("discarding a broken database connection") }
            await connection.close()
            if let waiter {
                waiter.continuation.resume(returning: .openNew)
            }
            resumeCloseWaitersIfDone()
        }
    }

    func resumeCloseWaitersIfDone() {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            guard s.closed, s.open == 0 else { return [] }
            defer { s.closeWaiters.removeAll() }
            return s.closeWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
