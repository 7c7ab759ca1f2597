import Glibc
import Foundation
import Testing
@testable import Mail

/// SMTPTransport against the real aiosmtpd server of scripts/smtp.
@Suite struct SMTPTransportTests {
    @Test func deliversTheExactBytesWhichARealParserReads() async throws {
        let server = try await SMTPTestServer.shared()
        let rendered = try Samples.renderer.render(Samples.email())
        try await SMTPTransport(configuration: server.configuration).send(rendered)

        let received = try server.received(messageID: rendered.messageID)
        try #require(received.count == 1)
        #expect(received[0].message == rendered.bytes)
        #expect(Set(received[0].envelopeRecipients) == Set(rendered.recipients))
        #expect(received[0].envelopeRecipients.contains("archive@region1.example"))

        let parsed = try await ParsedMail.parse(received[0].message)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.headers["bcc"] == nil)
        #expect(parsed.addresses["to"]?.first?.name == "Ana Peña")
        #expect(parsed.parts.leaves[0].text?.contains("\r\n.a line starting with a dot\r\n") == true)
        #expect(parsed.parts.leaves[2].filename == "asignaciones-Peña.csv")
        #expect(parsed.parts.leaves[2].body == Samples.csv)
    }

    @Test func logsInWithCredentialsFromTheURLAndReportsAWrongPassword() async throws {
        let server = try await SMTPTestServer.shared()
        let port = try server.configuration.port
        let good = try SMTPConfiguration(url: "smtp://wblmatch:smtp-test-password@127.0.0.1:\(port)?tls=none")
        let rendered = try Samples.renderer.render(OutgoingEmail(to: [EmailAddress("auth@wbl.example")], subject: "login", text: "x"))
        try await SMTPTransport(configuration: good).send(rendered)
        #expect(try server.received(messageID: rendered.messageID).count == 1)

        let bad = try SMTPConfiguration(url: "smtp://wblmatch:wrong@127.0.0.1:\(port)?tls=none")
        let refused = try Samples.renderer.render(OutgoingEmail(to: [EmailAddress("auth@wbl.example")], subject: "login", text: "x"))
        await #expect {
            try await SMTPTransport(configuration: bad).send(refused)
        } throws: { error in
            let error = try #require(error as? MailError)
            return error.kind == .configuration && error.message.contains("refused the login") && error.replyCode == 535
                && !error.description.contains("wrong")
        }
        #expect(try server.received(messageID: refused.messageID).isEmpty)
    }

    @Test func requiresSTARTTLSUnlessTheURLSaysTLSNone() async throws {
        let server = try await SMTPTestServer.shared()
        let port = try server.configuration.port
        let strict = try SMTPConfiguration(url: "smtp://127.0.0.1:\(port)")
        let rendered = try Samples.renderer.render(OutgoingEmail(to: [EmailAddress("tls@wbl.example")], subject: "tls", text: "x"))
        await #expect {
            try await SMTPTransport(configuration: strict).send(rendered)
        } throws: { error in
            let error = try #require(error as? MailError)
            return error.kind == .configuration && error.message.contains("STARTTLS") && error.detail?.contains("tls=none") == true
        }
        #expect(try server.received(messageID: rendered.messageID).isEmpty)
    }

    @Test func permanentAndTemporaryRefusalsAreClassified() async throws {
        let server = try await SMTPTestServer.shared()
        let transport = try SMTPTransport(configuration: server.configuration)
        let rejected = try Samples.renderer.render(OutgoingEmail(to: [EmailAddress("reject.me@wbl.example")], subject: "r", text: "x"))
        await #expect {
            try await transport.send(rejected)
        } throws: { error in
            let error = try #require(error as? MailError)
            return error.kind == .rejected && error.replyCode == 550 && !error.isRetryable
        }
        let deferred = try Samples.renderer.render(OutgoingEmail(to: [EmailAddress("defer.me@wbl.example")], subject: "d", text: "x"))
        await #expect {
            try await transport.send(deferred)
        } throws: { error in
            let error = try #require(error as? MailError)
            return error.kind == .temporaryFailure && error.replyCode == 451 && error.isRetryable
        }
    }

    @Test func aStoppedServerIsUnavailableAndTheConnectTimeoutHolds() async throws {
        let server = try await SMTPTestServer.start(name: "transport-down-\(UUID().uuidString.prefix(8))")
        let configuration = try server.configuration
        try await server.destroy()
        let rendered = try Samples.renderer.render(OutgoingEmail(to: [EmailAddress("a@wbl.example")], subject: "s", text: "x"))
        await #expect {
            try await SMTPTransport(configuration: configuration).send(rendered)
        } throws: { error in
            let error = try #require(error as? MailError)
            return error.kind == .unavailable && error.isServerUnavailable && error.isRetryable
        }
        // A server that accepts the connection and never greets must give up at the timeout, not hang.
        // (A local listener that never answers: tests send traffic to this machine only.)
        let silent = try SilentListener()
        defer { silent.close() }
        let blackHole = try SMTPConfiguration(url: "smtp://127.0.0.1:\(silent.port)?tls=none&connect_timeout=1&timeout=2")
        let clock = ContinuousClock()
        let started = clock.now
        await #expect(throws: MailError.self) { try await SMTPTransport(configuration: blackHole).send(rendered) }
        #expect(clock.now - started < .seconds(10))
    }
}

/// A TCP listener on 127.0.0.1 that never accepts or answers: the kernel completes the handshake, and
/// the client then waits for a greeting that never comes.
final class SilentListener: @unchecked Sendable {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { Glibc.close(fd); throw MailError(.configuration, "cannot open a local test listener") }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { Glibc.close(fd) }
}
