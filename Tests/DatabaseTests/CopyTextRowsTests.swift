import Testing
import Database

@Suite struct CopyTextRowsTests {
    @Test func fieldsNullsAndEscapesAcrossChunks() {
        let data = Array("1\tPe\\tña\t\\N\t{osha10,servsafe}\tt\n-22\ta\\\\b\\nc\t3.5\t{}\tf\n".utf8)
        var reader = CopyTextRows()
        var rows: [[String?]] = []
        var ints: [Int64?] = []
        var bools: [Bool] = []
        // Split in every place to check rows spanning chunks.
        for cut in [1, 5, 17, 30] {
            rows = []; ints = []; bools = []
            reader = CopyTextRows()
            for chunk in [Array(data[..<cut]), Array(data[cut...])] {
                reader.feed(chunk) { r in
                    rows.append((0..<r.count).map { r.string($0) })
                    ints.append(r.int64(0))
                    bools.append(r.bool(r.count - 1))
                    if r.count == 5 { #expect(r.array(3) == (rows.count == 1 ? ["osha10", "servsafe"] : [])) }
                }
            }
            #expect(rows.count == 2)
            #expect(rows.first?[1] == "Pe\tña")
            #expect(rows.first?[2] == nil)
            #expect(rows.last?[1] == "a\\b\nc")
            #expect(ints == [1, -22])
            #expect(bools == [true, false])
        }
    }
}
