/// An EDC's digest: only the slots of its employers; who is placed (name and school, nothing more)
/// and open seats. Nothing about referrals, reserved seats, approvals or explanations.
///
/// The body lists the first `slotLimit` slots (by employer); the attached CSV lists every slot and
/// everyone placed in it, so an EDC with thousands of slots gets a readable email and the whole record.
enum EDCDigest {
    static let slotLimit = 300

    static func slots(_ index: ReportIndex, edcID: Int64) -> [SlotOutcome] {
        (index.slotsByEDC[edcID] ?? []).map { index.report.slots[$0] }
            .sorted { ($0.employerName, $0.title, $0.id) < ($1.employerName, $1.title, $1.id) }
    }

    static func model(_ index: ReportIndex, slots: [SlotOutcome]) -> [String: Any]? {
        guard let first = slots.first else { return nil }
        var capacity = 0
        var filled = 0
        for slot in slots {
            capacity += slot.capacity
            filled += index.placedBySlot[slot.id]?.count ?? 0
        }
        let rows = slots.prefix(slotLimit).map { slot -> [String: Any] in
            let placed = (index.placedBySlot[slot.id] ?? []).map { p in
                ["name": index.report.students[p].fullName, "school": index.report.students[p].schoolName]
            }
            return [
                "title": slot.title, "employer": slot.employerName, "kind": Vocabulary.slotKind(slot.kind),
                "capacity": slot.capacity, "open": index.openSeats(slot), "placed": placed, "hasPlaced": !placed.isEmpty,
            ]
        }
        let more = slots.count - rows.count
        return ["edc": first.edcName, "slots": rows, "slotCount": slots.count, "capacity": capacity,
                "filled": filled, "open": max(0, capacity - filled), "more": more, "hasMore": more > 0,
                "csvZipped": CSVAttachment.zipped(rows: csvRows(index, slots: slots))]
    }

    static let csvHeader = ["slot_id", "slot_title", "employer", "kind", "capacity", "open_seats", "student", "school"]

    /// How many rows (besides the header) ``csv(_:slots:)`` writes.
    static func csvRows(_ index: ReportIndex, slots: [SlotOutcome]) -> Int {
        slots.reduce(0) { $0 + max(1, index.placedBySlot[$1.id]?.count ?? 0) }
    }

    /// Every slot of the EDC, one row per placed student (a slot nobody took: one row, no student).
    static func csv(_ index: ReportIndex, slots: [SlotOutcome]) -> [UInt8] {
        var csv = CSVWriter(header: csvHeader)
        for slot in slots {
            let placed = index.placedBySlot[slot.id] ?? []
            let kind = Vocabulary.slotKind(slot.kind)
            let open = Int64(index.openSeats(slot))
            // One row per placed student; a slot nobody took: one row, no student.
            for p in placed.isEmpty ? [nil] : placed.map(Optional.some) {
                csv.append(slot.externalID)
                csv.append(slot.title)
                csv.append(slot.employerName)
                csv.append(kind)
                csv.append(Int64(slot.capacity))
                csv.append(open)
                if let p {
                    csv.append(index.report.students[p].fullName)
                    csv.append(index.report.students[p].schoolName)
                } else {
                    csv.appendEmpty()
                    csv.appendEmpty()
                }
                csv.endRow()
            }
        }
        return csv.bytes
    }
}
