import ArgumentParser
import Database
import Foundation
import Store

/// `wblmatch audit`: print the audit log, newest first, filtered like the coordinators' page.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Print the audit log (newest first).",
        discussion: """
            One line per entry: id, time (UTC), actor, action, entity and key, then the before/after detail as JSON.
            Entries about juvenile-services data (referrals and their restrictions) are left out unless --juvenile.
            Reads DATABASE_URL.
            """)

    @Option(help: "Part of the actor's email (any case).") var actor: String = ""
    @Option(help: "Entity: choices, rankings, slots, referrals, guardian_consent, guardian_consent_requests, policies, match_runs, placements, …")
    var entity: String = ""
    @Option(name: .customLong("id"), help: "The entity's key (e.g. 12, or round/student/rank for a choice).") var entityID: String = ""
    @Option(help: "insert, update, delete, view or import.") var action: String = ""
    @Option(name: .customLong("text"), help: "Text anywhere in the detail.") var text: String = ""
    @Option(help: "Only entries at or after this time (ISO 8601, e.g. 2027-01-15 or 2027-01-15T08:00:00Z).") var since: String?
    @Option(help: "At most this many entries.") var limit: Int = 100
    @Flag(help: "Include entries about juvenile-services data (for those entitled to see it).") var juvenile = false
    @Flag(help: "Print JSON lines instead of text.") var json = false

    func run() async throws {
        let config = try AppConfig()
        var sinceDate: Date?
        if let since {
            guard let date = Self.parse(since) else {
                throw ValidationError("--since \(since): not a date or time; write 2027-01-15 or 2027-01-15T08:00:00Z")
            }
            sinceDate = date
        }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        let pool = DatabasePool(url: config.databaseURL, size: 1)
        let entries = try await AuditLog(pool: pool).search(
            AuditFilter(actor: actor, entity: entity, entityID: entityID, action: action, text: text, since: sinceDate, limit: limit),
            includeJuvenile: juvenile)
        let formatter = ISO8601DateFormatter()
        for e in entries {
            let at = formatter.string(from: e.at)
            if json {
                let object: [String: Any] = ["id": e.id, "at": at, "actor": e.actor, "action": e.action, "entity": e.entity, "entity_id": e.entityID,
                                             "detail": (try? JSONSerialization.jsonObject(with: Data(e.detail.utf8))) ?? e.detail]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print("\(e.id)\t\(at)\t\(e.actor)\t\(e.action)\t\(e.entity) \(e.entityID)\t\(e.detail)")
            }
        }
        await pool.close()
    }

    static func parse(_ text: String) -> Date? {
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}
