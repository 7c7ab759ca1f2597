import Store

/// The dashboard's list of things to do, by role.
struct DashboardItems {
    let deps: Dependencies

    func items(for user: SignedInUser) async throws -> [[String: String]] {
        switch user.role {
        case .counselor:
            return [["href": "/students", "label": "Enter or review your students' choices"]]
        case .edcStaff:
            return [["href": "/slots", "label": "Keep your employers' slots up to date"]]
        case .caseWorker:
            return [["href": "/referrals", "label": "Refer a student, or see how your referrals were placed"]]
        case .employer:
            return []
        case .coordinator:
            return [
                ["href": "/runs", "label": "Review the latest match run"],
                ["href": "/users", "label": "Manage users"],
            ]
        }
    }
}
