/// Quoted-printable transfer encoding (RFC 2045 §6.7) of UTF-8 text, with CRLF line breaks.
///
/// Line breaks in the input (LF, CRLF or CR) become CRLF hard breaks; every encoded line is at
/// most 76 characters, using soft breaks (`=` CRLF). The output never contains `=_`, which keeps
/// it apart from the renderer's boundaries.
enum QuotedPrintable {
    private static let hex = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var previousCR = false
        for byte in text.utf8 {
            if byte == 10 {
                if !previousCR { lines.append(current); current = [] }
                previousCR = false
            } else if byte == 13 {
                lines.append(current); current = []
                previousCR = true
            } else {
                current.append(byte)
                previousCR = false
            }
        }
        lines.append(current)
        for (index, line) in lines.enumerated() {
            if index > 0 { out += [13, 10] }
            encodeLine(line, into: &out)
        }
        return out
    }

    private static func encodeLine(_ line: [UInt8], into out: inout [UInt8]) {
        var width = 0
        for (index, byte) in line.enumerated() {
            let isLast = index == line.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 32 || byte == 9) && !isLast)
            let size = literal ? 1 : 3
            // Keep room for the soft-break '=' unless this is the line's last piece.
            let limit = isLast ? 76 : 75
            if width + size > limit {
                out += [UInt8(ascii: "="), 13, 10]
                width = 0
            }
            if literal {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
            width += size
        }
    }
}
