import Foundation
import Testing
@testable import Mail

@Suite struct MessageRendererTests {
    @Test func structureHeadersAndBytesSurviveARealMIMEParser() async throws {
        let email = Samples.email(tag: "42")
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        let rendered = try Samples.renderer.render(email, date: date)
        let parsed = try await ParsedMail.parse(rendered.bytes)

        #expect(parsed.defects.isEmpty)
        #expect(parsed.parts.outline == "multipart/mixed(multipart/alternative(text/plain,text/html),text/csv,application/octet-stream)")
        #expect(parsed.max_line_length <= 78)
        #expect(parsed.bare_lf == 0)
        #expect(parsed.non_ascii_bytes == 0)

        #expect(parsed.addresses["from"] == [.init(name: "WBLMatch — Región I", address: "wblmatch@region1.example")])
        #expect(parsed.addresses["to"] == [.init(name: "Ana Peña", address: "ana.pena@clovis.example"),
                                           .init(name: "Coordinator, Region \"I\"", address: "coord@region1.example")])
        #expect(parsed.addresses["cc"] == [.init(name: "", address: "counselor@portales.example")])
        #expect(parsed.headers["bcc"] == nil)
        #expect(parsed.header("Subject") == email.subject)
        #expect(parsed.header("MIME-Version") == "1.0")
        #expect(parsed.header("Message-ID") == rendered.messageID)
        #expect(parsed.date_epoch == date.timeIntervalSince1970)
        #expect(parsed.header("Date")?.hasSuffix("-0700") == true)

        let leaves = parsed.parts.leaves
        #expect(leaves.map(\.defects) == [[], [], [], []])
        // Line breaks travel as CRLF (RFC 5322); the parser hands them back as such.
        #expect(leaves[0].text?.replacingOccurrences(of: "\r\n", with: "\n") == email.text)
        #expect(leaves[0].charset == "utf-8")
        #expect(leaves[1].text?.replacingOccurrences(of: "\r\n", with: "\n") == email.html)
        #expect(leaves[2].filename == "asignaciones-Peña.csv")
        #expect(leaves[2].disposition == "attachment")
        #expect(leaves[2].body == Samples.csv)
        #expect(leaves[3].filename == "plain.bin")
        #expect(leaves[3].body == (0..<600).map { UInt8($0 % 256) })

        #expect(rendered.envelopeFrom == "wblmatch@region1.example")
        #expect(rendered.recipients == ["ana.pena@clovis.example", "coord@region1.example", "counselor@portales.example", "archive@region1.example"])
    }

    @Test func nonASCIINamesAreEncodedWords() throws {
        let rendered = try Samples.renderer.render(OutgoingEmail(to: [EmailAddress("a@b.example", name: "Peña")], subject: "Peña", text: "x"))
        let text = String(decoding: rendered.bytes, as: UTF8.self)
        #expect(text.contains("To: =?UTF-8?B?UGXDsWE=?= <a@b.example>\r\n"))
        #expect(text.contains("Subject: =?UTF-8?B?UGXDsWE=?=\r\n"))
    }

    @Test func textOnlyAndAlternativeShapes() async throws {
        let plain = try await ParsedMail.parse(Samples.renderer.render(OutgoingEmail(to: [EmailAddress("a@b.example")], subject: "s", text: "only text")).bytes)
        #expect(plain.parts.outline == "text/plain")
        #expect(plain.parts.text == "only text")
        let alternative = try await ParsedMail.parse(Samples.renderer.render(OutgoingEmail(to: [EmailAddress("a@b.example")], subject: "s", text: "t", html: "<p>h</p>")).bytes)
        #expect(alternative.parts.outline == "multipart/alternative(text/plain,text/html)")
        #expect(alternative.defects.isEmpty)
    }

    @Test func eachRenderHasItsOwnMessageIDAndTheSameIDGivesTheSameBytes() throws {
        let email = Samples.email(tag: "same")
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        let ids = try (0..<50).map { _ in try Samples.renderer.render(email, date: date).messageID }
        #expect(Set(ids).count == 50)
        #expect(ids.allSatisfy { $0.hasPrefix("<") && $0.hasSuffix("@region1.example>") })
        let first = try Samples.renderer.render(email, messageID: "<fixed@region1.example>", date: date)
        let second = try Samples.renderer.render(email, messageID: "<fixed@region1.example>", date: date)
        #expect(first.bytes == second.bytes)
    }

    @Test(arguments: [
        (OutgoingEmail(to: [EmailAddress("not an address")], subject: "s", text: "t"), "to[0]"),
        (OutgoingEmail(to: [EmailAddress("a@b.example"), EmailAddress("x@y@z")], subject: "s", text: "t"), "to[1]"),
        (OutgoingEmail(to: [EmailAddress("a@b.example", name: "Eve\r\nBcc: victim@x.example")], subject: "s", text: "t"), "to[0]"),
        (OutgoingEmail(to: [EmailAddress("a@b.example")], subject: "Hi\r\nBcc: victim@x.example", text: "t"), "subject"),
        (OutgoingEmail(to: [], subject: "nobody", text: "t"), "no recipient"),
        (OutgoingEmail(to: [EmailAddress("a@b.example")], subject: "s", text: "t",
                       attachments: [Attachment(filename: "../x.csv", contentType: "text/csv", data: [])]), "attachments[0].filename"),
        (OutgoingEmail(to: [EmailAddress("a@b.example")], subject: "s", text: "t",
                       attachments: [Attachment(filename: "x.csv", contentType: "csv", data: [])]), "attachments[0].contentType"),
    ])
    func invalidEmailsAreRefusedNamingTheField(email: OutgoingEmail, field: String) {
        #expect {
            try Samples.renderer.render(email)
        } throws: { error in
            guard let error = error as? MailError else { return false }
            return error.kind == .invalidMessage && error.message.contains(field)
        }
    }

    @Test func mailFromParses() throws {
        let address = try EmailAddress(parsing: "\"WBLMatch Región I\" <wbl@region1.example>")
        #expect(address == EmailAddress("wbl@region1.example", name: "WBLMatch Región I"))
        #expect(try EmailAddress(parsing: " wbl@region1.example ") == EmailAddress("wbl@region1.example"))
        #expect(throws: MailError.self) { try EmailAddress(parsing: "WBLMatch <nope>") }
    }
}
