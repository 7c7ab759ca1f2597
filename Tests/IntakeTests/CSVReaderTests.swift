import Testing
@testable import Intake

@Suite struct CSVReaderTests {
    func read(_ text: String, maxBytes: Int = CSVReader.defaultMaxBytes) throws(IntakeProblems) -> CSVTable {
        try CSVReader(maxBytes: maxBytes).read(Array(text.utf8), fileName: "t.csv")
    }

    @Test func readsHeaderAndRowsWithLineNumbers() throws {
        let table = try read("A,b\n1,2\n\n3,4\n")
        #expect(table.header == ["a", "b"])
        #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test func stripsByteOrderMarkAndAcceptsCRLF() throws {
        let table = try CSVReader().read([0xEF, 0xBB, 0xBF] + Array("name,id\r\nPeña,1\r\nNguyễn,2\r\n".utf8), fileName: "t.csv")
        #expect(table.header == ["name", "id"])
        #expect(table.rows.map(\.fields) == [["Peña", "1"], ["Nguyễn", "2"]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test func quotedCommasQuotesAndNewlines() throws {
        let table = try read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"line1\nline2\",z\nlast,\"\"\n")
        #expect(table.rows.map(\.fields) == [["x, y", "say \"hi\""], ["line1\nline2", "z"], ["last", ""]])
        #expect(table.rows.map(\.line) == [2, 3, 5])
    }

    @Test func lastLineWithoutNewlineAndTrailingEmptyField() throws {
        let table = try read("a,b\n1,")
        #expect(table.rows.map(\.fields) == [["1", ""]])
    }

    @Test func reportsEveryStructuralProblem() {
        #expect(throws: IntakeProblems.self) { try read("a,b\n1\n2,3,4\n") }
        do {
            _ = try read("a,b\n1\n2,3,4\n5,\"open\n")
        } catch {
            let text = error.problems.map(\.description)
            #expect(text.contains("t.csv:2: has 1 fields but the header has 2 (quote values that contain commas)"))
            #expect(text.contains("t.csv:3: has 3 fields but the header has 2 (quote values that contain commas)"))
            #expect(text.contains("t.csv:4: a quoted value is never closed (a \" is missing)"))
        }
    }

    @Test func rejectsNonUTF8WithLineAndColumn() {
        var bytes = Array("name,id\nok,1\n".utf8)
        bytes += [0x50, 0xE9, 0x6E, 0x61] + Array(",2\n".utf8)  // Latin-1 "Péna"
        do {
            _ = try CSVReader().read(bytes, fileName: "students.csv")
            Issue.record("expected a problem")
        } catch {
            #expect(error.problems.map(\.description) == ["students.csv:3:name: contains bytes that are not UTF-8 (save the file as CSV UTF-8)"])
        }
    }

    @Test func rejectsFileOverSizeLimit() {
        do {
            _ = try read("a\n123456789\n", maxBytes: 5)
            Issue.record("expected a problem")
        } catch {
            #expect(error.problems.first?.description.contains("over the limit of 5 bytes") == true)
        }
    }

    @Test func rejectsEmptyFile() {
        #expect(throws: IntakeProblems.self) { try read("") }
    }

    @Test func textAfterClosingQuoteIsAProblem() {
        do { _ = try read("a\n\"x\"y\n"); Issue.record("expected a problem") }
        catch { #expect(error.problems.first?.line == 2) }
    }
}
