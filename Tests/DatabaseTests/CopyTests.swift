import Database
import Testing
import TestSupport

@Suite struct CopyTests {
    static let rowCount = 1_000_000

    @Test func copiesAMillionRowsInAndOut() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE placement (id bigint, student text, score int)")
            try await db.pool.withConnection { conn in
                let copied = try await conn.copyIn("COPY placement (id, student, score) FROM STDIN") { writer in
                    var line = ""
                    for i in 1...Self.rowCount {
                        line.removeAll(keepingCapacity: true)
                        line += String(i); line += "\tstudent \(i)\t"; line += String(i % 100); line += "\n"
                        try await writer.write(line)
                    }
                }
                #expect(copied == Self.rowCount)
            }
            let totals = try await db.pool.query("SELECT count(*) AS n, sum(id) AS s, sum(score) AS sc FROM placement")
            #expect(try totals[0].decode("n", as: Int.self) == Self.rowCount)
            #expect(try totals[0].decode("s", as: Int.self) == Self.rowCount * (Self.rowCount + 1) / 2)

            var lines = 0, bytes = 0, chunks = 0, idSum = 0
            var partial: [UInt8] = []
            try await db.pool.withConnection { conn in
                for try await chunk in conn.copyOut("COPY (SELECT id, student FROM placement ORDER BY id) TO STDOUT") {
                    chunks += 1
                    bytes += chunk.count
                    // Every chunk holds whole rows; sum the ids to prove nothing was lost or doubled.
                    #expect(chunk.last == 10)
                    for byte in chunk {
                        if byte == 10 {
                            lines += 1
                            let field = partial.prefix { $0 != 9 }
                            idSum += Int(String(decoding: field, as: UTF8.self))!
                            partial.removeAll(keepingCapacity: true)
                        } else {
                            partial.append(byte)
                        }
                    }
                }
                // The connection is usable again after the stream ends.
                #expect(try await conn.query("SELECT 1 AS one")[0].decode("one", as: Int.self) == 1)
            }
            #expect(lines == Self.rowCount)
            #expect(idSum == Self.rowCount * (Self.rowCount + 1) / 2)
            #expect(chunks > 10, "streamed in chunks, not one buffer (\(chunks) chunks, \(bytes) bytes)")
        }
    }

    @Test func writeRowEscapesAndNulls() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.execute("CREATE TABLE person (name text, note text, born date, tags text[])")
            let tricky = "tab\there\nnew line \\ back\r\"Peña\""
            try await db.pool.withConnection { conn in
                try await conn.copyIn("COPY person (name, note, born, tags) FROM STDIN") { writer in
                    try await writer.writeRow(["Nguyễn", tricky, CalendarDate(year: 2008, month: 1, day: 2), ["a b", "c,d"]])
                    try await writer.writeRow(["", String?.none, CalendarDate?.none, [String]()])
                }
            }
            let rows = try await db.pool.query("SELECT * FROM person ORDER BY name DESC")
            #expect(try rows[0].decode("name", as: String.self) == "Nguyễn")
            #expect(try rows[0].decode("note", as: String.self) == tricky)
            #expect(try rows[0].decode("tags", as: [String].self) == ["a b", "c,d"])
            #expect(try rows[1].decode("name", as: String.self) == "")
            #expect(try rows[1].decode("note", as: String?.self) == nil)
            #expect(try rows[1].decode("born", as: CalendarDate?.self) == nil)
            #expect(try rows[1].decode("tags", as: [String].self) == [])
        }
    }

    @Test func copyTextBufferRowsReadBackAsWritten() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.execute("CREATE TABLE line (n bigint, m bigint, name text, note text, tags text[], ok boolean)")
            let tricky = "tab\there\nnew line \\ back\r\"Peña\""
            let tags = ["plain", "a \"quoted\" b", "back\\slash", "tab\tin", "Nguyễn, Peña", ""]
            var rows = CopyTextBuffer()
            rows.append(Int64.min); rows.append(Int64.max); rows.append("Nguyễn"); rows.append(tricky); rows.append(tags); rows.append(true)
            rows.endRow()
            rows.append(-42); rows.append(Int?.none); rows.append(""); rows.append(String?.none); rows.append([String]()); rows.append(false)
            rows.endRow()
            rows.append(0); rows.append(Int64?(7)); rows.append("z"); rows.append(String?("\\N")); rows.appendNull(); rows.append(true)
            rows.endRow()
            try await db.pool.withConnection { conn in
                let copied = try await conn.copyIn("COPY line FROM STDIN") { writer in try await writer.write(rows.bytes) }
                #expect(copied == 3)
            }
            let read = try await db.pool.query("SELECT * FROM line ORDER BY name DESC")
            #expect(try read[0].decode("n", as: Int64.self) == 0)
            #expect(try read[0].decode("m", as: Int64.self) == 7)
            #expect(try read[0].decode("note", as: String.self) == "\\N", "a backslash-N text is text, not NULL")
            #expect(try read[0].decode("tags", as: [String]?.self) == nil)
            #expect(try read[1].decode("n", as: Int64.self) == .min)
            #expect(try read[1].decode("m", as: Int64.self) == .max)
            #expect(try read[1].decode("note", as: String.self) == tricky)
            #expect(try read[1].decode("tags", as: [String].self) == tags)
            #expect(try read[1].decode("ok", as: Bool.self))
            #expect(try read[2].decode("n", as: Int64.self) == -42)
            #expect(try read[2].decode("m", as: Int64?.self) == nil)
            #expect(try read[2].decode("name", as: String.self) == "")
            #expect(try read[2].decode("note", as: String?.self) == nil)
            #expect(try read[2].decode("tags", as: [String].self) == [])
            #expect(try !read[2].decode("ok", as: Bool.self))
        }
    }

    struct Stop: Error {}

    @Test func aThrowingBodyAbortsTheCopy() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE item (id int)")
            await #expect(throws: Stop.self) {
                try await db.pool.withConnection { conn in
                    try await conn.copyIn("COPY item FROM STDIN") { writer in
                        for i in 0..<100_000 { try await writer.write("\(i)\n") }
                        throw Stop()
                    }
                }
            }
            #expect(try await db.pool.query("SELECT count(*) AS n FROM item")[0].decode("n", as: Int.self) == 0)
        }
    }

    @Test func badDataFailsWithTheServersMessage() async throws {
        try await TestDatabase.with(migrations: []) { db in
            try await db.pool.execute("CREATE TABLE item (id int)")
            let error = try await #require(throws: DatabaseError.self) {
                try await db.pool.withConnection { conn in
                    try await conn.copyIn("COPY item FROM STDIN") { writer in try await writer.write("1\nnot a number\n") }
                }
            }
            #expect(error.sqlState == "22P02")
            #expect(try await db.pool.query("SELECT count(*) AS n FROM item")[0].decode("n", as: Int.self) == 0)
        }
    }

    @Test func copyThroughQueryIsRefusedClearly() async throws {
        try await TestDatabase.with(migrations: [], poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE item (id int)")
            let error = try await #require(throws: DatabaseError.self) { try await db.pool.execute("COPY item FROM STDIN") }
            #expect(error.kind == .usage && error.message.contains("copyIn"))
            #expect(try await db.pool.query("SELECT 1 AS one").count == 1)
        }
    }
}
