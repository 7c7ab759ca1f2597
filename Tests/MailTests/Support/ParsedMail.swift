import Foundation

/// A message as Python's `email` package (a real, independent MIME parser) reads it.
/// Produced by scripts/smtp.d/parse_mail.py.
struct ParsedMail: Decodable, Sendable {
    struct Address: Decodable, Sendable, Equatable {
        var name: String
        var address: String
    }

    struct Part: Decodable, Sendable {
        var content_type: String
        var charset: String?
        var filename: String?
        var disposition: String?
        var transfer_encoding: String?
        var defects: [String]
        var children: [Part]?
        var body_base64: String?
        var text: String?

        var body: [UInt8] { body_base64.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) } ?? [] }
        /// The parts' content types as a nested outline, e.g. `multipart/mixed(multipart/alternative(text/plain,text/html),text/csv)`.
        var outline: String {
            guard let children else { return content_type }
            return "\(content_type)(\(children.map(\.outline).joined(separator: ",")))"
        }
        var leaves: [Part] { children.map { $0.flatMap(\.leaves) } ?? [self] }
    }

    var headers: [String: [String]]
    var addresses: [String: [Address]]
    var date_epoch: Double?
    var defects: [String]
    var parts: Part
    var max_line_length: Int
    var bare_lf: Int
    var non_ascii_bytes: Int

    func header(_ name: String) -> String? { headers[name.lowercased()]?.first }

    static func parse(_ bytes: [UInt8]) async throws -> ParsedMail {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wbl-mail-\(UUID().uuidString).eml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try await Command.run("/usr/bin/python3", [Command.root.appendingPathComponent("scripts/smtp.d/parse_mail.py").path, file.path])
        return try JSONDecoder().decode(ParsedMail.self, from: Data(json.utf8))
    }
}
