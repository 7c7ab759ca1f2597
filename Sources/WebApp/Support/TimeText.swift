import Foundation

/// Times on the operations pages: `2026-11-29 10:51:07 UTC`, `-` for none.
enum TimeText {
    static func utc(_ date: Date?) -> String {
        guard let date else { return "-" }
        let text = ISO8601DateFormatter().string(from: date)   // 2026-11-29T10:51:07Z
        return text.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
    }
}
