import Testing
@testable import Reports

@Suite struct CSVWriterTests {
    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    func formulaPrefixesAreNeutralised(_ cell: String) {
        let escaped = CSVWriter.escape(cell)
        let unquoted = escaped.hasPrefix("\"") ? String(escaped.dropFirst().dropLast()) : escaped
        #expect(unquoted.hasPrefix("'"), "\(cell.debugDescription) → \(escaped.debugDescription)")
    }

    @Test func ordinaryTextIsUntouched() {
        #expect(CSVWriter.escape("Peña") == "Peña")
        #expect(CSVWriter.escape("a-b=c") == "a-b=c")
        #expect(CSVWriter.escape("") == "")
    }

    @Test func quotesCommasAndNewlines() {
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.escape("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.escape("=a,b") == "\"'=a,b\"")
    }

    @Test func numbersAreNotEscaped() {
        var csv = CSVWriter(header: ["n", "t"])
        csv.appendRow([.number(-3), .text("-3")])
        #expect(csv.output == "n,t\r\n-3,'-3\r\n")
    }

    @Test func roundTripsThroughAStrictReader() {
        let nasty = ["=cmd|' /C calc'!A0", "a,\"b\"\r\nc", "plain", "+", "@", "Peña, Ana"]
        var csv = CSVWriter(header: nasty.indices.map { "c\($0)" })
        csv.appendRow(nasty.map { .text($0) })
        let rows = parseCSV(csv.output)
        #expect(rows.count == 2)
        #expect(rows[1].count == nasty.count)
        for (read, original) in zip(rows[1], nasty) {
            let formula = ["=", "+", "-", "@", "\t", "\r"].contains(where: { original.hasPrefix($0) })
            #expect(read == (formula ? "'" + original : original))
        }
    }
}
