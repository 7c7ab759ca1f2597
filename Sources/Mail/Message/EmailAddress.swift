/// A mailbox: an address with an optional display name ("Ana Peña <ana@example.org>").
///
/// The address itself must be plain ASCII (`local@domain`, no spaces or angle brackets); the display
/// name may be any text and is RFC 2047-encoded in headers when it is not plain ASCII.
public struct EmailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The display name, e.g. "Ana Peña"; `nil` or empty for a bare address.
    public var name: String?
    /// The addr-spec, e.g. "ana@example.org".
    public var address: String

    /// Creates a mailbox. Validation happens when the message is rendered (``MessageRenderer``),
    /// so the error can name the header the address belongs to.
    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// Parses "Name <addr@host>" or a bare "addr@host", as in `MAIL_FROM`.
    ///
    /// ```swift
    /// let from = try EmailAddress(parsing: "WBLMatch <wblmatch@region1.example>")
    /// ```
    public init(parsing text: String) throws(MailError) {
        let trimmed = text.trimmingSpaces
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            var name = String(trimmed[..<open]).trimmingSpaces
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast())
            }
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            self.init(address, name: name.isEmpty ? nil : name)
        } else {
            self.init(trimmed)
        }
        try validate(field: "address \"\(text)\"")
    }

    /// The domain part of the address ("example.org"), used for Message-IDs.
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "localhost" }
        return String(address[address.index(after: at)...])
    }

    public var description: String {
        if let name, !name.isEmpty { return "\(name) <\(address)>" }
        return address
    }

    /// Checks that the address is usable on an SMTP envelope and in a header.
    /// - Parameter field: where the address came from, named in the error ("to[1]").
    public func validate(field: String) throws(MailError) {
        let bytes = Array(address.utf8)
        let at = bytes.lastIndex(of: UInt8(ascii: "@"))
        let forbidden: Set<UInt8> = [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","),
                                      UInt8(ascii: ";"), UInt8(ascii: "\""), UInt8(ascii: "\\")]
        guard let at, at > 0, at < bytes.count - 1,
              bytes.allSatisfy({ $0 > 32 && $0 < 127 && !forbidden.contains($0) }),
              bytes.firstIndex(of: UInt8(ascii: "@")) == at
        else {
            throw MailError(.invalidMessage, "\(field): \"\(address)\" is not an email address",
                            detail: "write it as local@domain in plain ASCII, without spaces, quotes or angle brackets")
        }
        if let name, name.contains(where: \.isNewline) {
            throw MailError(.invalidMessage, "\(field): the display name contains a line break",
                            detail: "names in headers must be a single line")
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
