import Foundation

/// Builds the RFC 5322 / MIME bytes of an email, the same for every transport.
///
/// Structure: `text/plain` alone; `multipart/alternative` (text, then HTML) when there is HTML; and
/// `multipart/mixed` (body, then attachments) when there are attachments. Text parts are UTF-8
/// quoted-printable, attachments base64, so the message is 7-bit clean and survives any relay.
///
/// Built by hand rather than with libcurl's MIME API: the file transport needs the bytes without
/// a transfer, and the bytes are deterministic (boundaries derive from the Message-ID), so the
/// message stored in the outbox is exactly what every attempt sends.
public struct MessageRenderer: Sendable {
    /// The sender used when an email has no `from` (`MAIL_FROM`).
    public var defaultFrom: EmailAddress
    /// The zone the Date header is written in (the consortium's, America/Denver by default).
    public var timeZone: TimeZone

    /// Creates a renderer.
    public init(defaultFrom: EmailAddress, timeZone: TimeZone = TimeZone(identifier: "America/Denver") ?? .gmt) {
        self.defaultFrom = defaultFrom
        self.timeZone = timeZone
    }

    /// Validates and renders `email`.
    /// - Parameters:
    ///   - messageID: the Message-ID with angle brackets; a new `<uuid@from-domain>` when `nil`.
    ///   - date: the Date header.
    /// - Throws: ``MailError`` of kind `invalidMessage`, naming the field at fault.
    public func render(_ email: OutgoingEmail, messageID: String? = nil, date: Date = Date()) throws(MailError) -> RenderedEmail {
        let from = email.from ?? defaultFrom
        try validate(email, from: from)
        let id = messageID ?? "<\(UUID().uuidString.lowercased())@\(from.domain)>"

        var head = ""
        head += HeaderEncoding.field("Date", [RFC5322Date.format(date, in: timeZone)])
        head += HeaderEncoding.field("From", HeaderEncoding.mailbox(from))
        if let replyTo = email.replyTo { head += HeaderEncoding.field("Reply-To", HeaderEncoding.mailbox(replyTo)) }
        if !email.to.isEmpty { head += HeaderEncoding.field("To", HeaderEncoding.addressList(email.to)) }
        if !email.cc.isEmpty { head += HeaderEncoding.field("Cc", HeaderEncoding.addressList(email.cc)) }
        head += HeaderEncoding.field("Subject", HeaderEncoding.unstructured(email.subject))
        head += HeaderEncoding.field("Message-ID", [id])
        head += HeaderEncoding.field("MIME-Version", ["1.0"])

        let seed = Self.boundarySeed(id)
        var bytes = Array(head.utf8)
        appendBody(of: email, seed: seed, into: &bytes)

        var seen = Set<String>()
        let recipients = (email.to + email.cc + email.bcc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
        return RenderedEmail(messageID: id, envelopeFrom: from.address, recipients: recipients,
                             subject: email.subject, bytes: bytes)
    }

    private func validate(_ email: OutgoingEmail, from: EmailAddress) throws(MailError) {
        try from.validate(field: "from")
        if let replyTo = email.replyTo { try replyTo.validate(field: "replyTo") }
        for (field, list) in [("to", email.to), ("cc", email.cc), ("bcc", email.bcc)] {
            for (index, address) in list.enumerated() { try address.validate(field: "\(field)[\(index)]") }
        }
        if email.to.isEmpty && email.cc.isEmpty && email.bcc.isEmpty {
            throw MailError(.invalidMessage, "the email \"\(email.subject)\" has no recipient",
                            detail: "give at least one address in to, cc or bcc")
        }
        if email.subject.contains(where: \.isNewline) {
            throw MailError(.invalidMessage, "subject: contains a line break", detail: "a subject is a single line")
        }
        for (index, attachment) in email.attachments.enumerated() {
            if attachment.filename.isEmpty || attachment.filename.contains(where: { $0.isNewline || $0 == "/" }) {
                throw MailError(.invalidMessage, "attachments[\(index)].filename: \"\(attachment.filename)\" is not a file name",
                                detail: "give a non-empty name without line breaks or slashes")
            }
            let type = attachment.contentType
            let main = type.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingSpaces } ?? ""
            let parts = main.split(separator: "/")
            if parts.count != 2 || !HeaderEncoding.isPlain(type) || main.contains(" ") {
                throw MailError(.invalidMessage, "attachments[\(index)].contentType: \"\(type)\" is not a MIME type",
                                detail: "write it as type/subtype, e.g. text/csv; charset=utf-8")
            }
        }
    }

    private func appendBody(of email: OutgoingEmail, seed: String, into bytes: inout [UInt8]) {
        if email.attachments.isEmpty {
            appendAlternative(email, seed: seed, into: &bytes)
            return
        }
        let boundary = "=_wbl.mixed.\(seed)"
        bytes += Array("Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n".utf8)
        bytes += Array("This is a multipart message in MIME format.\r\n".utf8)
        bytes += Array("\r\n--\(boundary)\r\n".utf8)
        appendAlternative(email, seed: seed, into: &bytes)
        for attachment in email.attachments {
            bytes += Array("\r\n--\(boundary)\r\n".utf8)
            appendAttachment(attachment, into: &bytes)
        }
        bytes += Array("\r\n--\(boundary)--\r\n".utf8)
    }

    private func appendAlternative(_ email: OutgoingEmail, seed: String, into bytes: inout [UInt8]) {
        guard let html = email.html else {
            appendText(email.text, subtype: "plain", into: &bytes)
            return
        }
        let boundary = "=_wbl.alt.\(seed)"
        bytes += Array("Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n".utf8)
        bytes += Array("--\(boundary)\r\n".utf8)
        appendText(email.text, subtype: "plain", into: &bytes)
        bytes += Array("\r\n--\(boundary)\r\n".utf8)
        appendText(html, subtype: "html", into: &bytes)
        bytes += Array("\r\n--\(boundary)--\r\n".utf8)
    }

    private func appendText(_ text: String, subtype: String, into bytes: inout [UInt8]) {
        bytes += Array("Content-Type: text/\(subtype); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
        bytes += QuotedPrintable.encode(text)
    }

    private func appendAttachment(_ attachment: Attachment, into bytes: inout [UInt8]) {
        var head = HeaderEncoding.field("Content-Type", [attachment.contentType.trimmingSpaces])
        head += HeaderEncoding.field("Content-Disposition", ["attachment;", HeaderEncoding.parameter("filename", attachment.filename)])
        head += "Content-Transfer-Encoding: base64\r\n\r\n"
        bytes += Array(head.utf8)
        let encoded = Data(attachment.data).base64EncodedData(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        bytes += encoded
    }

    /// A short, stable hex digest of the Message-ID (FNV-1a), so boundaries are the same on every render.
    static func boundarySeed(_ messageID: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in messageID.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}
