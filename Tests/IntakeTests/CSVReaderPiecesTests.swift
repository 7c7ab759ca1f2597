import MatchingEngine
import Testing
@testable import Intake

/// A large file is parsed in pieces on every core: the pieces must read exactly what one pass reads
/// (rows, their lines, and every problem), wherever the cuts fall.
@Suite struct CSVReaderPiecesTests {
    /// A CSV file with quoted commas, quotes and line ends (so some cuts fall inside a value),
    /// CRLF, lone CR and LF line ends, blank lines, non-UTF-8 bytes, text after a closing quote,
    /// rows with too few or too many fields, and sometimes a value never closed. About half the
    /// files are well formed.
    static func file(_ g: inout SplitMix64) -> [UInt8] {
        func pick<T>(_ items: [T]) -> T { items[Int(g.next() % UInt64(items.count))] }
        let wellFormed = g.next() % 2 == 0
        var bytes: [UInt8] = g.next() % 4 == 0 ? [0xEF, 0xBB, 0xBF] : []
        let columns = 1 + Int(g.next() % 4)
        bytes += Array((1...columns).map { "c\($0)" }.joined(separator: ",").utf8) + [0x0A]
        let rows = Int(g.next() % 60)
        for _ in 0..<rows {
            let fields = !wellFormed && g.next() % 10 == 0 ? columns + pick([-1, 1]) : columns
            for f in 0..<max(fields, 1) {
                if f > 0 { bytes.append(0x2C) }
                bytes += pick([Array("plain".utf8), Array("Peña".utf8), [], Array("\"a, b\"".utf8),
                               Array("\"say \"\"hi\"\"\"".utf8), Array("\"two\nlines\"".utf8),
                               Array("\"cr\r\nlf\"".utf8), Array("\"\n\n\"".utf8), Array("12".utf8)]
                              + (wellFormed ? [] : [[0x50, 0xE9, 0x6E], Array("\"x\"y".utf8)]))
            }
            bytes += pick([[0x0A], [0x0A], [0x0D, 0x0A], [0x0D], [0x0A, 0x0A]])
        }
        if !wellFormed && g.next() % 4 == 0 { bytes += Array("\"never closed\nat all".utf8) }
        return bytes
    }

    struct Reading: Equatable {
        var header: [String] = []
        var rows: [[String]] = []
        var lines: [Int] = []
        var problems: [String] = []
    }

    static func reading(_ bytes: [UInt8], pieces: Int) -> Reading {
        do {
            let table = try CSVReader().read(bytes, fileName: "t.csv", pieces: pieces)
            return Reading(header: table.header, rows: table.rows.map(\.fields), lines: table.rows.map(\.line))
        } catch {
            return Reading(problems: error.problems.map(\.description))
        }
    }

    @Test func piecesReadWhatOnePassReads() {
        var g = SplitMix64(seed: 2026_11_30)  // deterministic: a failure names a file to try again
        var cutInsideAValue = 0, withProblems = 0
        for n in 0..<3_000 {
            let bytes = Self.file(&g)
            let one = Self.reading(bytes, pieces: 1)
            let pieces = 2 + n % 15
            #expect(Self.reading(bytes, pieces: pieces) == one, "file \(n) in \(pieces) pieces: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if !one.problems.isEmpty { withProblems += 1 }
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            if CSVReader.pieceBounds(bytes, from: start, pieces: pieces).dropFirst().contains(where: { Self.insideQuotes(bytes, at: $0.lowerBound) }) {
                cutInsideAValue += 1
            }
        }
        // Both kinds of file, and cuts that fell inside quoted values, were seen.
        #expect(withProblems > 300 && withProblems < 2_700)
        #expect(cutInsideAValue > 100)
    }

    /// Whether an odd number of quotes comes before `position` (a cut there is inside a value).
    static func insideQuotes(_ bytes: [UInt8], at position: Int) -> Bool {
        bytes[..<position].reduce(0) { $0 + ($1 == 0x22 ? 1 : 0) } % 2 == 1
    }

    @Test func aLargeFileIsReadInPiecesAsInOnePass() throws {
        var text = "school,student_id,note\n"
        for i in 0..<40_000 { text += i % 97 == 0 ? "clovis-hs,S\(i),\"a note,\nover two lines\"\r\n" : "clovis-hs,S\(i),a plain note\n" }
        let bytes = Array(text.utf8)
        #expect(bytes.count >= CSVReader.bytesWorthSplitting)
        let table = try CSVReader().read(bytes, fileName: "t.csv")
        let one = try CSVReader().read(bytes, fileName: "t.csv", pieces: 1)
        #expect(table.rows.count == 40_000)
        #expect(table.rows.map(\.line) == one.rows.map(\.line))
        #expect(table.rows.map(\.fields) == one.rows.map(\.fields))
        #expect(table.rows[97].fields == ["clovis-hs", "S97", "a note,\nover two lines"])
        #expect(table.rows.last?.line == 40_000 + 40_000 / 97 + 2)
    }
}
