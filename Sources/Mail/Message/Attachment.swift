/// A file attached to an email (e.g. the CSV of all assignments).
public struct Attachment: Sendable, Hashable, Codable {
    /// The file name the recipient sees; any text ("asignaciones-Peña.csv"), encoded per RFC 2231.
    public var filename: String
    /// The MIME type with optional parameters, e.g. `text/csv; charset=utf-8`.
    public var contentType: String
    /// The file's bytes, sent base64-encoded and arriving unchanged.
    public var data: [UInt8]

    /// Creates an attachment.
    public init(filename: String, contentType: String, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}
