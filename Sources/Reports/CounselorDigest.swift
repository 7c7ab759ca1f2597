/// A counselor's digest: only her school's students, each with result, choice rank, explanation and
/// the actions that would open more choices. Referral facts never appear (neutral wordings only).
enum CounselorDigest {
    static func model(_ index: ReportIndex, schoolID: Int64) -> [String: Any]? {
        guard let students = index.studentsBySchool[schoolID], let first = students.first else { return nil }
        var matched = 0
        var unmatched = 0
        var noChoices = 0
        var actionCount = 0
        let rows = students.map { student -> [String: Any] in
            var result: String
            if let seat = student.assignment {
                matched += 1
                // Approval status and reserved seats are confidential: a counselor sees "matched".
                result = "Matched: \(index.placementLabel(seat.slotID)), \(Vocabulary.ordinal(seat.choiceRank)) choice"
            } else if student.choiceCount == 0 {
                noChoices += 1
                result = "No choices entered"
            } else {
                unmatched += 1
                result = "Not matched"
            }
            let reason = student.assignment == nil ? student.mainReason?.wording(juvenileEntitled: false).text ?? "" : ""
            var seen = Set<ActionNeeded>()
            let actions = student.actionsNeeded.filter { seen.insert($0).inserted }.map(\.sentence)
            if !actions.isEmpty { actionCount += 1 }
            return [
                "name": student.sortName, "externalID": student.externalID, "grade": student.grade,
                "program": Vocabulary.programOfStudy(student.programOfStudy), "result": result,
                "reason": reason, "hasReason": !reason.isEmpty,
                "explanation": student.explanation.map { ExplanationRow.model($0, juvenileEntitled: false) },
                "hasExplanation": !student.explanation.isEmpty,
                "actions": actions, "hasActions": !actions.isEmpty,
            ]
        }
        return [
            "school": first.schoolName, "students": students.count, "matched": matched, "unmatched": unmatched,
            "noChoices": noChoices, "withActions": actionCount, "rows": rows,
            "matchRate": Vocabulary.percent(matched, of: matched + unmatched),
        ]
    }
}
