import Database
import Reports

/// Who receives which run emails: every active user, her role's default reports, adjusted by
/// `user_report_settings`.
enum RunRecipients {
    static func load(on conn: Connection) async throws -> [ReportRenderer.Subscription] {
        try await conn.query(RunQueries.recipients).compactMap { row in
            guard let role = ReportRecipient.Role(rawValue: try row.decode("role")) else { return nil }
            let recipient = ReportRecipient(userID: try row.decode("id"), name: try row.decode("name"), email: try row.decode("email"),
                                            role: role, organizationID: try row.decode("organization_id"),
                                            canViewJuvenile: try row.decode("can_view_juvenile"))
            let enabled = try row.decode("enabled", as: [String].self).compactMap(ReportKind.init(rawValue:))
            let disabled = try row.decode("disabled", as: [String].self).compactMap(ReportKind.init(rawValue:))
            let kinds = ReportKind.defaults(for: role).union(enabled).subtracting(disabled)
            return ReportRenderer.Subscription(recipient: recipient, kinds: kinds)
        }
    }
}
