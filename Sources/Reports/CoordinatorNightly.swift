import Foundation

/// The coordinator's email about a run: identity, verifier, match rates, reserved seats, changes,
/// unmatched students, unfilled slots, and the assignments CSV.
///
/// Referral facts appear only in the juvenile section, rendered only for coordinators holding the
/// juvenile permission; the CSV is the general one for every coordinator.
enum CoordinatorNightly {
    /// Lists in the email stop here; the web app and the CSV have the rest (FERPA: summaries, not rosters).
    static let listLimit = 200

    static func model(_ index: ReportIndex, juvenileEntitled: Bool, timeZone: TimeZone) -> [String: Any] {
        let report = index.report
        let run = report.run
        let students = report.students
        // Positions, not copies of the (large) outcomes.
        let participants = students.indices.filter { students[$0].choiceCount > 0 }
        let matched = participants.count { students[$0].assignment != nil }
        let absent = report.withoutChoices.values.reduce(0, +)
        let seats = report.slots.reduce(0) { $0 + $1.capacity }
        let filledSeats = index.filled.values.reduce(0) { $0 + $1.all }

        var model: [String: Any] = [
            "run": runModel(run, webURL: report.webURL, timeZone: timeZone),
            "verifierPassed": run.verifier.passed,
            "verifier": run.verifier.summary,
            "totals": [
                "students": students.count + absent, "participants": participants.count, "matched": matched,
                "unmatched": participants.count - matched, "noChoices": students.count - participants.count + absent,
                "matchRate": Vocabulary.percent(matched, of: participants.count),
                "seats": seats, "filled": filledSeats, "open": max(0, seats - filledSeats),
                "fillRate": Vocabulary.percent(filledSeats, of: seats),
            ] as [String: Any],
        ]

        // Match rates: students by school and program; seats by EDC and kind of placement.
        // Grouped by id or code, labelled per group: a label per student was most of this work.
        let slots = report.slots
        model["bySchool"] = RateRow.group(participants, key: { students[$0].schoolID }, label: { school in index.schoolName(school) },
                                          total: { _ in 1 }, matched: { students[$0].assignment == nil ? 0 : 1 }).map(\.dictionary)
        model["byProgram"] = RateRow.group(participants, key: { students[$0].programOfStudy }, label: Vocabulary.programOfStudy,
                                           total: { _ in 1 }, matched: { students[$0].assignment == nil ? 0 : 1 }).map(\.dictionary)
        model["byEDC"] = RateRow.group(slots.indices, key: { slots[$0].edcID }, label: { edc in index.edcName(edc) },
                                       total: { slots[$0].capacity }, matched: { index.filled[slots[$0].id]?.all ?? 0 }).map(\.dictionary)
        model["byKind"] = RateRow.group(slots.indices, key: { slots[$0].kind }, label: Vocabulary.slotKind,
                                        total: { slots[$0].capacity }, matched: { index.filled[slots[$0].id]?.all ?? 0 }).map(\.dictionary)

        let reservedTotal = report.slots.reduce(0) { $0 + $1.reservedSeats }
        let reservedUsed = index.filled.values.reduce(0) { $0 + $1.reserved }
        model["reserved"] = [
            "word": Vocabulary.reservedSeats(juvenileEntitled: juvenileEntitled),
            "total": reservedTotal, "used": reservedUsed, "share": Vocabulary.percent(reservedUsed, of: reservedTotal),
        ] as [String: Any]

        model["changes"] = changesModel(index)
        model["unmatched"] = unmatchedModel(index, participants: participants, juvenileEntitled: juvenileEntitled)
        model["unfilled"] = unfilledModel(index)
        model["csvZipped"] = CSVAttachment.zipped(rows: AssignmentsCSV.rows(index))
        if juvenileEntitled { model["juvenile"] = juvenileModel(index) }
        return model
    }

    static func runModel(_ run: RunInfo, webURL: String, timeZone: TimeZone) -> [String: Any] {
        [
            "id": run.id, "roundName": run.roundName, "kind": run.kind.label + (run.secondRound ? ", second round" : ""), "startedAt": format(run.startedAt, timeZone),
            "seed": String(run.seed), "inputDigest": run.inputDigest, "algorithmVersion": run.algorithmVersion,
            "url": webURL,
        ]
    }

    static func format(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm zzz"
        return formatter.string(from: date)
    }

    static func subject(_ report: RunReport) -> String {
        let participants = report.students.count { $0.choiceCount > 0 }
        let matched = report.students.count { $0.choiceCount > 0 && $0.assignment != nil }
        let kind = report.run.kind.label.prefix(1).uppercased() + report.run.kind.label.dropFirst()
        return "WBLMatch: \(kind) #\(report.run.id), \(report.run.roundName): \(matched) of \(participants) students matched (\(Vocabulary.percent(matched, of: participants)))"
    }

