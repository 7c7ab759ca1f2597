/// An EDC's digest: only the slots of its employers; who is placed (name and school, nothing more)
/// and open seats. Nothing about referrals, reserved seats, approvals or explanations.
enum EDCDigest {
    static func model(_ index: ReportIndex, edcID: Int64) -> [String: Any]? {
        let slots = index.report.slots.filter { $0.edcID == edcID }
            .sorted { ($0.employerName, $0.title, $0.id) < ($1.employerName, $1.title, $1.id) }
        guard let first = slots.first else { return nil }
        var capacity = 0
        var filled = 0
        let rows = slots.map { slot -> [String: Any] in
            let placed = (index.placedBySlot[slot.id] ?? []).map { ["name": $0.fullName, "school": $0.schoolName] }
            capacity += slot.capacity
            filled += placed.count
            return [
                "title": slot.title, "employer": slot.employerName, "kind": Vocabulary.slotKind(slot.kind),
                "capacity": slot.capacity, "open": index.openSeats(slot), "placed": placed, "hasPlaced": !placed.isEmpty,
            ]
        }
        return ["edc": first.edcName, "slots": rows, "slotCount": slots.count, "capacity": capacity,
                "filled": filled, "open": max(0, capacity - filled)]
    }
}
