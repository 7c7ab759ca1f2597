import Foundation
@testable import Mail

/// The real SMTP server of the tests (aiosmtpd via scripts/smtp) and the Maildir it writes.
///
/// `scripts/test` starts the shared one and exports SMTP_TEST_URL and SMTP_TEST_MAILDIR; when they
/// are unset (a plain `swift test`), the shared server is started here. A server that cannot be
/// started fails the test that needs it.
struct SMTPTestServer: Sendable {
    var name: String
    var url: String
    var maildir: URL

    /// The shared server, used by tests in parallel: each test finds its own messages by Message-ID.
    static func shared() async throws -> SMTPTestServer {
        let env = ProcessInfo.processInfo.environment
        if let url = env["SMTP_TEST_URL"], !url.isEmpty, let maildir = env["SMTP_TEST_MAILDIR"], !maildir.isEmpty {
            return SMTPTestServer(name: "default", url: url, maildir: URL(fileURLWithPath: maildir))
        }
        return try await start(name: "default")
    }

    /// Starts (or finds running) the server called `name`, private to a test that stops it.
    static func start(name: String) async throws -> SMTPTestServer {
        let url = try await Command.run("scripts/smtp", ["start", name])
        let maildir = try await Command.run("scripts/smtp", ["maildir", name])
        return SMTPTestServer(name: name, url: url, maildir: URL(fileURLWithPath: maildir))
    }

    func start() async throws { try await Command.run("scripts/smtp", ["start", name]) }
    func stop() async throws { try await Command.run("scripts/smtp", ["stop", name]) }

    /// Stops a private server and removes its state folder.
    func destroy() async throws {
        try await stop()
        try? FileManager.default.removeItem(at: maildir.deletingLastPathComponent())
    }

    var configuration: SMTPConfiguration {
        get throws { try SMTPConfiguration(url: url) }
    }

    /// Every received message (trace lines included) whose headers carry `messageID`.
    func received(messageID: String) throws -> [ReceivedMail] {
        let folder = maildir.appendingPathComponent("new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let needle = Array("Message-ID: \(messageID)\r\n".utf8)
        return try names.sorted().compactMap { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let bytes = [UInt8](data)
            guard bytes.firstRange(of: needle) != nil else { return nil }
            return ReceivedMail(file: folder.appendingPathComponent(name), bytes: bytes)
        }
    }
}

/// One message as the SMTP server stored it.
struct ReceivedMail: Sendable {
    var file: URL
    /// The stored bytes: `Return-Path` and `X-Envelope-To` trace lines, then the message as received.
    var bytes: [UInt8]

    /// The message without the two trace lines the server prepends.
    var message: [UInt8] {
        var rest = bytes[...]
        for _ in 0..<2 {
            guard let end = rest.firstRange(of: [13, 10]) else { break }
            rest = rest[end.upperBound...]
        }
        return Array(rest)
    }

    /// The envelope recipients the server recorded.
    var envelopeRecipients: [String] {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard let line = text.split(separator: "\r\n").first(where: { $0.hasPrefix("X-Envelope-To: ") }) else { return [] }
        return line.dropFirst("X-Envelope-To: ".count).split(separator: ", ").map { String($0.dropFirst().dropLast()) }
    }
}
