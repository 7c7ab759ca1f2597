import Foundation
import Testing
@testable import Mail

@Suite struct QuotedPrintableTests {
    /// A plain decoder (RFC 2045 §6.7), written independently of the encoder, for the property test.
    static func decode(_ encoded: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 65...70: byte - 55
            default: nil
            }
        }
        while index < encoded.count {
            let byte = encoded[index]
            if byte == UInt8(ascii: "="), index + 2 < encoded.count, encoded[index + 1] == 13, encoded[index + 2] == 10 {
                index += 3
            } else if byte == UInt8(ascii: "="), index + 2 < encoded.count, let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else if byte == 13, index + 1 < encoded.count, encoded[index + 1] == 10 {
                out.append(10)
                index += 2
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func randomTextRoundTripsWithinLineLimits() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = Array("abc XYZ=._-\t\nñéü€✓😀\"'<>") + ["\r\n"]
        for _ in 0..<500 {
            let length = Int.random(in: 0..<400, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let encoded = QuotedPrintable.encode(text)
            let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
            #expect(Self.decode(encoded) == normalized, "text: \(text.debugDescription)")
            let lines = encoded.split(separator: 10, omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= 77 })  // 76 characters plus the CR
            #expect(encoded.allSatisfy { $0 < 128 })
            #expect(encoded.firstRange(of: Array("=_".utf8)) == nil)
            // No line ends in a bare space or tab (relays strip them).
            #expect(lines.allSatisfy { line in
                let content = line.last == 13 ? line.dropLast() : line[...]
                return content.last != 32 && content.last != 9
            })
        }
    }
}
