import Parallel

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
        // The slots' lookups and the students' are built side by side: this runs before the
        // emails render in parallel, so its time counts whole.
        let (slots, students) = both({ SlotLookups(report.slots) }, { StudentLookups(report.students) })
        slotsByID = slots.byID
        slotsByEDC = slots.byEDC
        filled = students.filled
        studentsBySchool = students.bySchool
        placedBySlot = students.bySlot
        referredByCaseWorker = students.referred
        changes = report.previousAssignments.map { RunChanges.between(previous: $0, current: students.current) }
    }

    private struct SlotLookups: Sendable {
        var byID: [Int64: SlotOutcome] = [:]
        var byEDC: [Int64: [Int]] = [:]

        init(_ slots: [SlotOutcome]) {
            byID.reserveCapacity(slots.count)
            for slot in slots { byID[slot.id] = slot }
            for i in slots.indices { byEDC[slots[i].edcID, default: []].append(i) }
        }
    }

    private struct StudentLookups: Sendable {
        var filled: [Int64: (all: Int, reserved: Int)] = [:]
        var bySchool: [Int64: [Int]] = [:]
        var bySlot: [Int64: [Int]] = [:]
        var current: [Int64: Int64] = [:]
        var referred: [Int64: [Int]] = [:]

        init(_ students: [StudentOutcome]) {
            // Fields are read in place: copying whole outcomes was most of this work.
            for position in students.indices {
                bySchool[students[position].schoolID, default: []].append(position)
                if let caseWorker = students[position].referral?.caseWorkerUserID { referred[caseWorker, default: []].append(position) }
                guard let seat = students[position].assignment else { continue }
                var count = filled[seat.slotID] ?? (0, 0)
                count.all += 1
                if seat.onReservedSeat { count.reserved += 1 }
                filled[seat.slotID] = count
                bySlot[seat.slotID, default: []].append(position)
                current[students[position].id] = seat.slotID
            }
            // By name: each school's list on its own core, each slot's few students here.
            let byName: @Sendable (Int, Int) -> Bool = { a, b in
                (students[a].lastName, students[a].firstName, students[a].id) < (students[b].lastName, students[b].firstName, students[b].id)
            }
            let schools = Array(bySchool)
            let sorted = inParallel(count: schools.count) { schools[$0].value.sorted(by: byName) }
            for (school, positions) in zip(schools, sorted) { bySchool[school.key] = positions }
            bySlot = bySlot.mapValues { $0.count > 1 ? $0.sorted(by: byName) : $0 }
        }
    }

    /// The name of school `id` (a school in the index has at least one student).
    func schoolName(_ id: Int64) -> String {
        studentsBySchool[id]?.first.map { report.students[$0].schoolName } ?? "school #\(id)"
    }

    /// The name of EDC `id` (an EDC in the index has at least one slot).
    func edcName(_ id: Int64) -> String {
        slotsByEDC[id]?.first.map { report.slots[$0].edcName } ?? "EDC #\(id)"
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
