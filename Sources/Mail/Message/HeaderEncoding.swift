import Foundation

/// Header field encoding: RFC 2047 encoded-words for non-ASCII text, RFC 5322 mailboxes,
/// RFC 2231 parameters, and folding of long lines.
enum HeaderEncoding {
    /// UTF-8 bytes per encoded-word: 30 bytes → 40 base64 characters → a 52-character word,
    /// which keeps even `Subject: ` plus the first word under 78 characters.
    private static let bytesPerWord = 30

    /// Whether `text` can go into a header as it is (printable ASCII, nothing that looks like an encoded-word).
    static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 32 && $0 < 127 } && !text.contains("=?")
    }

    /// Encodes unstructured text (a subject): as is when plain, else as `=?UTF-8?B?…?=` words.
    /// Words are split on character boundaries so no UTF-8 sequence is cut.
    static func unstructured(_ text: String) -> [String] {
        if isPlain(text) { return text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) }
        return encodedWords(text)
    }

    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(character.utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > bytesPerWord {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// A mailbox for From/To/Cc: `addr`, `"Quoted, Name" <addr>` or `=?UTF-8?B?…?= <addr>`.
    static func mailbox(_ mailbox: EmailAddress) -> [String] {
        guard let name = mailbox.name, !name.isEmpty else { return [mailbox.address] }
        let angle = "<\(mailbox.address)>"
        if isPlain(name) {
            let atext = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")
            if name.unicodeScalars.allSatisfy(atext.contains) {
                return name.split(separator: " ").map(String.init) + [angle]
            }
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return ["\"\(escaped)\"", angle]
        }
        return encodedWords(name) + [angle]
    }

    /// An address list for To/Cc: mailboxes separated by commas.
    static func addressList(_ list: [EmailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, address) in list.enumerated() {
            var words = mailbox(address)
            if index < list.count - 1 { words[words.count - 1] += "," }
            tokens += words
        }
        return tokens
    }

    /// A parameter `name="value"`, or `name*=UTF-8''percent-encoded` (RFC 2231) when not plain ASCII.
    static func parameter(_ name: String, _ value: String) -> String {
        if isPlain(value) && !value.contains("\"") && !value.contains("\\") {
            return "\(name)=\"\(value)\""
        }
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        var encoded = ""
        for byte in value.utf8 {
            if unreserved.contains(byte) { encoded.append(Character(UnicodeScalar(byte))) }
            else { encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
        }
        return "\(name)*=UTF-8''\(encoded)"
    }

    /// One header field, folded at spaces between tokens so lines stay under 78 characters
    /// where the tokens allow (a single token is never split).
    static func field(_ name: String, _ tokens: [String]) -> String {
        var line = "\(name):"
        var width = line.count
        for token in tokens {
            if width + 1 + token.count > 78, width > name.count + 1 {
                line += "\r\n "
                width = 1
            } else {
                line += " "
                width += 1
            }
            line += token
            width += token.count
        }
        return line + "\r\n"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
