import Database
import Foundation
import Jobs
import Testing
import TestSupport
@testable import Mail

/// `mail.send` run by a real job worker against the real PostgreSQL and SMTP server.
@Suite struct MailJobsTests {
    @Test func aWorkerRunningMailSendDeliversTheOutbox() async throws {
        let server = try await SMTPTestServer.shared()
        try await TestDatabase.with { db in
            let queued = try await db.pool.withTransaction { conn in
                try await (1...3).asyncMap { try await Samples.outbox.enqueue(Samples.simple("job\($0)@wbl.example", "job \($0)"), on: conn) }
            }
            var registry = JobRegistry()
            let sender = OutboxSender(pool: db.pool, transport: SMTPTransport(configuration: try server.configuration))
            try MailJobs.register(in: &registry, sender: sender)
            #expect(registry.kindNames == ["mail.send"])
            #expect(registry.schedules.map(\.name) == ["mail-send"])

            let job = try await JobQueue(pool: db.pool, registry: registry).enqueue(kind: MailJobs.kind)
            var configuration = JobWorkerConfiguration()
            configuration.pollInterval = .milliseconds(100)
            configuration.heartbeatInterval = .milliseconds(200)
            let worker = JobWorker(pool: db.pool, registry: registry, configuration: configuration)
            let task = Task { try await worker.run() }
            var state = ""
            for _ in 0..<100 {
                state = try await JobAdmin(pool: db.pool).show(job.id).state.rawValue
                if state == "completed" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            worker.beginShutdown(grace: .seconds(5))
            try await task.value
            #expect(state == "completed")
            let rows = try await OutboxRow.all(db.pool)
            #expect(rows.map(\.state) == ["sent", "sent", "sent"])
            for email in queued { #expect(try server.received(messageID: email.messageID).count == 1) }
        }
    }
}
