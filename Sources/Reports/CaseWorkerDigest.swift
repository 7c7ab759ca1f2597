/// A case worker's digest: only the outcomes of the referrals she made, with restrictions in full.
///
/// Placements awaiting her approval come first, then unmatched students, then the rest, each by
/// name; at most `rowLimit` are shown in full and the web app has every one.
enum CaseWorkerDigest {
    static let rowLimit = 200

    static func model(_ index: ReportIndex, caseWorkerUserID: Int64) -> [String: Any]? {
        let referred = index.referredByCaseWorker[caseWorkerUserID] ?? []
        guard !referred.isEmpty else { return nil }
        let students = index.report.students
        func urgency(_ s: StudentOutcome) -> Int { s.assignment?.pendingApproval == true ? 0 : s.assignment == nil ? 1 : 2 }
        let keys = referred.lazy.map { (urgency(students[$0]), students[$0].lastName, students[$0].firstName, students[$0].id, $0) }
        let shown = keys.smallest(rowLimit) { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }
        let rows = shown.map { ReferralRow.model(students[$0.4], index: index) }
        let more = referred.count - rows.count
        return [
            "count": referred.count, "matched": referred.filter { students[$0].assignment != nil }.count,
            "approvals": referred.filter { students[$0].assignment?.pendingApproval == true }.count, "rows": rows,
            "more": more, "hasMore": more > 0,
        ]
    }
}
