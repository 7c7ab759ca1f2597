/// A case worker's digest: only the outcomes of the referrals she made, with restrictions in full.
enum CaseWorkerDigest {
    static func model(_ index: ReportIndex, caseWorkerUserID: Int64) -> [String: Any]? {
        let referred = index.report.students.filter { $0.referral?.caseWorkerUserID == caseWorkerUserID }
            .sorted { ($0.lastName, $0.firstName, $0.id) < ($1.lastName, $1.firstName, $1.id) }
        guard !referred.isEmpty else { return nil }
        let rows = referred.map { ReferralRow.model($0, index: index) }
        return [
            "count": referred.count, "matched": referred.filter { $0.assignment != nil }.count,
            "approvals": referred.filter { $0.assignment?.pendingApproval == true }.count, "rows": rows,
        ]
    }
}
