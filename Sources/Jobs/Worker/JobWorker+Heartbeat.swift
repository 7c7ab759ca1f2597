/// Heartbeats: while a job runs (or its outcome waits to be written), its row's `heartbeat_at` is
/// refreshed, so the rescuer leaves it alone. The reply also carries operators' cancel requests and
/// tells the worker when a job was taken from it.
extension JobWorker {
    func heartbeatLoop() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: configuration.heartbeatInterval) } catch { return }
            await beat()
        }
    }

    func beat() async {
        let running = state.withLock { Set($0.running.keys) }
        let ids = running.union(await writer.pendingIDs)
        guard !ids.isEmpty else { return }
        do {
            let held = try await driver.heartbeat(ids: Array(ids), worker: configuration.workerID)
            for id in running {
                switch held[id] {
                case nil: cancel(id, reason: .lost)
                case true?: cancel(id, reason: .operatorRequest)
                case false?: break
                }
            }
        } catch {
            logger.warning("cannot send heartbeats; will retry", metadata: ["error": "\(error)", "jobs": "\(ids.count)"])
        }
    }
}
