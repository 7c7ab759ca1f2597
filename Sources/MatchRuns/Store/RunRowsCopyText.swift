import Database

/// A run's result rows in COPY text, in the column order of ``RunQueries/copyAssignments`` and
/// ``RunQueries/copyExplanations``: straight into bytes, since a run writes hundreds of thousands.
enum RunRowsCopyText {
    static func append(_ a: AssignmentRow, runID: Int64, to rows: inout CopyTextBuffer) {
        rows.append(runID)
        rows.append(a.studentID)
        rows.append(a.slotID)
        rows.append(a.choiceRank)
        rows.append(a.reservedSeat)
        rows.append(a.status)
        rows.append(a.kept)
        rows.endRow()
    }

    static func append(_ e: ExplanationRecord, runID: Int64, to rows: inout CopyTextBuffer) {
        rows.append(runID)
        rows.append(e.studentID)
        rows.append(e.slotID)
        rows.append(e.choiceRank)
        rows.append(e.outcome)
        rows.append(e.reasonCodes)
        rows.append(e.detail)
        rows.append(e.message)
        rows.append(e.publicMessage)
        rows.append(e.confidential)
        rows.endRow()
    }

    /// Sends `items` through `writer`, formatted by `append`, in chunks of about 256 KiB.
    static func write<Item>(_ items: [Item], runID: Int64, to writer: CopyWriter,
                            _ append: (Item, Int64, inout CopyTextBuffer) -> Void) async throws {
        var rows = CopyTextBuffer(capacity: 300 * 1024)
        for item in items {
            append(item, runID, &rows)
            if rows.count >= 256 * 1024 {
                try await writer.write(rows.bytes)
                rows.removeAll()
            }
        }
        if rows.count > 0 { try await writer.write(rows.bytes) }
    }
}
