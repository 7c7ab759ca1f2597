import Foundation
import Testing
@testable import Intake

/// docs/intake.md documents every column of every kind, and samples/ holds a valid file of each.
@Suite struct DocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyColumnIsDocumented() throws {
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/intake.md"), encoding: .utf8)
        for kind in IntakeKind.allCases {
            let section = try #require(docs.range(of: "### \(kind.fileName)"), "no section for \(kind.fileName)")
            let rest = docs[section.upperBound...]
            let end = rest.range(of: "\n### ")?.lowerBound ?? rest.endIndex
            for column in kind.columns {
                #expect(rest[..<end].contains("| `\(column.name)` |"), "\(kind.fileName): \(column.name) is not documented")
            }
        }
    }

    @Test func samplesValidate() throws {
        let validator = IntakeValidator(today: CalendarDay(year: 2026, month: 11, day: 29)!)
        for kind in IntakeKind.allCases {
            let bytes = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent("samples/\(kind.fileName)")))
            let batch = try validator.validate(csv: bytes, fileName: kind.fileName, kind: kind)
            #expect(!batch.rows.isEmpty, "\(kind.fileName) is empty")
        }
    }
}
