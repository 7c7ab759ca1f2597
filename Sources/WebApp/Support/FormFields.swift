/// The fields of an `application/x-www-form-urlencoded` body, in order, repeated keys kept.
public struct FormFields: Sendable {
    /// Every (name, value) pair, percent-decoded, `+` read as a space.
    public var pairs: [(name: String, value: String)]

    /// Parses `body`; a pair that is not valid percent-encoding (or not UTF-8 once decoded) is dropped.
    public init(_ body: String) {
        pairs = []
        for part in body.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = part.firstIndex(of: UInt8(ascii: "="))
            let name = part[..<(equals ?? part.endIndex)]
            let value = equals.map { part[part.index(after: $0)...] } ?? part[part.endIndex...]
            guard let name = Self.decode(name), let value = Self.decode(value) else { continue }
            pairs.append((name, value))
        }
    }

    /// Percent-decoding byte by byte, `+` as a space (Foundation's `removingPercentEncoding` went
    /// through NSString and was a tenth of a choices submission's CPU); nil for a malformed escape
    /// or bytes that are not UTF-8.
    static func decode(_ bytes: Substring.UTF8View) -> String? {
        if !bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) {
            return String(Substring(bytes))
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            i = bytes.index(after: i)
            switch byte {
            case UInt8(ascii: "+"):
                decoded.append(32)
            case UInt8(ascii: "%"):
                guard i < bytes.endIndex, let high = hexValue(bytes[i]) else { return nil }
                i = bytes.index(after: i)
                guard i < bytes.endIndex, let low = hexValue(bytes[i]) else { return nil }
                i = bytes.index(after: i)
                decoded.append(high << 4 | low)
            default:
                decoded.append(byte)
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The first value named `name`.
    public subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value named `name`, in order.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }
}
