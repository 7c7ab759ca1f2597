/// Lookups over one run's report, computed once and shared by every email of the run.
struct ReportIndex: Sendable {
    let report: RunReport
    let slotsByID: [Int64: SlotOutcome]
    /// Seats filled per slot, and of those on reserved seats.
    let filled: [Int64: (all: Int, reserved: Int)]
    /// Positions in `report.students` of each school's students, sorted by name. Positions, not
    /// copies: the index is built before the emails render in parallel, so it is kept cheap.
    let studentsBySchool: [Int64: [Int]]
    /// Positions in `report.students` of the students placed in each slot, sorted by name.
    let placedBySlot: [Int64: [Int]]
    let changes: RunChanges?
    /// Positions in `report.students` of each case worker's referred students (each email reads
    /// its own group instead of scanning every student).
    let referredByCaseWorker: [Int64: [Int]]
    /// Positions in `report.slots` of each EDC's slots.
    let slotsByEDC: [Int64: [Int]]

    init(_ report: RunReport) {
        self.report = report
        var slotsByID: [Int64: SlotOutcome] = [:]
        slotsByID.reserveCapacity(report.slots.count)
        for slot in report.slots { slotsByID[slot.id] = slot }
        self.slotsByID = slotsByID

        // Sort positions by precomputed keys: moving the (large) outcomes themselves costs more than comparing.
        let keys = report.students.map { ($0.lastName, $0.firstName, $0.id) }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var filled: [Int64: (all: Int, reserved: Int)] = [:]
        var bySchool: [Int64: [Int]] = [:]
        var bySlot: [Int64: [Int]] = [:]
        var current: [Int64: Int64] = [:]
        for position in order {
            // Fields read in place: copying a whole outcome per student was most of this loop.
            bySchool[report.students[position].schoolID, default: []].append(position)
            if let seat = report.students[position].assignment {
                var count = filled[seat.slotID] ?? (0, 0)
                count.all += 1
                if seat.onReservedSeat { count.reserved += 1 }
                filled[seat.slotID] = count
                bySlot[seat.slotID, default: []].append(position)
                current[report.students[position].id] = seat.slotID
            }
        }
        self.filled = filled
        self.studentsBySchool = bySchool
        self.placedBySlot = bySlot
        self.changes = report.previousAssignments.map { RunChanges.between(previous: $0, current: current) }
        var referred: [Int64: [Int]] = [:]
        for i in report.students.indices {
            if let caseWorker = report.students[i].referral?.caseWorkerUserID { referred[caseWorker, default: []].append(i) }
        }
        self.referredByCaseWorker = referred
        var byEDC: [Int64: [Int]] = [:]
        for i in report.slots.indices { byEDC[report.slots[i].edcID, default: []].append(i) }
        self.slotsByEDC = byEDC
    }

    /// The slot a student got, if any.
    func slot(of student: StudentOutcome) -> SlotOutcome? {
        student.assignment.flatMap { slotsByID[$0.slotID] }
    }

    /// Open seats of a slot.
    func openSeats(_ slot: SlotOutcome) -> Int { max(0, slot.capacity - (filled[slot.id]?.all ?? 0)) }

    /// "Welding helper at Clovis Steel".
    func placementLabel(_ slotID: Int64) -> String {
        guard let slot = slotsByID[slotID] else { return "slot #\(slotID)" }
        return "\(slot.title) at \(slot.employerName)"
    }
}
