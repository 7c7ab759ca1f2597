import Foundation
import MatchingEngine
import Testing
@testable import Reports

/// Large CSVs travel zipped; Python's `zipfile` (an independent reader) must read them back exactly.
@Suite struct ZipAttachmentTests {
    /// What Python's zipfile reads from `archive`: the names, the first file's bytes, its date and
    /// whether every CRC checks out.
    struct Read: Decodable {
        var names: [String]
        var first_base64: String
        var date_time: [Int]
        var bad_file: String?
        var compress_type: Int
        var first: [UInt8] { [UInt8](Data(base64Encoded: first_base64) ?? Data()) }
    }

    static func readWithPython(_ archive: [UInt8]) throws -> Read {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wbl-\(UUID().uuidString).zip").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(archive).write(to: URL(fileURLWithPath: path))
        let script = """
            import base64, json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                info = z.infolist()[0]
                print(json.dumps({"names": z.namelist(), "first_base64": base64.b64encode(z.read(info)).decode(),
                                  "date_time": list(info.date_time), "bad_file": z.testzip(), "compress_type": info.compress_type}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python could not read the archive")
        return try JSONDecoder().decode(Read.self, from: data)
    }

    @Test(arguments: [0, 1, 100_000, 3_000_000])
    func anArchiveReadsBackByteForByte(_ size: Int) throws {
        var rng = SplitMix64(seed: UInt64(size))
        // Half text that deflates, half noise that does not.
        let contents = (0..<size).map { i in i % 2 == 0 ? UInt8(ascii: "a") + UInt8(i % 7) : UInt8(truncatingIfNeeded: rng.next()) }
        let zone = TimeZone(identifier: "America/Denver")!
        let modified = ISO8601DateFormatter().date(from: "2027-03-04T05:06:08-07:00")!
        let archive = try #require(ZipArchive.single(name: "run-7-assignments.csv", contents: contents, modified: modified, timeZone: zone))
        let read = try Self.readWithPython(archive)
        #expect(read.names == ["run-7-assignments.csv"])
        #expect(read.bad_file == nil)
        #expect(read.compress_type == 8, "deflated")
        #expect(read.first == contents)
        #expect(read.date_time == [2027, 3, 4, 5, 6, 8])
    }

    @Test func aCSVIsZippedOnlyPastTheRowLimit() {
        let csv = Array("a,b\r\n1,2\r\n".utf8)
        let run = Fixtures.report().run
        let zone = TimeZone(identifier: "America/Denver")!
        let plain = CSVAttachment.make(name: "x", csv: csv, rows: CSVAttachment.zipAboveRows, run: run, timeZone: zone)
        #expect(plain == ReportEmail.Attachment(filename: "x.csv", contentType: "text/csv; charset=utf-8", data: csv))
        let zipped = CSVAttachment.make(name: "x", csv: csv, rows: CSVAttachment.zipAboveRows + 1, run: run, timeZone: zone)
        #expect(zipped.filename == "x.zip" && zipped.contentType == "application/zip")
        #expect(zipped.data.starts(with: [0x50, 0x4b, 0x03, 0x04]))
    }

    /// A run with more assignments than the limit: the coordinators' CSV arrives zipped and the body
    /// says so; an EDC's smaller CSV does not.
    @Test func aLargeRunsAssignmentsArriveZipped() async throws {
        let report = Fixtures.largeReport(students: 24_000, seed: 3)
        #expect(AssignmentsCSV.rows(ReportIndex(report)) > CSVAttachment.zipAboveRows)
        let emails = try await Fixtures.renderer().emails(for: report, to: [.init(recipient: Fixtures.coordinator),
                                                                            .init(recipient: Fixtures.clovisEDCStaff)])
        let coordinator = try #require(emails.first { $0.template == "coordinator_nightly" })
        let attachment = try #require(coordinator.attachments.first)
        #expect(attachment.filename == "run-42-assignments.zip" && attachment.contentType == "application/zip")
        #expect(coordinator.text.contains("All assignments are attached as CSV, in a ZIP archive"))
        #expect(coordinator.html.contains("attached as CSV, in a ZIP archive"))
        let read = try Self.readWithPython(attachment.data)
        #expect(read.names == ["run-42-assignments.csv"])
        #expect(read.first == Array(AssignmentsCSV.render(report).utf8))
        #expect(attachment.data.count * 3 < read.first.count, "a CSV deflates well")

        let edc = try #require(emails.first { $0.template == "edc_digest" })
        #expect(edc.attachments.map(\.contentType) == ["text/csv; charset=utf-8"])
        #expect(!edc.text.contains("ZIP"))
    }
}
