import Store

/// The links at the top of every page, by role.
enum Navigation {
    static func items(for role: UserRole) -> [[String: String]] {
        var items: [(String, String)] = [("/", "Dashboard")]
        switch role {
        case .coordinator:
            items += [("/students", "Students"), ("/slots", "Slots"), ("/rankings", "Rankings"), ("/runs", "Match runs"), ("/placements", "Placements"), ("/policy", "Policy"), ("/users", "Users"), ("/jobs", "Jobs"), ("/outbox", "Outbox"), ("/imports", "Upload CSV")]
        case .counselor:
            items += [("/students", "Students"), ("/placements", "Placements"), ("/imports", "Upload CSV")]
        case .edcStaff:
            items += [("/slots", "Slots"), ("/rankings", "Rankings"), ("/placements", "Placements"), ("/imports", "Upload CSV")]
        case .caseWorker:
            items += [("/referrals", "Referrals"), ("/referrals/approvals", "Approvals"), ("/imports", "Upload CSV")]
        case .employer:
            items += [("/rankings", "Rank applicants")]
        }
        return items.map { ["href": $0.0, "label": $0.1] }
    }
}
