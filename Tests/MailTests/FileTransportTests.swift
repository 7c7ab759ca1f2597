import Foundation
import Testing
@testable import Mail

@Suite struct FileTransportTests {
    @Test func writesTheSameBytesAsSMTPAndOneFilePerMessageID() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wbl-outbox-\(UUID().uuidString)/nested")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let transport = FileTransport(directory: folder.path)
        let rendered = try Samples.renderer.render(Samples.email())
        try await transport.send(rendered)
        try await transport.send(rendered)

        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == [transport.fileURL(for: rendered).lastPathComponent])
        #expect(names.first?.hasSuffix("@region1.example.eml") == true)
        let bytes = try [UInt8](Data(contentsOf: transport.fileURL(for: rendered)))
        #expect(bytes == rendered.bytes)

        // The same rendered email through SMTP arrives byte for byte as the file holds it.
        let server = try await SMTPTestServer.shared()
        try await SMTPTransport(configuration: server.configuration).send(rendered)
        #expect(try server.received(messageID: rendered.messageID).first?.message == bytes)
    }

    @Test func anUnwritableFolderIsAConfigurationError() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wbl-not-a-folder-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let rendered = try Samples.renderer.render(OutgoingEmail(to: [EmailAddress("a@b.example")], subject: "s", text: "x"))
        await #expect {
            try await FileTransport(directory: file.path).send(rendered)
        } throws: { error in
            (error as? MailError)?.kind == .configuration && (error as? MailError)?.detail?.contains("OUTBOX_DIR") == true
        }
    }
}
