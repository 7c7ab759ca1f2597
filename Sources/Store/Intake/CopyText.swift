import Intake

/// Formats normalized intake rows as COPY text (tab-separated, `\N` for NULL, backslash escapes),
/// one leading `line` column, into byte buffers.
enum CopyText {
    /// Appends one row (line number first) to `buffer`.
    static func append(_ row: IntakeRow, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(row.line).utf8)
        for value in row.values {
            buffer.append(9)
            guard let value else { buffer.append(contentsOf: [92, 78]); continue }
            for byte in value.utf8 {
                switch byte {
                case 92: buffer.append(contentsOf: [92, 92])
                case 9: buffer.append(contentsOf: [92, 116])
                case 10: buffer.append(contentsOf: [92, 110])
                case 13: buffer.append(contentsOf: [92, 114])
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(10)
    }
}
