import Database
import Foundation
import Testing
import TestSupport
@testable import Mail

/// The outbox against a real PostgreSQL (TestDatabase) and the real SMTP server of scripts/smtp.
@Suite struct OutboxTests {
    @Test func anEmailExistsExactlyWhenTheCallersTransactionCommits() async throws {
        try await TestDatabase.with { db in
            struct RunFailed: Error {}
            await #expect(throws: RunFailed.self) {
                try await db.pool.withTransaction { conn in
                    try await Samples.outbox.enqueue(Samples.simple("a@wbl.example", "rolled back"), on: conn)
                    throw RunFailed()
                }
            }
            #expect(try await OutboxRow.all(db.pool).isEmpty)

            let queued = try await db.pool.withTransaction { conn in
                try await Samples.outbox.enqueue(Samples.email(), on: conn)
            }
            let rows = try await OutboxRow.all(db.pool)
            #expect(rows.map(\.messageID) == [queued.messageID])
            #expect(rows[0].state == "queued" && rows[0].attempts == 0 && rows[0].lastError == nil)
            let parsed = try await ParsedMail.parse(rows[0].message)
            #expect(parsed.header("Message-ID") == queued.messageID)
            #expect(parsed.parts.leaves[2].body == Samples.csv)
        }
    }

    @Test func anInvalidEmailIsRefusedAndWritesNothing() async throws {
        try await TestDatabase.with { db in
            let refusal = await #expect(throws: MailError.self) {
                try await db.pool.withTransaction { conn in
                    try await Samples.outbox.enqueue(Samples.simple("a@wbl.example", "fine"), on: conn)
                    try await Samples.outbox.enqueue(OutgoingEmail(to: [EmailAddress("no-at-sign")], subject: "s", text: "t"), on: conn)
                }
            }
            let namesField = refusal?.message.contains("to[0]") ?? false
            #expect(refusal?.kind == .invalidMessage)
            #expect(namesField)
            let rows = try await OutboxRow.all(db.pool)
            #expect(rows.isEmpty)
        }
    }

    @Test func deliversDueEmailsThroughSMTPOnceEach() async throws {
        let server = try await SMTPTestServer.shared()
        try await TestDatabase.with { db in
            let queued = try await db.pool.withTransaction { conn in
                [try await Samples.outbox.enqueue(Samples.email(), on: conn),
                 try await Samples.outbox.enqueue(Samples.simple("b@wbl.example", "second"), on: conn)]
            }
            let sender = OutboxSender(pool: db.pool, transport: SMTPTransport(configuration: try server.configuration))
            let report = try await sender.deliverDue(limit: 10)
            #expect(report.sent == queued.map(\.messageID))
            #expect(report.retrying.isEmpty && report.failed.isEmpty && report.postponed == 0)
            #expect(try await sender.deliverDue(limit: 10).attempted == 0)

            let rows = try await OutboxRow.all(db.pool)
            #expect(rows.map(\.state) == ["sent", "sent"] && rows.map(\.attempts) == [1, 1])
            for (row, email) in zip(rows, queued) {
                let received = try server.received(messageID: email.messageID)
                try #require(received.count == 1)
                #expect(received[0].message == row.message)
            }
            let first = try await ParsedMail.parse(try server.received(messageID: queued[0].messageID)[0].message)
            #expect(first.parts.outline == "multipart/mixed(multipart/alternative(text/plain,text/html),text/csv,application/octet-stream)")
            #expect(first.addresses["to"]?.first == .init(name: "Ana Peña", address: "ana.pena@clovis.example"))
            #expect(first.parts.leaves[2].filename == "asignaciones-Peña.csv" && first.parts.leaves[2].body == Samples.csv)
        }
    }

    @Test func whileSMTPIsDownEmailsStayQueuedWithTheErrorThenEachIsDeliveredOnce() async throws {
        let server = try await SMTPTestServer.start(name: "outbox-outage-\(UUID().uuidString.prefix(8))")
        do {
            try await outage(server)
        } catch {
            try? await server.destroy()
            throw error
        }
        try await server.destroy()
    }

    private func outage(_ server: SMTPTestServer) async throws {
        try await TestDatabase.with { db in
            let queued = try await db.pool.withTransaction { conn in
                try await (1...3).asyncMap { try await Samples.outbox.enqueue(Samples.simple("c\($0)@wbl.example", "outage \($0)"), on: conn) }
            }
            // Backoff long enough that a slow machine still checks "not yet due" inside it.
            let policy = MailRetryPolicy(initialDelay: .seconds(5), maximumDelay: .seconds(5))
            let sender = OutboxSender(pool: db.pool, transport: SMTPTransport(configuration: try server.configuration), policy: policy)

            try await server.stop()
            let down = try await sender.deliverDue(limit: 10)
            #expect(down.sent.isEmpty && down.failed.isEmpty)
            #expect(down.retrying == [queued[0].messageID] && down.postponed == 2)
            var rows = try await OutboxRow.all(db.pool)
            #expect(rows.map(\.state) == ["queued", "queued", "queued"])
            #expect(rows.map(\.attempts) == [1, 0, 0])
            #expect(rows.allSatisfy { $0.lastError?.contains("mail unavailable: could not deliver") == true })
            for email in queued { #expect(try await OutboxRow.notYetDue(db.pool, email.messageID)) }

            // Backing off: an immediate second pass tries nothing (no attempt is counted).
            #expect(try await sender.deliverDue(limit: 10).attempted == 0)
            #expect(try await OutboxRow.all(db.pool).map(\.attempts) == [1, 0, 0])

            try await server.start()
            var waited = 0
            while try await queued.asyncMap({ try await OutboxRow.notYetDue(db.pool, $0.messageID) }).contains(true) {
                try await Task.sleep(for: .milliseconds(100))
                waited += 1
                try #require(waited < 200, "the backoff should end within 20 s")
            }
            let up = try await sender.deliverDue(limit: 10)
            #expect(Set(up.sent) == Set(queued.map(\.messageID)) && up.retrying.isEmpty)
            #expect(try await sender.deliverDue(limit: 10).attempted == 0)
            rows = try await OutboxRow.all(db.pool)
            #expect(rows.map(\.state) == ["sent", "sent", "sent"])
            #expect(rows.map(\.attempts) == [2, 1, 1])
            for email in queued { #expect(try server.received(messageID: email.messageID).count == 1) }
        }
    }

    @Test func concurrentSendersNeverDeliverAnEmailTwice() async throws {
        let server = try await SMTPTestServer.shared()
        try await TestDatabase.with(poolSize: 6) { db in
            let queued = try await db.pool.withTransaction { conn in
                try await (1...24).asyncMap { try await Samples.outbox.enqueue(Samples.simple("d\($0)@wbl.example", "parallel \($0)"), on: conn) }
            }
            let transport = SMTPTransport(configuration: try server.configuration)
            let reports = try await withThrowingTaskGroup(of: DeliveryReport.self) { group in
                for _ in 0..<4 { group.addTask { try await OutboxSender(pool: db.pool, transport: transport).deliverDue(limit: 100) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let sent = reports.flatMap(\.sent)
            #expect(sent.count == 24 && Set(sent) == Set(queued.map(\.messageID)))
            #expect(reports.filter { !$0.sent.isEmpty }.count >= 2, "the senders should have shared the work")
            for email in queued { #expect(try server.received(messageID: email.messageID).count == 1) }
        }
    }

    @Test func aPermanentlyRefusedEmailFailsAfterItsAttemptsWithoutBlockingOthers() async throws {
        let server = try await SMTPTestServer.shared()
        try await TestDatabase.with { db in
            let (refused, fine) = try await db.pool.withTransaction { conn in
                (try await Samples.outbox.enqueue(Samples.simple("reject.nobody@wbl.example", "refused"), on: conn),
                 try await Samples.outbox.enqueue(Samples.simple("e@wbl.example", "fine"), on: conn))
            }
            // The retry delay is long enough that one pass does not reach the refused email twice (a slow
            // machine can spend well over 100 ms sending the other one), short enough to wait for.
            let policy = MailRetryPolicy(initialDelay: .seconds(2), maximumDelay: .seconds(2), attemptsBeforeGivingUp: 2)
            let sender = OutboxSender(pool: db.pool, transport: SMTPTransport(configuration: try server.configuration), policy: policy)
            let first = try await sender.deliverDue(limit: 10)
            #expect(first.retrying == [refused.messageID] && first.sent == [fine.messageID])
            var failed = first.failed
            for _ in 0..<60 where failed.isEmpty {
                try await Task.sleep(for: .milliseconds(250))
                failed += try await sender.deliverDue(limit: 10).failed
            }
            #expect(failed == [refused.messageID])
            let rows = try await OutboxRow.all(db.pool)
            #expect(rows[0].state == "failed" && rows[0].attempts == 2 && rows[0].lastError?.contains("SMTP 550") == true)
            #expect(rows[1].state == "sent")
            #expect(try server.received(messageID: refused.messageID).isEmpty)
        }
    }

    @Test func theFileTransportIsADropInForTheSender() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wbl-outbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestDatabase.with { db in
            let queued = try await db.pool.withTransaction { conn in try await Samples.outbox.enqueue(Samples.email(), on: conn) }
            let transport = FileTransport(directory: folder.path)
            let report = try await OutboxSender(pool: db.pool, transport: transport).deliverDue()
            #expect(report.sent == [queued.messageID])
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files.count == 1 && files[0].hasSuffix(".eml"))
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(files[0])))
            #expect(bytes == (try await OutboxRow.all(db.pool))[0].message)
        }
    }
}

extension Sequence where Element: Sendable {
    func asyncMap<T>(isolation: isolated (any Actor)? = #isolation, _ transform: (Element) async throws -> T) async throws -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
