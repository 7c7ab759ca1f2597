import Foundation
import Testing

/// Runs the built `wblmatch solve` as a process: exit codes, stdout and stderr as a user sees them.
@Suite struct SolveCommandTests {
    /// The `wblmatch` executable beside this test bundle (`swift build --build-tests` builds both).
    static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while dir.lastPathComponent.hasSuffix(".xctest") || dir.lastPathComponent == "Contents" || dir.lastPathComponent == "MacOS" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("wblmatch")
    }

    func run(_ arguments: [String], stdin: String) throws -> (status: Int32, out: String, err: String) {
        let exe = Self.executable
        try #require(FileManager.default.isExecutableFile(atPath: exe.path), "build wblmatch first (swift build --build-tests): \(exe.path)")
        let process = Process()
        process.executableURL = exe
        process.arguments = arguments
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func badInputExitsTwoWithOneLinePerProblemAndNothingOnStdout() throws {
        let r = try run(["solve", "--input", "-"], stdin: #"""
            {"students": [{"id": "s1", "preferences": ["p1", "p1"]}],
             "positions": [{"id": "p1", "capacity": 1, "ranking": ["s1", ["s9"]]}, {"id": "p2", "capacity": 1, "reserved": 2}]}
            """#)
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err == """
            students[0].preferences[1]: lists position "p1" twice (first at preferences[0]); keep one
            positions[0].ranking[1][0]: unknown student "s9"
            positions[1].reserved: must be between 0 and the capacity 1, got 2

            """)
    }

    @Test func malformedJSONAndMissingFilesExitTwo() throws {
        let r = try run(["solve", "--input", "-"], stdin: "{\"students\": [}")
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err == "stdin:1:15: unexpected character '}', expected a value\n")
        let missing = try run(["solve", "--input", "/nonexistent/instance.json"], stdin: "")
        #expect(missing.status == 2)
        #expect(missing.out.isEmpty)
        #expect(missing.err.hasPrefix("/nonexistent/instance.json: cannot read the instance"))
    }

    @Test func solvesAndExplains() throws {
        let instance = """
            {"seed": 1, "students": [{"id": "s1", "preferences": ["p2", "p1"]}, {"id": "s2", "preferences": ["p1"]}],
             "positions": [{"id": "p1", "capacity": 1, "ranking": ["s2", "s1"]}, {"id": "p2", "capacity": 1}],
             "infeasible": [{"student": "s1", "position": "p2", "reasons": ["under_minimum_age"]}]}
            """
        let r = try run(["solve", "--input", "-", "--explain"], stdin: instance)
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let assignments = try #require(json["assignments"] as? [[String: String]])
        #expect(assignments == [["student": "s2", "position": "p1"]])
        #expect(json["unmatched"] as? [String] == ["s1"])
        #expect(json["verified"] as? Bool == true)
        let explanations = try #require(json["explanations"] as? [String: [[String: Any]]])
        #expect(explanations["s1"]?.map { $0["reason"] as? String } == ["infeasible", "outranked"])
        let positions = try run(["solve", "--input", "-", "--proposing", "positions"], stdin: instance)
        #expect(positions.status == 0)
        #expect(positions.out.contains(#"{"student": "s2", "position": "p1"}"#))
    }
}
