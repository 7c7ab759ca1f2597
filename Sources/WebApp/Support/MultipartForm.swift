import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578): enough for a file upload form with a
/// few text fields. Parts are kept as bytes; `text(_:)` decodes a field as UTF-8.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var fileName: String?
        var body: [UInt8]
    }

    var parts: [Part]

    /// Parses `body` for the boundary given in `contentType`; nil when it is not multipart.
    init?(contentType: String, body: [UInt8]) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let range = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[range.upperBound...]).split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Part] = []
        var starts: [Int] = []
        var i = 0
        while let found = Self.find(delimiter, in: body, from: i) {
            starts.append(found)
            i = found + delimiter.count
        }
        guard starts.count >= 2 else { return nil }
        for (a, b) in zip(starts, starts.dropFirst()) {
            var start = a + delimiter.count
            if body.count >= start + 2, body[start] == 13, body[start + 1] == 10 { start += 2 } else { continue }
            var end = b
            if end >= 2, body[end - 2] == 13, body[end - 1] == 10 { end -= 2 }
            guard end >= start, let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: Array(body[start..<end]), from: 0) else { continue }
            let headerText = String(decoding: body[start..<(start + headerEnd)], as: UTF8.self)
            let content = Array(body[(start + headerEnd + 4)..<end])
            var name: String?
            var fileName: String?
            for line in headerText.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: line)
                fileName = Self.parameter("filename", in: line)
            }
            if let name { parts.append(Part(name: name, fileName: fileName, body: content)) }
        }
        self.parts = parts
    }

    /// The first part named `name`.
    subscript(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The first part named `name` as UTF-8 text.
    func text(_ name: String) -> String? { self[name].map { String(decoding: $0.body, as: UTF8.self) } }

    /// The value of `key="value"` among the `;`-separated parameters of a header line.
    static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(trimmed.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
