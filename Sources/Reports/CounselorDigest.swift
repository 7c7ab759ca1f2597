/// A counselor's digest: only her school's students, each with result, choice rank, explanation and
/// the actions that would open more choices. Referral facts never appear (neutral wordings only).
///
/// Students who need attention (not matched, an action to take, or not their first choice) come first,
/// in detail, with why; then students matched to their first choice, one line each. A school of thousands gets the first `detailLimit` in detail, the
/// first `lineLimit` one line each, and a link for the rest: a digest, not a roster.
enum CounselorDigest {
    static let detailLimit = 200
    static let lineLimit = 200
    /// Explanation lines shown per student; the web app has them all.
    static let explanationLimit = 3

    static func model(_ index: ReportIndex, schoolID: Int64) -> [String: Any]? {
        guard let positions = index.studentsBySchool[schoolID], let first = positions.first.map({ index.report.students[$0] }) else { return nil }
        let students = positions.lazy.map { index.report.students[$0] }
        var matched = 0
        var unmatched = 0
        var noChoices = index.report.withoutChoices[schoolID] ?? 0
        var attention: [StudentOutcome] = []
        var placed: [StudentOutcome] = []
        var actionCounts: [String: Int] = [:]
        for student in students {
            if student.assignment != nil { matched += 1 } else if student.choiceCount == 0 { noChoices += 1 } else { unmatched += 1 }
            for action in Set(student.actionsNeeded) { actionCounts[action.summary, default: 0] += 1 }
            if student.assignment == nil || !student.actionsNeeded.isEmpty || !student.explanation.isEmpty { attention.append(student) } else { placed.append(student) }
        }
        let detailed = attention.prefix(detailLimit).map { detail($0, index: index) }
        let lines = placed.prefix(lineLimit).map { s -> [String: Any] in
            ["name": s.sortName, "externalID": s.externalID, "result": result(s, index: index)]
        }
        let hidden = (attention.count - detailed.count) + (placed.count - lines.count)
        return [
            "school": first.schoolName, "students": students.count, "matched": matched, "unmatched": unmatched,
            "noChoices": noChoices, "matchRate": Vocabulary.percent(matched, of: matched + unmatched),
            "actions": actionCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ["action": $0.key, "count": $0.value] as [String: Any] },
            "hasActions": !actionCounts.isEmpty,
            "attention": detailed, "attentionCount": attention.count, "hasAttention": !attention.isEmpty,
            "placed": lines, "hasPlaced": !lines.isEmpty, "more": hidden, "hasMore": hidden > 0,
        ]
    }

    static func result(_ student: StudentOutcome, index: ReportIndex) -> String {
        // Approval status and reserved seats are confidential: a counselor sees "matched".
        if let seat = student.assignment {
            return "Matched: \(index.placementLabel(seat.slotID)), \(Vocabulary.ordinal(seat.choiceRank)) choice"
        }
        return student.choiceCount == 0 ? "No choices entered" : "Not matched"
    }

    static func detail(_ student: StudentOutcome, index: ReportIndex) -> [String: Any] {
        let reason = student.assignment == nil ? student.mainReason?.wording(juvenileEntitled: false).text ?? "" : ""
        let actions = student.actionsNeeded.uniqued().map(\.sentence)
        let shown = student.explanation.prefix(explanationLimit).map { ExplanationRow.model($0, juvenileEntitled: false) }
        let more = student.explanation.count - shown.count
        return [
            "name": student.sortName, "externalID": student.externalID, "grade": student.grade,
            "program": Vocabulary.programOfStudy(student.programOfStudy), "result": result(student, index: index),
            "reason": reason, "hasReason": !reason.isEmpty,
            "explanation": Array(shown), "hasExplanation": !shown.isEmpty, "moreExplanation": more, "hasMoreExplanation": more > 0,
            "actions": actions, "hasActions": !actions.isEmpty,
        ]
    }
}
