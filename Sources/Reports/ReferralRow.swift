/// The view of one referred student's outcome, for entitled readers only (the referring case worker,
/// coordinators with the juvenile permission).
enum ReferralRow {
    static func model(_ student: StudentOutcome, index: ReportIndex) -> [String: Any] {
        let referral = student.referral
        var status: String
        var placement = ""
        if let seat = student.assignment {
            placement = index.placementLabel(seat.slotID)
            status = seat.pendingApproval ? "matched, pending case-worker approval" : "matched"
            if seat.onReservedSeat { status += ", on a second-chance seat" }
            placement += " (\(Vocabulary.ordinal(seat.choiceRank)) choice)"
        } else if student.choiceCount == 0 {
            status = "no choices entered"
        } else {
            status = "unmatched"
        }
        let reason = student.assignment == nil ? student.mainReason?.wording(juvenileEntitled: true).text ?? "" : ""
        return [
            "name": student.fullName, "school": student.schoolName, "caseWorker": referral?.caseWorkerName ?? "",
            "status": status, "placement": placement, "hasPlacement": !placement.isEmpty, "reason": reason,
            "hasReason": !reason.isEmpty, "restrictions": referral?.restrictions ?? [],
            "hasRestrictions": !(referral?.restrictions.isEmpty ?? true),
            "approvalNeeded": student.assignment?.pendingApproval ?? false,
            "explanation": student.explanation.map { ExplanationRow.model($0, juvenileEntitled: true) },
            "hasExplanation": !student.explanation.isEmpty,
        ]
    }
}
