import Store

/// The links at the top of every page, by role.
enum Navigation {
    static func items(for role: UserRole) -> [[String: String]] {
        var items: [(String, String)] = [("/", "Dashboard")]
        switch role {
        case .coordinator:
            items += [("/students", "Students"), ("/slots", "Slots"), ("/runs", "Match runs"), ("/users", "Users")]
        case .counselor:
            items += [("/students", "Students")]
        case .edcStaff:
            items += [("/slots", "Slots")]
        case .caseWorker, .employer:
            break
        }
        return items.map { ["href": $0.0, "label": $0.1] }
    }
}