    private static func changesModel(_ index: ReportIndex) -> [String: Any] {
        guard let changes = index.changes else { return ["hasPrevious": false] }
        let students = index.report.students
        // Only the listed lines are written out; the counts cover every change.
        let total = changes.moved.count + changes.newlyMatched.count + changes.newlyUnmatched.count
        var wanted = Set(changes.moved.prefix(listLimit).map(\.studentID))
        wanted.formUnion(changes.newlyMatched.prefix(listLimit))
        wanted.formUnion(changes.newlyUnmatched.prefix(listLimit))
        var position: [Int64: Int] = [:]
        for i in students.indices where wanted.contains(students[i].id) { position[students[i].id] = i }
        func who(_ id: Int64) -> String { position[id].map { "\(students[$0].fullName) (\(students[$0].schoolName))" } ?? "student #\(id)" }
        var lines: [String] = []
        for move in changes.moved where lines.count < listLimit {
            lines.append("\(who(move.studentID)): \(index.placementLabel(move.fromSlotID)) → \(index.placementLabel(move.toSlotID))")
        }
        for id in changes.newlyMatched where lines.count < listLimit {
            let slot = position[id].flatMap { index.slot(of: students[$0]) }
            lines.append("\(who(id)): newly matched to \(slot.map { "\($0.title) at \($0.employerName)" } ?? "a slot")")
        }
        for id in changes.newlyUnmatched where lines.count < listLimit { lines.append("\(who(id)): no longer matched") }
        return [
            "hasPrevious": true, "previousRunID": index.report.run.previousRunID.map { String($0) } ?? "",
            "none": changes.isEmpty, "moved": changes.moved.count, "newlyMatched": changes.newlyMatched.count,
            "newlyUnmatched": changes.newlyUnmatched.count, "unchanged": changes.unchanged,
            "lines": lines, "more": max(0, total - lines.count), "hasMore": total > lines.count,
        ]
    }

    private static func unmatchedModel(_ index: ReportIndex, participants: [Int], juvenileEntitled: Bool) -> [String: Any] {
        // Every unmatched student is counted; the first `listLimit` by school and name are listed.
        let students = index.report.students
        let unmatched = participants.filter { students[$0].assignment == nil }
        var reasonCounts: [String: Int] = [:]
        for i in unmatched {
            reasonCounts[students[i].mainReason?.wording(juvenileEntitled: juvenileEntitled).code ?? "unknown", default: 0] += 1
        }
        let keys = unmatched.lazy.map { (students[$0].schoolName, students[$0].lastName, students[$0].firstName, students[$0].id, $0) }
        let listed = keys.smallest(listLimit) { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }.map(\.4)
        let rows: [[String: Any]] = listed.map { i in
            let student = students[i]
            return ["name": student.sortName, "school": student.schoolName,
                    "reason": student.mainReason?.wording(juvenileEntitled: juvenileEntitled).text ?? "No reason recorded."]
        }
        let reasons = reasonCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ["code": $0.key, "count": $0.value] as [String: Any] }
        return ["count": unmatched.count, "none": unmatched.isEmpty, "reasons": reasons, "rows": rows,
                "more": max(0, unmatched.count - listLimit), "hasMore": unmatched.count > listLimit]
    }

    private static func unfilledModel(_ index: ReportIndex) -> [String: Any] {
        let slots = index.report.slots
        let unfilled = slots.indices.filter { index.openSeats(slots[$0]) > 0 }
        let keys = unfilled.lazy.map { (slots[$0].edcName, slots[$0].employerName, slots[$0].title, slots[$0].id, $0) }
        let rows = keys.smallest(listLimit) { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }.map { key -> [String: Any] in
            let slot = slots[key.4]
            return ["title": slot.title, "employer": slot.employerName, "edc": slot.edcName, "open": index.openSeats(slot), "capacity": slot.capacity]
        }
        return ["count": unfilled.count, "seats": unfilled.reduce(0) { $0 + index.openSeats(slots[$1]) }, "none": unfilled.isEmpty,
                "rows": Array(rows), "more": max(0, unfilled.count - listLimit), "hasMore": unfilled.count > listLimit]
    }

    private static func juvenileModel(_ index: ReportIndex) -> [String: Any] {
        let students = index.report.students
        let referred = students.indices.filter { students[$0].referral != nil }
        let keys = referred.lazy.map { (students[$0].sortName, $0) }
        let rows = keys.smallest(listLimit) { $0.0 < $1.0 }.map { ReferralRow.model(students[$0.1], index: index) }
        return ["count": referred.count, "none": referred.isEmpty, "rows": rows,
                "more": referred.count - rows.count, "hasMore": referred.count > rows.count]
    }
}
